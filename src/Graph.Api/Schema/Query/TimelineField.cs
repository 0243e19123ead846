using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Relationships;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>timeline(actor:, from:, to:)</c> field: an actor's dated relationships, oldest first.</summary>
internal static class TimelineField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("timeline", ConnectionTypes.RootOf("Relationship"), f => f
            .Description("An actor's dated relationships, oldest first (then by type and the other actor), optionally within a window. Each edge's `date` is what it is ordered by.")
            .Argument("actor", Scalars.ID.NonNull(), a => a.Description("The actor: a global id, a readable id or a name."))
            .Argument("from", Types.Ref("PartialDate"), a => a.Description("Start of the window (its first day counts)."))
            .Argument("to", Types.Ref("PartialDate"), a => a.Description("End of the window (its last day counts)."))
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var context = GraphRequestContext.Of(c);
                var from = Args.Date(c, "from");
                var to = Args.Date(c, "to");
                new RelationshipFilter { From = from, To = to }.Validated();
                var actor = await ActorReferences.ResolveAsync(context.Store, (string)Args.Raw(c, "actor")!, "actor", c.CancellationToken).ConfigureAwait(false);
                var edges = await context.Store.GetTimelineAsync(actor.Id, from, to, c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(c, CursorList.For(c, "Query.timeline", actor.Id.Value), edges.Select(e => new RelationshipView(e, actor.Id)).ToList(), SortKeys.Timeline);
            }));
}
