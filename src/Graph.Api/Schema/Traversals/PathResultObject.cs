using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>PathResult</c> object type: the paths found between two actors, and all of them as one drawing.</summary>
internal static class PathResultObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<PathQueryResult>("PathResult", t => t
        .Description("The paths found between two actors, and all of them as one drawing.")
        .Field("paths", Types.NonNullList(Types.Ref("Path")), "The paths, shortest first.", r => r.Result.Paths)
        .Field("count", Scalars.Int.NonNull(), "How many paths were found.", r => r.Result.Paths.Count)
        .Field("truncated", Scalars.Boolean.NonNull(), "True when the limit cut the list short.", r => r.Result.Truncated)
        .Field("subgraph", Types.Ref("Subgraph").NonNull(), "Every actor and edge on any path, ready to draw.", r => Subgraph.Of(r.Result))
        .Field("from", Types.Ref("Actor").NonNull(), "The start actor, as resolved.", r => r.From)
        .Field("to", Types.Ref("Actor").NonNull(), "The end actor, as resolved.", r => r.To));
}

/// <summary>A path query's result with the two actors as resolved from the arguments.</summary>
internal sealed record PathQueryResult(PathResult Result, Actor From, Actor To);
