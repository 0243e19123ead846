using Graph.Api.Schema.Connections;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>conflicts</c> field: every quantity whose sources disagree.</summary>
internal static class ConflictsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("conflicts", ConnectionTypes.RootOf("QuantityConflict"), f => f
            .Description("Every quantity whose sources disagree (e.g. 13,221 vs about 15,000 workers), each side with its evidence.")
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var conflicts = await GraphRequestContext.Of(c).Store.GetConflictsAsync(c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(c, CursorList.For(c, "Query.conflicts"), conflicts, SortKeys.Conflict);
            }));
}
