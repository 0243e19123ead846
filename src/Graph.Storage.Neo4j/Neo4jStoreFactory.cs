using Graph.Core.Store;
using Graph.Storage.Neo4j.Store;
using Graph.Storage.Neo4j.Sync;

namespace Graph.Storage.Neo4j;

/// <summary>
/// What the host calls at composition when <c>Graph:Store</c> is <c>neo4j</c>: bind <see cref="Neo4jStoreOptions"/> from
/// <c>Graph:Neo4j</c>, then <c>services.AddSingleton&lt;IGraphStore&gt;(_ =&gt; Neo4jStoreFactory.Create(options))</c>.
/// The store connects on first use; <see cref="ConnectAsync"/> checks the connection at start-up instead.
/// </summary>
public static class Neo4jStoreFactory
{
    /// <summary>A Neo4j store over the options (checked now, connected on first use).</summary>
    public static Neo4jGraphStore Create(Neo4jStoreOptions options, HttpMessageHandler? handler = null) => new(options, handler);

    /// <summary>A Neo4j store, connected: wrong credentials, an unknown database or an unreachable server fail here.</summary>
    public static async Task<Neo4jGraphStore> ConnectAsync(Neo4jStoreOptions options, CancellationToken cancellationToken = default)
    {
        var store = new Neo4jGraphStore(options);
        try
        {
            await store.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The sync from another store (usually the embedded one) into Neo4j, for the <c>sync</c> command.</summary>
    public static Neo4jSync CreateSync(IGraphStore source, Neo4jGraphStore target) => new(source, target);
}
