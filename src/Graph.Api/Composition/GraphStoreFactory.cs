using Graph.Api.Health;
using Graph.Core.Events;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;

namespace Graph.Api.Composition;

/// <summary>Opens the configured store: the one place that knows which stores exist.</summary>
public static class GraphStoreFactory
{
    /// <summary>Opens the store the options name, behind the event bus (<see cref="PublishingGraphStore"/>): its writes publish.</summary>
    public static async Task<IGraphStore> OpenAsync(GraphOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        IGraphStore store = options.Store switch
        {
            StoreKind.Embedded => await OpenEmbeddedAsync(options, loggerFactory, cancellationToken).ConfigureAwait(false),
            StoreKind.Neo4j => await Neo4jComposition.OpenAsync(options.Neo4j, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Store, "Unknown store."),
        };
        return new PublishingGraphStore(store, new GraphEventBus(), ownsInner: true);
    }

    /// <summary>The readiness check for the store: a lookup, and for the embedded store a fresh read of its file too.</summary>
    public static StoreReadiness Readiness(IGraphStore store) =>
        new(store, StoreReadiness.DefaultTimeout, store.Find<EmbeddedGraphStore>() is { } embedded ? embedded.CheckRecordAsync : null);

    /// <summary>Opens the embedded store whatever store is selected (the source of <c>sync</c>).</summary>
    public static async Task<IGraphStore> OpenEmbeddedAsync(GraphOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        return await EmbeddedGraphStore.OpenAsync(EmbeddedOptions(options), loggerFactory.CreateLogger<EmbeddedGraphStore>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="snapshot"/> into a new embedded store file with the bulk loader, when the embedded store is
    /// selected and its file does not exist yet; null otherwise (import into the opened store then). The same checks
    /// and merging as an import, all or nothing, several times faster; the first open fills the full-text index.
    /// </summary>
    public static async Task<(string Path, UpsertResult Result)?> TryBulkLoadNewFileAsync(
        GraphOptions options, GraphSnapshot snapshot, IProgress<ImportProgress>? progress, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var path = EmbeddedOptions(options).Path;
        if (options.Store != StoreKind.Embedded || File.Exists(path))
        {
            return null;
        }

        var (result, _) = await EmbeddedBulkLoader.LoadAsync(path, snapshot, progress, loggerFactory.CreateLogger<EmbeddedBulkLoader>(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return (path, result);
    }

    /// <summary>
    /// Waits, however long it takes, for the full-text index that an embedded store fills on its first open after a bulk
    /// load; returns at once for any other store or file. A one-off command (the command line's <c>search</c>) would
    /// otherwise give up after the search's usual wait and, closing, leave the fill for the next open again.
    /// </summary>
    public static async Task WaitForTextIndexAsync(IGraphStore store, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        if (store.Find<EmbeddedGraphStore>() is { TextIndexReady: { IsCompleted: false } fill })
        {
            waiting?.Invoke();
            await fill.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The embedded store's options from the <c>Graph:Embedded</c> settings.</summary>
    public static EmbeddedStoreOptions EmbeddedOptions(GraphOptions options)
    {
        var embedded = new EmbeddedStoreOptions { IndexSnapshot = options.Embedded.IndexSnapshot };
        return string.IsNullOrWhiteSpace(options.Embedded.Path) ? embedded : embedded with { Path = Path.GetFullPath(options.Embedded.Path) };
    }
}
