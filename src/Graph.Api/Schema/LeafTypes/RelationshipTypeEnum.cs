using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>RelationshipType</c> enum: the relationship types of the ontology, as <c>VOTED_FOR</c>, ...</summary>
public static class RelationshipTypeEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("RelationshipType", e =>
    {
        e.Description("The closed list of relationship types. Each edge has one; the typed fields of actors (`votedFor`, `votedForBy`, ...) are named after them.");
        foreach (var rule in GraphOntology.Rules)
        {
            e.Value(rule.Name, rule.Type, v => v.Description($"{Capitalize(rule.Meaning)}: {rule.Describe()}."));
        }
    });

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
