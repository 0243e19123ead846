using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>commonNeighbours(a:, b:)</c> field: actors linked to both of two actors.</summary>
internal static class CommonNeighboursField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("commonNeighbours", ConnectionTypes.RootOf("CommonNeighbour"), f => f
            .Description("Actors linked to both `a` and `b`, by id, with the edges on each side.")
            .Argument("a", Scalars.ID.NonNull(), a => a.Description("The first actor: a global id, a readable id or a name."))
            .Argument("b", Scalars.ID.NonNull(), a => a.Description("The second actor: a global id, a readable id or a name."))
            .FilterArguments(withDirection: false)
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var context = GraphRequestContext.Of(c);
                var filter = Args.Filter(c);
                var a = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "a")!, "a", c.CancellationToken).ConfigureAwait(false);
                var b = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "b")!, "b", c.CancellationToken).ConfigureAwait(false);
                var common = await context.Store.GetCommonNeighboursAsync(a.Id, b.Id, filter, c.CancellationToken).ConfigureAwait(false);
                context.Prime(c, common.Select(n => n.Actor));
                return Paging.Page(c, CursorList.For(c, "Query.commonNeighbours"), common, SortKeys.CommonNeighbour);
            }));
}
