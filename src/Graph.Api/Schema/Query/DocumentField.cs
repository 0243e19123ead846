using Graph.Core.Errors;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>document(id:)</c> field: one document by id.</summary>
internal static class DocumentField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("document", Types.Ref("Document"), f => f
            .Description("One document by id. An unknown id is a NOT_FOUND error.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("`doc:slug` or the document's global id."))
            .ResolveAsync(async (_, c) =>
            {
                var id = Args.ParseDocumentId((string)Args.Raw(c, "id")!, "id");
                return await GraphRequestContext.Of(c).Store.GetDocumentAsync(id, c.CancellationToken).ConfigureAwait(false)
                    ?? throw new NotFoundException("document", id.Value);
            }));
}
