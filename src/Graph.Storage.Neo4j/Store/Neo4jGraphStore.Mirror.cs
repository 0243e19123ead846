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
    public Task<SyncResult> MirrorAsync(GraphSnapshot snapshot, bool prune, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        MirrorAsync(snapshot, prune, null, progress, cancellationToken);

    /// <summary>
    /// As <see cref="MirrorAsync(GraphSnapshot, bool, IProgress{ImportProgress}?, CancellationToken)"/>, skipping what
    /// <paramref name="checkpoint"/> says an interrupted run committed and recording each batch this run commits.
    /// </summary>
    public async Task<SyncResult> MirrorAsync(GraphSnapshot snapshot, bool prune, SyncCheckpoint? checkpoint, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var written = UpsertResult.Empty;
        written = written.Add(await MirrorStageAsync("actors", snapshot.Actors, UpsertActorsAsync, checkpoint, progress, cancellationToken).ConfigureAwait(false));
        written = written.Add(await MirrorStageAsync("documents", snapshot.Documents, UpsertDocumentsAsync, checkpoint, progress, cancellationToken).ConfigureAwait(false));
        var edges = snapshot.Relationships.Select(r => r with { Key = r.Key.Canonical() }).ToList();
        written = written.Add(await MirrorStageAsync("relationships", edges, ReplaceEdgesAsync, checkpoint, progress, cancellationToken).ConfigureAwait(false));

        var removed = 0;
        if (prune)
        {
            progress?.Report(new ImportProgress("prune", 0, 3));
            removed += await PruneMissingAsync(CypherQueries.StoredEdgeIds(), edges.Select(e => e.Id), CypherQueries.PruneEdges, cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 1, 3));
            removed += await PruneMissingAsync(CypherQueries.StoredDocumentIds(), snapshot.Documents.Select(d => d.Id.Value), CypherQueries.PruneDocuments, cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 2, 3));
            removed += await PruneMissingAsync(CypherQueries.StoredActorIds(), snapshot.Actors.Select(a => a.Id.Value), CypherQueries.PruneActors, cancellationToken).ConfigureAwait(false);
            progress?.Report(new ImportProgress("prune", 3, 3));
        }

        var resumed = checkpoint?.Resumed ?? 0;
        checkpoint?.Complete();
        return new SyncResult(written, removed) { Resumed = resumed };
    }

    /// <summary>One stage in batches of <see cref="Neo4jStoreOptions.BatchSize"/> (each one UNWIND per kind of write, in its own transaction), from where the checkpoint stopped.</summary>
    private async Task<UpsertResult> MirrorStageAsync<T>(string stage, IReadOnlyList<T> items, Func<IReadOnlyCollection<T>, CancellationToken, Task<UpsertResult>> upsert, SyncCheckpoint? checkpoint, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var total = UpsertResult.Empty;
        var done = Math.Min(checkpoint?.Done(stage) ?? 0, items.Count);
        progress?.Report(new ImportProgress(stage, done, items.Count));
        foreach (var chunk in items.Skip(done).Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            total = total.Add(await upsert(chunk, cancellationToken).ConfigureAwait(false));
            done += chunk.Length;
            checkpoint?.Commit(stage, done);
            progress?.Report(new ImportProgress(stage, done, items.Count));
        }

        return total;
    }

    /// <summary>The server and database written to, as a checkpoint names its target.</summary>
    public string Target => $"{_options.Uri}|{_options.Database}";

    private Task<UpsertResult> ReplaceEdgesAsync(IReadOnlyCollection<Relationship> edges, CancellationToken cancellationToken) =>
        WriteAsync(async tx =>
        {
            var existing = await LoadEdgesAsync(tx, edges.Select(e => e.Key).ToList()).ConfigureAwait(false);
            var changed = edges.Where(e => !existing.TryGetValue(e.Id, out var old) || !old.Equals(e)).ToList();
            await WriteEdgesAsync(tx, changed).ConfigureAwait(false);
            var created = changed.Count(e => !existing.ContainsKey(e.Id));
            return new UpsertResult(created, changed.Count - created, edges.Count - changed.Count);
        }, cancellationToken);

    /// <summary>
    /// Deletes what the database holds and the snapshot does not: the stored ids are read from an index, the difference
    /// is taken here, and the rest is deleted by id in batches, each its own transaction.
    /// </summary>
    private async Task<int> PruneMissingAsync(Http.CypherStatement storedIds, IEnumerable<string> keep, Func<IReadOnlyList<string>, Http.CypherStatement> delete, CancellationToken cancellationToken)
    {
        var kept = keep.ToHashSet(StringComparer.Ordinal);
        var stored = await ReadAsync(storedIds, cancellationToken).ConfigureAwait(false);
        var gone = stored.Rows.Select(row => row[0].GetString()!).Where(id => !kept.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var removed = 0;
        foreach (var chunk in gone.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            removed += await PruneAsync(delete(chunk), cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    private Task<int> PruneAsync(Http.CypherStatement statement, CancellationToken cancellationToken) =>
        WriteAsync(async tx =>
        {
            var result = await tx.RunAsync(statement).ConfigureAwait(false);
            return result.SingleOrDefault() is { } record ? (int)Long(record["removed"]) : 0;
        }, cancellationToken);
}
