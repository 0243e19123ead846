using Graph.Core.Errors;
using Graph.Core.Ontology;
using static Graph.Core.Ontology.NodeKind;

namespace Graph.Core.Tests;

public sealed class GraphOntologyTests
{
    [Theory]
    [InlineData(RelationshipType.VotedFor, State, Resolution, true)]
    [InlineData(RelationshipType.VotedFor, Agency, Treaty, true)]
    [InlineData(RelationshipType.VotedFor, Official, Resolution, false)]
    [InlineData(RelationshipType.Ratified, Treaty, State, false)]
    [InlineData(RelationshipType.Deployed, State, Conflict, true)]
    [InlineData(RelationshipType.Deployed, Agency, State, false)]
    [InlineData(RelationshipType.Targets, Resolution, State, true)]
    [InlineData(RelationshipType.Targets, State, Resolution, false)]
    [InlineData(RelationshipType.Leads, Official, Agency, true)]
    [InlineData(RelationshipType.LocatedIn, State, Location, false)]
    [InlineData(RelationshipType.MetWith, Person, Official, true)]
    [InlineData(RelationshipType.Gifted, Official, Official, true)]
    [InlineData(RelationshipType.Gifted, State, Official, false)]
    public void Direction_rules_allow_only_the_listed_kinds(RelationshipType type, NodeKind from, NodeKind to, bool allowed)
    {
        Assert.Equal(allowed, GraphOntology.RuleFor(type).Allows(from, to));
    }

    [Fact]
    public void Symmetric_types_are_exactly_alliance_war_and_meetings()
    {
        Assert.Equal(
            [RelationshipType.AlliedWith, RelationshipType.AtWarWith, RelationshipType.MetWith],
            GraphOntology.Rules.Where(r => r.Symmetric).Select(r => r.Type));
    }

    [Fact]
    public void Every_type_has_a_rule_in_enum_order_with_both_name_forms()
    {
        Assert.Equal(Enum.GetValues<RelationshipType>(), GraphOntology.Rules.Select(r => r.Type));
        var rule = GraphOntology.RuleFor(RelationshipType.SuppliesArmsTo);
        Assert.Equal(("SUPPLIES_ARMS_TO", "suppliesArmsTo"), (rule.Name, rule.FieldName));
    }

    [Theory]
    [InlineData("VOTED_FOR")]
    [InlineData("votedFor")]
    [InlineData("VotedFor")]
    [InlineData("voted_for")]
    public void Type_names_parse_in_every_form(string name)
    {
        Assert.Equal(RelationshipType.VotedFor, GraphOntology.ParseType(name));
    }

    [Fact]
    public void Unknown_names_are_refused_listing_what_is_allowed()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => GraphOntology.ParseType("LOVES"));
        Assert.Contains("VOTED_FOR", error.Message, StringComparison.Ordinal);
        Assert.False(GraphOntology.TryParseKind("Country", out _));
        Assert.Contains("State", Assert.Throws<InvalidArgumentException>(() => GraphOntology.ParseKind("Country")).Message, StringComparison.Ordinal);
        Assert.False(GraphOntology.TryParseType(null, out _));
    }
}
