using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The <c>documentIngested</c> subscription: a document was read, its proposals saved.</summary>
internal static class DocumentIngestedField
{
    /// <summary>Adds the field to the subscription root.</summary>
    public static void Declare(ObjectTypeBuilder<object> subscription) => subscription
        .Field("documentIngested", Types.Ref("DocumentIngestedEvent").NonNull(), f => f
            .Description("A document (or a new version of one) was ingested, by the API or the command line of this server's process, with its proposals saved.")
            .Subscribe(SubscriptionObject.Guarded(c => Task.FromResult<IAsyncEnumerable<object?>>(SubscriptionObject.Bus(c).Subscribe<DocumentIngested>())))
            .Resolve(e => e));
}
