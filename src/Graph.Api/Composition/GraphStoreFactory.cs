using Graph.Api.Health;
using Graph.Core.Store;
using Graph.Storage.Embedded;

namespace Graph.Api.Composition;

/// <summary>Opens the configured store: the one place that knows which stores exist.</summary>
public static class GraphStoreFactory
{
    /// <summary>Opens the store the options name.</summary>
    public static async Task<IGraphStore> OpenAsync(GraphOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        switch (options.Store)
        {
            case StoreKind.Embedded:
                return await OpenEmbeddedAsync(options, loggerFactory, cancellationToken).ConfigureAwait(false);
            case StoreKind.Neo4j:
                return await Neo4jComposition.OpenAsync(options.Neo4j, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Store, "Unknown store.");
        }
    }

    /// <summary>The readiness check for the store: a lookup, and for the embedded store a fresh read of its file too.</summary>
    public static StoreReadiness Readiness(IGraphStore store) =>
        new(store, StoreReadiness.DefaultTimeout, store is EmbeddedGraphStore embedded ? embedded.CheckRecordAsync : null);

    /// <summary>Opens the embedded store whatever store is selected (the source of <c>sync</c>).</summary>
    public static async Task<IGraphStore> OpenEmbeddedAsync(GraphOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var embedded = new EmbeddedStoreOptions();
        if (!string.IsNullOrWhiteSpace(options.Embedded.Path))
        {
            embedded = embedded with { Path = Path.GetFullPath(options.Embedded.Path) };
        }

        return await EmbeddedGraphStore.OpenAsync(embedded, loggerFactory.CreateLogger<EmbeddedGraphStore>(), cancellationToken).ConfigureAwait(false);
    }
}
