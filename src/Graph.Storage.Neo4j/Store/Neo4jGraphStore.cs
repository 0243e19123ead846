using System.Text.Json;
using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The store for teams and for Bloom: the graph lives in Neo4j, reached over HTTP. Actors are nodes labelled
/// <c>Actor</c> and their kind; assertions are direct typed relationships between actors; evidence nodes sit one step
/// away, citing their document. Traversals run in Cypher; ordering rules shared with the embedded store are applied
/// here so both answer alike.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private readonly Neo4jConnection _connection;
    private readonly Neo4jStoreOptions _options;
    private readonly SemaphoreSlim _readyLock = new(1, 1);
    private bool _ready;

    /// <summary>A store over the options; <paramref name="handler"/> replaces the network (tests). Connects on first use.</summary>
    public Neo4jGraphStore(Neo4jStoreOptions options, HttpMessageHandler? handler = null)
    {
        _options = options.Validated();
        _connection = new Neo4jConnection(options, handler);
    }

    /// <inheritdoc />
    public string Name => "neo4j";

    /// <summary>The HTTP connection, for callers that run their own Cypher (sync, seeding).</summary>
    public Neo4jConnection Connection => _connection;

    /// <summary>
    /// Connects now: reads the discovery document, proves the credentials and the database with a trivial query, and
    /// when <see cref="Neo4jStoreOptions.EnsureSchema"/> creates the schema's constraints and indexes and, on a
    /// database whose schema version marker is older than the script's, runs its data migrations and writes the
    /// marker. Every operation does this on first use.
    /// </summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _readyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            await _connection.DiscoverAsync(cancellationToken).ConfigureAwait(false);
            await _connection.ReadAsync(CypherQueries.Ping(), cancellationToken).ConfigureAwait(false);
            if (_options.EnsureSchema)
            {
                foreach (var statement in SchemaScript.Definitions())
                {
                    await _connection.RunAutoCommitAsync(new CypherStatement(statement), cancellationToken).ConfigureAwait(false);
                }

                // The data migrations scan what they rewrite: only on a database whose marker is older than the script.
                var stored = (await _connection.ReadAsync(CypherQueries.SchemaVersion(), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
                if ((stored is { } row ? Long(row["schemaVersion"]) : 0) < SchemaScript.Version())
                {
                    foreach (var statement in SchemaScript.Migrations())
                    {
                        await _connection.RunAutoCommitAsync(new CypherStatement(statement), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            _ready = true;
        }
        finally
        {
            _readyLock.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        _readyLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CypherResult> ReadAsync(CypherStatement statement, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await _connection.ReadAsync(statement, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WriteAsync<T>(Func<Neo4jTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await _connection.WriteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    // ---- reading rows back ----

    private static IEnumerable<Actor> Actors(CypherResult result) =>
        result.Records.Select(r => GraphProperties.ReadActor(r["actor"]));

    private static IEnumerable<Relationship> Edges(CypherResult result) =>
        result.Records.Select(r => GraphProperties.ReadEdge(r["props"], r["evidence"]));

    private static async Task<Dictionary<ActorId, Actor>> LoadActorsAsync(Neo4jTransaction tx, IReadOnlyCollection<ActorId> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return Actors(await tx.RunAsync(CypherQueries.GetActors(ids)).ConfigureAwait(false)).ToDictionary(a => a.Id);
    }

    private static async Task<Dictionary<string, Relationship>> LoadEdgesAsync(Neo4jTransaction tx, IReadOnlyCollection<RelationshipKey> keys)
    {
        if (keys.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        return Edges(await tx.RunAsync(CypherQueries.GetEdges(keys)).ConfigureAwait(false)).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, Relationship>> ReadEdgesAsync(IReadOnlyCollection<RelationshipKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }

        return Edges(await ReadAsync(CypherQueries.GetEdges(keys), cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Type (ontology order), then date (undated first), then the other actor, then qualifier.</summary>
    private static List<Relationship> OrderFor(ActorId actor, IEnumerable<Relationship> edges) =>
        edges.OrderBy(e => e.Type)
            .ThenBy(e => e.Date)
            .ThenBy(e => e.Other(actor))
            .ThenBy(e => e.Key.Qualifier, StringComparer.Ordinal)
            .ToList();

    private static string Fold(string text) => NameFolding.Fold(text);

    /// <summary>The actors, or NotFound for the first missing one with suggestions by <see cref="ActorNames"/>' policy.</summary>
    private async Task<IReadOnlyDictionary<ActorId, Actor>> RequireActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken)
    {
        var found = await GetActorsAsync(ids, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            if (!found.ContainsKey(id))
            {
                var suggestions = await ActorNames.SuggestAsync(this, id.Value, cancellationToken).ConfigureAwait(false);
                throw new NotFoundException("actor", id.Value, suggestions);
            }
        }

        return found;
    }

    private static long Long(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
