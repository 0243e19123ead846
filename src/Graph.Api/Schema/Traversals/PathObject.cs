using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>Path</c> object type: actors from start to end and the edges between them.</summary>
internal static class PathObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<GraphPath>("Path", t => t
        .Description("A path: actors from start to end and the edges between them.")
        .Field("length", Scalars.Int.NonNull(), "Hops.", p => p.Length)
        .Field("actors", Types.NonNullList(Types.Ref("Actor")), "The actors in order, start first.", p => p.Actors)
        .Field("steps", Types.NonNullList(Types.Ref("PathStep")), "The hops in order.", p => p.Steps)
        .Field("nodes", Types.NonNullList(Types.Ref("GraphNode")), "The actors as drawing nodes (depth = position on the path).", p => p.Actors.Select((a, i) => new SubgraphNode(a, i)).ToList())
        .Field("edges", Types.NonNullList(Types.Ref("GraphEdge")), "The edges as drawing edges.", p => p.Steps.Select(s => s.Edge).ToList()));
}
