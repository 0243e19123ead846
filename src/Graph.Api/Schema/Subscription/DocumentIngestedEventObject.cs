using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>DocumentIngestedEvent</c> type: the document and how many proposals it produced.</summary>
internal static class DocumentIngestedEventObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<DocumentIngested>("DocumentIngestedEvent", t => t
        .Description("A document was ingested.")
        .Field("documentId", Scalars.String.NonNull(), "The document's readable id `doc:slug`.", e => e.Document.Value)
        .Field("document", Types.Ref("Document"), f => f
            .Description("The document as stored; null if it was removed since.")
            .ResolveAsync(async (e, c) => await GraphRequestContext.Of(c).Store.GetDocumentAsync(e.Document, c.CancellationToken).ConfigureAwait(false)))
        .Field("proposalCount", Scalars.Int.NonNull(), "How many proposals were saved with it.", e => e.Proposals)
        .Field("acceptedCount", Scalars.Int.NonNull(), "How many of them were accepted on the spot (auto-accept threshold).", e => e.Accepted)
        .Field("at", Scalars.String.NonNull(), "When it was published (ISO 8601, UTC).", e => e.At.ToString("O")));
}
