using Graph.Api.Schema.Review;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>reextractDocument</c> mutation: reads a stored document again with the current extractor.</summary>
internal static class ReextractDocumentField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("reextractDocument", Types.Ref("IngestDocumentPayload"), f => f
            .Description("Reads a stored document again with the current extractor; only new proposals are queued, and rejected ones are not proposed again.")
            .Argument("document", Scalars.ID.NonNull(), a => a.Description("The document (`doc:slug` or its global id)."))
            .Resolve(MutationObject.Write(async (c, _, _) => await ProposalPages.Ingestion(c).ReextractAsync(Args.ParseDocumentId(Args.String(c, "document")!, "document"), cancellationToken: c.CancellationToken).ConfigureAwait(false))));
}
