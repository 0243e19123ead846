using Graph.Core.Store;
using Graph.Ingest.Knowledge;

namespace Graph.Api.Composition;

/// <summary>Loads the seed documents' knowledge into a store, with progress.</summary>
public static class SeedKnowledge
{
    /// <summary>Imports the knowledge file; idempotent (a second run changes nothing).</summary>
    public static async Task<UpsertResult> ImportAsync(IGraphStore store, string knowledgePath, IProgress<ImportProgress>? progress, CancellationToken cancellationToken = default)
    {
        var snapshot = KnowledgeFile.Load(knowledgePath);
        return await store.ImportAsync(snapshot, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Seeds the store when it holds no actor yet; true when it did.</summary>
    public static async Task<bool> EnsureSeededAsync(IGraphStore store, string knowledgePath, ILogger logger, CancellationToken cancellationToken = default)
    {
        var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        if (stats.Actors > 0)
        {
            return false;
        }

        var result = await ImportAsync(store, knowledgePath, progress: null, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Seeded the empty {Store} store from {KnowledgePath}: {Created} created", store.Name, knowledgePath, result.Created);
        return true;
    }
}
