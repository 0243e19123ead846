using Graph.Api.Schema.Connections;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>documents</c> field: the source documents, a page at a time.</summary>
internal static class DocumentsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("documents", ConnectionTypes.RootOf("Document"), f => f
            .Description("The source documents, by id.")
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var documents = await GraphRequestContext.Of(c).Store.GetDocumentsAsync(c.CancellationToken).ConfigureAwait(false);
                return Paging.Page(c, CursorList.For(c, "Query.documents"), documents, SortKeys.Document);
            }));
}
