using Graph.Core.Events;
using Graph.Core.Store;

namespace Graph.Api.Composition;

/// <summary>
/// Puts the event bus in front of the store: the registered <see cref="IGraphStore"/> is replaced by a
/// <see cref="PublishingGraphStore"/> over it (unless its stack holds one already, as <see cref="GraphStoreFactory"/> opens them),
/// so every writer the server composes publishes, and the bus is registered for the subscription transports.
/// </summary>
public static class EventsComposition
{
    /// <summary>Wraps the registered store and registers its <see cref="GraphEventBus"/>.</summary>
    public static IServiceCollection AddGraphEvents(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(GraphEventBus)))
        {
            return services;
        }

        var registered = services.LastOrDefault(s => s.ServiceType == typeof(IGraphStore));
        if (registered is null)
        {
            return services;
        }

        services.Remove(registered);
        services.AddSingleton<IGraphStore>(provider =>
        {
            var inner = registered.ImplementationInstance as IGraphStore
                ?? (registered.ImplementationFactory?.Invoke(provider) as IGraphStore)
                ?? throw new InvalidOperationException("The store must be registered as an instance or a factory before the GraphQL API.");

            // A store opened by GraphStoreFactory publishes already, perhaps under other decorators (telemetry): keep
            // its stack. The composition that opened a bare store closes it: the wrapper does not own what it did not open.
            return inner.Find<PublishingGraphStore>() is not null ? inner : new PublishingGraphStore(inner, new GraphEventBus(), ownsInner: false);
        });
        services.AddSingleton(provider => provider.GetRequiredService<IGraphStore>().Find<PublishingGraphStore>()!.Events);
        return services;
    }
}
