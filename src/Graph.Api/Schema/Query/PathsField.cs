using Graph.Api.Schema.Relationships;
using Graph.Api.Schema.Traversals;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>paths(from:, to:, mode:, ...)</c> field: paths between two actors, and where it is resolved.</summary>
internal static class PathsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("paths", Types.Ref("PathResult"), f => f
            .Description("Paths between two actors (edges followed either way unless `direction` says otherwise), by `mode`, bounded by `maxDepth` and `limit`. With ALL_SHORTEST each sequence of actors is one path: parallel edges between two of its actors are grouped in it, one step each, side by side (by relationship id).")
            .Argument("from", Scalars.ID.NonNull(), a => a.Description("The start: a global id, a readable id or a name."))
            .Argument("to", Scalars.ID.NonNull(), a => a.Description("The end: a global id, a readable id or a name."))
            .Argument("maxDepth", Scalars.Int, a => a.Description($"Most hops, 1..{PathRequest.MaxAllowedDepth}.").DefaultValue(4))
            .Argument("mode", Types.Ref("PathMode"), a => a.Description("Which paths to return.").DefaultValue(PathMode.Shortest))
            .Argument("limit", Scalars.Int, a => a.Description($"Most paths to return, 1..{PathRequest.MaxLimit}.").DefaultValue(10))
            .FilterArguments(withDirection: true, fromName: "windowFrom", toName: "windowTo")
            .ResolveAsync(ResolveAsync));

    /// <summary>Resolves both ends (ids or names), asks the store for the paths and primes the actor loader with their actors.</summary>
    private static async Task<object?> ResolveAsync(object root, IResolveFieldContext c)
    {
        var context = GraphRequestContext.Of(c);
        var maxDepth = Args.Int(c, "maxDepth") ?? 4;
        var mode = Args.Enum<PathMode>(c, "mode") ?? PathMode.Shortest;
        var limit = Args.Int(c, "limit") ?? 10;
        var filter = Args.Filter(c, fromName: "windowFrom", toName: "windowTo");
        var from = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "from")!, "from", c.CancellationToken).ConfigureAwait(false);
        var to = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "to")!, "to", c.CancellationToken).ConfigureAwait(false);
        var result = await context.Store.FindPathsAsync(new PathRequest(from.Id, to.Id, maxDepth, mode, filter, limit).Validated(), c.CancellationToken).ConfigureAwait(false);
        context.Prime(c, result.Paths.SelectMany(p => p.Actors));
        return new PathQueryResult(result, from, to);
    }
}
