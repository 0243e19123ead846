using Graph.Core.Errors;
using Graph.Core.Events;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>
/// The <c>Subscription</c> root: changes pushed as they are written. Each field's subscribe resolver joins the store's
/// event bus (<see cref="GraphEventBus"/>, fed by <see cref="PublishingGraphStore"/>); each event is then executed as the
/// field's selection, against the store as it is after the write. Served over graphql-transport-ws and SSE (Http/Subscriptions).
/// </summary>
internal static class SubscriptionObject
{
    /// <summary>Declares the root with its fields.</summary>
    public static ObjectType Create() => ObjectType.Create<object>("Subscription", t =>
    {
        t.Description("Changes pushed as they are written, over WebSocket (`graphql-transport-ws`) or Server-Sent Events at /graphql. Each subscription selects one field; an event arrives once the write has committed.");
        RelationshipChangedField.Declare(t);
        DocumentIngestedField.Declare(t);
        ProposalsChangedField.Declare(t);
    });

    /// <summary>The bus of the request's store; a store composed without one cannot serve subscriptions.</summary>
    public static GraphEventBus Bus(IResolveFieldContext c) =>
        (GraphRequestContext.Of(c).Store as PublishingGraphStore)?.Events
        ?? throw ApiErrors.From(new InvalidArgumentException("subscription", "This server's store publishes no events, so subscriptions are not available."));

    /// <summary>A subscribe resolver whose store errors (an unknown actor) become coded GraphQL errors.</summary>
    public static SubscribeResolver Guarded(Func<IResolveFieldContext, Task<IAsyncEnumerable<object?>>> subscribe) => async c =>
    {
        try
        {
            return await subscribe(c).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            throw ApiErrors.From(e);
        }
    };
}
