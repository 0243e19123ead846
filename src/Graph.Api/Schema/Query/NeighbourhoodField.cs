using Graph.Api.Schema.Relationships;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>neighbourhood(actor:, depth:, ...)</c> field: the actors within some hops of one, shaped for drawing.</summary>
internal static class NeighbourhoodField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("neighbourhood", Types.Ref("Subgraph"), f => f
            .Description("The actors within `depth` hops of an actor and the edges between them, breadth first, shaped for drawing. Stops adding actors at `limit`, follows at most `edgesPerActor` edges from any actor and returns at most `edgeLimit` edges, and says so in `truncated` with the edges left out counted per type in `omitted`: a hub's neighbourhood stays small.")
            .Argument("actor", Scalars.ID.NonNull(), a => a.Description("The centre: a global id, a readable id (`state:russia`) or a name."))
            .Argument("depth", Scalars.Int, a => a.Description($"Hops, 1..{NeighbourhoodRequest.MaxDepth}.").DefaultValue(1))
            .FilterArguments(withDirection: true)
            .Argument("limit", Scalars.Int, a => a.Description($"Most actors to return, 1..{NeighbourhoodRequest.MaxNodeLimit}.").DefaultValue(500))
            .Argument("edgesPerActor", Scalars.Int, a => a.Description($"Most edges followed from one actor (its first ones in the store's order), 1..{NeighbourhoodRequest.MaxEdgesPerActor}.").DefaultValue(NeighbourhoodRequest.DefaultEdgesPerActor))
            .Argument("edgeLimit", Scalars.Int, a => a.Description($"Most edges to return, 1..{NeighbourhoodRequest.MaxEdgeLimit}.").DefaultValue(NeighbourhoodRequest.DefaultEdgeLimit))
            .ResolveAsync(async (_, c) =>
            {
                var context = GraphRequestContext.Of(c);
                var depth = Args.Int(c, "depth") ?? 1;
                var limit = Args.Int(c, "limit") ?? 500;
                var filter = Args.Filter(c);
                var center = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "actor")!, "actor", c.CancellationToken).ConfigureAwait(false);
                var subgraph = await context.Store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center.Id, depth, filter, limit)
                {
                    EdgesPerActor = Args.Int(c, "edgesPerActor") ?? NeighbourhoodRequest.DefaultEdgesPerActor,
                    EdgeLimit = Args.Int(c, "edgeLimit") ?? NeighbourhoodRequest.DefaultEdgeLimit,
                }.Validated(), c.CancellationToken).ConfigureAwait(false);
                context.Prime(c, subgraph.Nodes.Select(n => n.Actor));
                return subgraph;
            }));
}
