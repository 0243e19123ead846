using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>proposalsChanged(document:)</c> subscription: proposals were made, accepted, rejected or edited.</summary>
internal static class ProposalsChangedField
{
    /// <summary>Adds the field to the subscription root.</summary>
    public static void Declare(ObjectTypeBuilder<object> subscription) => subscription
        .Field("proposalsChanged", Types.Ref("ProposalsChangedEvent").NonNull(), f => f
            .Description("Proposals of a document were made (ingestion, re-extraction), accepted, rejected or edited.")
            .Argument("document", Scalars.ID, a => a.Description("Only this document's proposals: `doc:slug` or its global id; omitted means every document."))
            .Subscribe(SubscriptionObject.Guarded(c =>
            {
                var bus = SubscriptionObject.Bus(c);
                var document = Args.String(c, "document") is { } text ? Args.ParseDocumentId(text, "document") : (Core.Model.DocumentId?)null;
                return Task.FromResult<IAsyncEnumerable<object?>>(bus.Subscribe<ProposalsChanged>(e => document is null || e.Document == document));
            }))
            .Resolve(e => e));
}
