using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Connections;

/// <summary>The <c>PageInfo</c> object type: where a page of a connection sits.</summary>
internal static class PageInfoObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<PageInfo>("PageInfo", t => t
        .Description("Where a page of a connection sits in the whole list (Relay cursor connections).")
        .Field("hasNextPage", Scalars.Boolean.NonNull(), "True when items follow this page: ask again with `after: endCursor`.", p => p.HasNextPage)
        .Field("hasPreviousPage", Scalars.Boolean.NonNull(), "True when items precede this page.", p => p.HasPreviousPage)
        .Field("startCursor", Scalars.String, "Cursor of the first item of the page; null when the page is empty.", p => p.StartCursor)
        .Field("endCursor", Scalars.String, "Cursor of the last item of the page; pass it as `after` for the next page.", p => p.EndCursor));
}
