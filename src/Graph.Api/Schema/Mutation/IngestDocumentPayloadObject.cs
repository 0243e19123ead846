using Graph.Api.Schema.Review;
using Graph.Core.Store;
using Graph.GraphQL.Type;
using Graph.Ingest.Ingestion;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>IngestDocumentPayload</c> object type: what ingestDocument (or reextractDocument) did.</summary>
internal static class IngestDocumentPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<IngestionResult>("IngestDocumentPayload", t => t
        .Description("What ingestDocument did.")
        .Field("outcome", Types.Ref("IngestOutcome").NonNull(), "Created, duplicate, new version or re-extracted.", r => r.Outcome)
        .Field("message", Scalars.String.NonNull(), "One line saying what happened.", r => r.Describe())
        .Field("document", Types.Ref("Document"), f => f
            .Description("The document stored (for a duplicate, the one already holding the text).")
            .ResolveAsync(async (r, c) => await GraphRequestContext.Of(c).Store.GetDocumentAsync(r.Document, c.CancellationToken).ConfigureAwait(false)))
        .Field("proposalCount", Scalars.Int.NonNull(), "Proposals added to the review queue (auto-accepted ones included).", r => r.Proposals)
        .Field("autoAccepted", Scalars.Int.NonNull(), "Of those, accepted at once by the threshold.", r => r.AutoAccepted)
        .Field("skippedRejected", Scalars.Int.NonNull(), "Proposals not added because an analyst rejected them before.", r => r.SkippedRejected)
        .Field("proposals", Types.NonNullList(Types.Ref("Proposal")), f => f
            .Description("The document's proposals as they stand now, in document order.")
            .ResolveAsync(async (r, c) => await ProposalPages.Review(c).ListAsync(new ProposalQuery(r.Document, Status: null, Limit: ProposalQuery.MaxLimit), c.CancellationToken).ConfigureAwait(false))));
}
