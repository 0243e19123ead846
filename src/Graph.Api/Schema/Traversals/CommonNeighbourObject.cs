using Graph.Api.Schema.Relationships;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>CommonNeighbour</c> object type: an actor linked to both of two actors.</summary>
internal static class CommonNeighbourObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<CommonNeighbour>("CommonNeighbour", t => t
        .Description("An actor linked to both of two actors, with the edges on each side.")
        .Field("actor", Types.Ref("Actor").NonNull(), "The actor in common.", n => n.Actor)
        .Field("viaA", Types.NonNullList(Types.Ref("Relationship")), "Its edges with the first actor (`a`).", n => View(n, first: true))
        .Field("viaB", Types.NonNullList(Types.Ref("Relationship")), "Its edges with the second actor (`b`).", n => View(n, first: false)));

    private static List<RelationshipView> View(CommonNeighbour neighbour, bool first)
    {
        var edges = first ? neighbour.ViaFirst : neighbour.ViaSecond;
        return edges.Select(e => new RelationshipView(e, e.Other(neighbour.Actor.Id))).ToList();
    }
}
