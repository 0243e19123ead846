using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Core.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("state:north-korea", NodeKind.State)]
    [InlineData("agency:national-intelligence-service", NodeKind.Agency)]
    [InlineData("resolution:unsc-resolution-2397", NodeKind.Resolution)]
    public void Actor_ids_carry_their_kind(string text, NodeKind kind)
    {
        var id = ActorId.Parse(text);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("north-korea")]
    [InlineData("State:north-korea")]
    [InlineData("state:North-Korea")]
    [InlineData("state:")]
    [InlineData("state:-korea")]
    [InlineData("country:korea")]
    [InlineData("state:north korea")]
    public void Malformed_actor_ids_are_refused_with_the_expected_form(string text)
    {
        Assert.False(ActorId.TryParse(text, out _));
        var error = Assert.Throws<InvalidArgumentException>(() => ActorId.Parse(text));
        Assert.Contains("'kind:slug'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_made_from_names()
    {
        Assert.Equal("state:north-korea", ActorId.For(NodeKind.State, "North Korea").Value);
        Assert.Equal("official:wi-sung-lac", ActorId.For(NodeKind.Official, "Wí Sung–lac").Value);
        Assert.Equal("doc:nis-2025", DocumentId.Parse("doc:nis-2025").Value);
        Assert.False(DocumentId.TryParse("document:x", out _));
    }

    [Fact]
    public void Symmetric_relationship_keys_order_their_ends()
    {
        var (russia, korea) = (ActorId.Parse("state:russia"), ActorId.Parse("state:north-korea"));
        var allied = new RelationshipKey(RelationshipType.AlliedWith, russia, korea).Canonical();
        Assert.Equal((korea, russia), (allied.From, allied.To));
        var deployed = new RelationshipKey(RelationshipType.Deployed, russia, korea).Canonical();
        Assert.Equal((russia, korea), (deployed.From, deployed.To));
    }

    [Fact]
    public void Relationship_ids_round_trip_with_qualifiers()
    {
        var key = new RelationshipKey(RelationshipType.Deployed, ActorId.Parse("state:north-korea"), ActorId.Parse("state:russia"), "workers");
        Assert.Equal("DEPLOYED:state:north-korea->state:russia#workers", key.ToId());
        Assert.Equal(key, RelationshipKey.ParseId(key.ToId()));
        Assert.Equal(
            new RelationshipKey(RelationshipType.AlliedWith, ActorId.Parse("state:north-korea"), ActorId.Parse("state:russia")),
            RelationshipKey.ParseId("ALLIED_WITH:state:russia->state:north-korea"));
        Assert.Throws<InvalidArgumentException>(() => RelationshipKey.ParseId("DEPLOYED:state:a"));
        Assert.Throws<InvalidArgumentException>(() => RelationshipKey.ParseId("LOVES:state:a->state:b"));
        Assert.Throws<InvalidArgumentException>(() => RelationshipKey.ParseId("DEPLOYED:state:a->state:b#Not Slug"));
    }
}
