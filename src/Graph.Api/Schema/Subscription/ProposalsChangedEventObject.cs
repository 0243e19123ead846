using Graph.Api.Composition;
using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>ProposalsChangedEvent</c> type: a document's proposals that changed and how.</summary>
internal static class ProposalsChangedEventObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<ProposalsChanged>("ProposalsChangedEvent", t => t
        .Description("Proposals of one document changed.")
        .Field("change", Types.Ref("ProposalsChange").NonNull(), "What happened to them.", e => e.Change)
        .Field("documentId", Scalars.String.NonNull(), "The document's readable id `doc:slug`.", e => e.Document.Value)
        .Field("proposalIds", Types.NonNullList(Scalars.ID), "The proposals concerned.", e => e.ProposalIds)
        .Field("proposals", Types.NonNullList(Types.Ref("Proposal")), f => f
            .Description("The proposals concerned, as they stand now.")
            .ResolveAsync(async (e, c) =>
            {
                var store = IngestionComposition.IngestionStoreOf(GraphRequestContext.Of(c).Store);
                var records = new List<object>();
                foreach (var id in e.ProposalIds)
                {
                    if (await store.GetProposalAsync(id, c.CancellationToken).ConfigureAwait(false) is { } record)
                    {
                        records.Add(record);
                    }
                }

                return records;
            }))
        .Field("at", Scalars.String.NonNull(), "When it was published (ISO 8601, UTC).", e => e.At.ToString("O")));
}
