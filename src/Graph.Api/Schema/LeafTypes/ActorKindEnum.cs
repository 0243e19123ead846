using Graph.Api.Schema.Actors;
using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>ActorKind</c> enum: the node kinds of the ontology, as <c>STATE</c>, <c>AGENCY</c>, ...</summary>
public static class ActorKindEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("ActorKind", e =>
    {
        e.Description("The kind of an actor: which object type it has and which relationships it may take part in.");
        foreach (var kind in GraphOntology.Kinds)
        {
            e.Value(kind.ToString().ToUpperInvariant(), kind, v => v.Description(KindDescriptions.Of(kind)));
        }
    });
}
