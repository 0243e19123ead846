using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Sync;

namespace Graph.Storage.Neo4j.Store;

/// <summary>Making Neo4j hold exactly a snapshot (the sync command).</summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Writes the snapshot so Neo4j holds exactly it: actors and documents upserted, edges replaced as they are in the
    /// snapshot, and with <paramref name="prune"/> anything else deleted. Batches of <see cref="Neo4jStoreOptions.BatchSize"/>,
    /// each its own transaction, with progress per stage.
    /// </summary>
    public async Task<SyncResult> MirrorAsync(GraphSnapshot snapshot, bool prune, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var written = UpsertResult.Empty;
        written = written.Add(await ImportStageAsync("actors", snapshot.Actors, UpsertActorsAsync, progress, cancellationToken).ConfigureAwait(false));
        written = written.Add(await ImportStageAsync("documents", snapshot.Documents, UpsertDocumentsAsync, progress, cancellationToken).ConfigureAwait(false));
        var edges = snapshot.Relationships.Select(r => r with { Key = r.Key.Canonical() }).ToList();
        written = written.Add(await ImportStageAsync("relationships", edges, ReplaceEdgesAsync, progress, cancellationToken).ConfigureAwait(false));

        var removed = 0;
        if (prune)
        {
            progress?.Report(new ImportProgress("prune", 0, 3));
            removed += await PruneAsync(CypherQueries.PruneEdges(edges.Select(e => e.Id).ToList()), cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 1, 3));
            removed += await PruneAsync(CypherQueries.PruneDocuments(snapshot.Documents.Select(d => d.Id.Value).ToList()), cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 2, 3));
            removed += await PruneAsync(CypherQueries.PruneActors(snapshot.Actors.Select(a => a.Id.Value).ToList()), cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 3, 3));
        }

        return new SyncResult(written, removed);
    }

    private Task<UpsertResult> ReplaceEdgesAsync(IReadOnlyCollection<Relationship> edges, CancellationToken cancellationToken) =>
        WriteAsync(async tx =>
        {
            var existing = await LoadEdgesAsync(tx, edges.Select(e => e.Key).ToList()).ConfigureAwait(false);
            var changed = edges.Where(e => !existing.TryGetValue(e.Id, out var old) || !old.Equals(e)).ToList();
            await WriteEdgesAsync(tx, changed).ConfigureAwait(false);
            var created = changed.Count(e => !existing.ContainsKey(e.Id));
            return new UpsertResult(created, changed.Count - created, edges.Count - changed.Count);
        }, cancellationToken);

    private Task<int> PruneAsync(Http.CypherStatement statement, CancellationToken cancellationToken) =>
        WriteAsync(async tx =>
        {
            var result = await tx.RunAsync(statement).ConfigureAwait(false);
            return result.SingleOrDefault() is { } record ? (int)Long(record["removed"]) : 0;
        }, cancellationToken);
}
