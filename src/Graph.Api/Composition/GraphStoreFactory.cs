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
                var embedded = new EmbeddedStoreOptions();
                if (!string.IsNullOrWhiteSpace(options.Embedded.Path))
                {
                    embedded = embedded with { Path = Path.GetFullPath(options.Embedded.Path) };
                }

                return await EmbeddedGraphStore.OpenAsync(embedded, loggerFactory.CreateLogger<EmbeddedGraphStore>(), cancellationToken).ConfigureAwait(false);
            case StoreKind.Neo4j:
                return await Neo4jComposition.OpenAsync(options.Neo4j, loggerFactory, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Store, "Unknown store.");
        }
    }
}
