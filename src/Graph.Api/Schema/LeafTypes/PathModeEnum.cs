using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>PathMode</c> enum: which paths a path query returns.</summary>
public static class PathModeEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("PathMode", e => e
        .Description("Which paths `paths` returns.")
        .Value("SHORTEST", PathMode.Shortest, v => v.Description("One path with the fewest hops."))
        .Value("ALL_SHORTEST", PathMode.AllShortest, v => v.Description("Every path with the fewest hops."))
        .Value("ALL_SIMPLE", PathMode.AllSimple, v => v.Description("Every path without a repeated actor, up to maxDepth hops, shortest first.")));
}
