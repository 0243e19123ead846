using Graph.Core.Store;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Neo4j.Sync;

/// <summary>
/// What a sync did: what it wrote (created, updated, unchanged), how many stale nodes and edges it removed, and how
/// many items an interrupted earlier run had committed (skipped this time).
/// </summary>
public sealed record SyncResult(UpsertResult Written, int Removed)
{
    /// <summary>Items committed by an interrupted earlier run and not written again.</summary>
    public int Resumed { get; init; }
}

/// <summary>
/// Copies a store's whole graph into Neo4j so that Neo4j then holds exactly the same graph: actors and documents
/// replaced by id, edges replaced with their evidence (not merged, so evidence removed at the source goes here too),
/// and, unless told to keep them, nodes and edges the source no longer has removed. Running it twice writes nothing
/// the second time. Progress goes to <see cref="IProgress{ImportProgress}"/> by stage.
/// </summary>
public sealed class Neo4jSync(IGraphStore source, Neo4jGraphStore target)
{
    /// <summary>Runs the copy; with <paramref name="prune"/> (the default) Neo4j loses what the source does not have.</summary>
    public Task<SyncResult> RunAsync(IProgress<ImportProgress>? progress = null, bool prune = true, CancellationToken cancellationToken = default) =>
        RunResumableAsync(null, progress, prune, cancellationToken);

    /// <summary>
    /// Runs the copy with a checkpoint file: after a failure, the next run with the same file (and the same source
    /// graph and target) writes only the batches not yet committed. The file is deleted when the sync completes.
    /// </summary>
    public async Task<SyncResult> RunResumableAsync(string? checkpointPath, IProgress<ImportProgress>? progress = null, bool prune = true, CancellationToken cancellationToken = default)
    {
        progress?.Report(new ImportProgress("export", 0, 1));
        var snapshot = await source.ExportAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(new ImportProgress("export", 1, 1));
        var checkpoint = checkpointPath is null ? null : SyncCheckpoint.Open(checkpointPath, snapshot, target.Target);
        return await target.MirrorAsync(snapshot, prune, checkpoint, progress, cancellationToken).ConfigureAwait(false);
    }
}
