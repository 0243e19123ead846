using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Actors;

/// <summary>The <c>Node</c> interface: objects with an opaque global id, refetchable with <c>node(id:)</c>.</summary>
internal static class NodeInterface
{
    /// <summary>Declares the interface.</summary>
    public static InterfaceType Create() => InterfaceType.Create<object>("Node", t => t
        .Description("An object with an opaque global id, refetchable with `node(id:)`.")
        .Field("id", Scalars.ID.NonNull(), f => f.Description("Opaque global id (base64 of `Type:key`). Stable across requests; use it with `node`/`nodes`."))
        .ResolveType(TypeNameOf));

    /// <summary>The object type of a node value: an actor's kind type, a relationship, document, evidence, conflict or claim.</summary>
    public static object? TypeNameOf(object value) => value switch
    {
        Actor actor => ActorKindObjects.TypeNameOf(actor.Kind),
        RelationshipView => "Relationship",
        Document => "Document",
        EvidenceView => "Evidence",
        Graph.Core.Store.QuantityConflict => "QuantityConflict",
        QuantityClaimView => "QuantityClaim",
        _ => null,
    };
}
