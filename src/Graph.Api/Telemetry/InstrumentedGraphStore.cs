using System.Diagnostics;
using System.Diagnostics.Metrics;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Api.Telemetry;

/// <summary>
/// The store seen through telemetry: every call is a span (<c>store.GetNeighbourhood</c>, a child of the GraphQL
/// execute span, with the store's own HTTP spans below it for Neo4j) and counts in <c>graph.store.calls</c> and
/// <c>graph.store.duration</c> by operation and outcome. The composition wraps the store only when telemetry is on, so
/// with it off the store is called directly.
/// </summary>
public sealed class InstrumentedGraphStore(IGraphStore inner) : IGraphStore, IGraphStoreDecorator
{
    /// <summary>The name of the store layer's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string SourceName = "Graph.Storage";

    private static readonly ActivitySource s_source = new(SourceName);
    private static readonly Meter s_meter = new(SourceName);
    private static readonly Counter<long> s_calls = s_meter.CreateCounter<long>("graph.store.calls", "{call}", "Store calls, by operation, store and outcome.");
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("graph.store.duration", "s", "Duration of store calls, by operation and store.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private readonly string _system = inner.Name == "embedded" ? "sqlite" : inner.Name;

    /// <summary>The store underneath.</summary>
    public IGraphStore Inner => inner;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertActorsAsync(IReadOnlyCollection<Actor> actors, CancellationToken cancellationToken = default)
    {
        using var call = Begin("UpsertActors");
        try
        {
            return await inner.UpsertActorsAsync(actors, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertDocumentsAsync(IReadOnlyCollection<Document> documents, CancellationToken cancellationToken = default)
    {
        using var call = Begin("UpsertDocuments");
        try
        {
            return await inner.UpsertDocumentsAsync(documents, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertRelationshipsAsync(IReadOnlyCollection<Relationship> relationships, CancellationToken cancellationToken = default)
    {
        using var call = Begin("UpsertRelationships");
        try
        {
            return await inner.UpsertRelationshipsAsync(relationships, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<UpsertResult> ImportAsync(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var call = Begin("Import");
        try
        {
            return await inner.ImportAsync(snapshot, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Actor> AddAliasAsync(ActorId actor, string alias, CancellationToken cancellationToken = default)
    {
        using var call = Begin("AddAlias");
        try
        {
            return await inner.AddAliasAsync(actor, alias, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<MergeResult> MergeActorsAsync(ActorId keep, ActorId remove, CancellationToken cancellationToken = default)
    {
        using var call = Begin("MergeActors");
        try
        {
            return await inner.MergeActorsAsync(keep, remove, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Relationship?> RemoveEvidenceAsync(RelationshipKey edge, DocumentId document, int start, CancellationToken cancellationToken = default)
    {
        using var call = Begin("RemoveEvidence");
        try
        {
            return await inner.RemoveEvidenceAsync(edge, document, start, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Actor?> GetActorAsync(ActorId id, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetActor");
        try
        {
            return await inner.GetActorAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActorId, Actor>> GetActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetActors");
        try
        {
            return await inner.GetActorsAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Actor?> ResolveActorAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        using var call = Begin("ResolveActor");
        try
        {
            return await inner.ResolveActorAsync(nameOrAlias, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActorMatch>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        using var call = Begin("SearchActors");
        try
        {
            return await inner.SearchActorsAsync(search, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<int> CountActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        using var call = Begin("CountActors");
        try
        {
            return await inner.CountActorsAsync(search, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Relationship?> GetRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetRelationship");
        try
        {
            return await inner.GetRelationshipAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(ActorId actor, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetRelationships");
        try
        {
            return await inner.GetRelationshipsAsync(actor, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>> GetRelationshipsForAsync(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetRelationshipsFor");
        try
        {
            return await inner.GetRelationshipsForAsync(actors, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Evidence>> GetEvidenceAsync(RelationshipKey key, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetEvidence");
        try
        {
            return await inner.GetEvidenceAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvidenceHit>> SearchEvidenceAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        using var call = Begin("SearchEvidence");
        try
        {
            return await inner.SearchEvidenceAsync(text, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Document?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetDocument");
        try
        {
            return await inner.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> GetDocumentsAsync(CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetDocuments");
        try
        {
            return await inner.GetDocumentsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<Subgraph> GetNeighbourhoodAsync(NeighbourhoodRequest request, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetNeighbourhood");
        try
        {
            return await inner.GetNeighbourhoodAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<PathResult> FindPathsAsync(PathRequest request, CancellationToken cancellationToken = default)
    {
        using var call = Begin("FindPaths");
        try
        {
            return await inner.FindPathsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommonNeighbour>> GetCommonNeighboursAsync(ActorId first, ActorId second, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetCommonNeighbours");
        try
        {
            return await inner.GetCommonNeighboursAsync(first, second, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Relationship>> GetTimelineAsync(ActorId actor, PartialDate? from, PartialDate? to, CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetTimeline");
        try
        {
            return await inner.GetTimelineAsync(actor, from, to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuantityConflict>> GetConflictsAsync(CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetConflicts");
        try
        {
            return await inner.GetConflictsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        using var call = Begin("GetStats");
        try
        {
            return await inner.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<GraphSnapshot> ExportAsync(CancellationToken cancellationToken = default)
    {
        using var call = Begin("Export");
        try
        {
            return await inner.ExportAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    private StoreCall Begin(string operation)
    {
        var activity = s_source.StartActivity("store." + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", _system);
            activity.SetTag("db.operation.name", operation);
        }

        return new StoreCall(activity, operation, inner.Name, Stopwatch.GetTimestamp());
    }

    /// <summary>One call in flight: ends its span and records its count and duration when disposed.</summary>
    private sealed class StoreCall(Activity? activity, string operation, string store, long started) : IDisposable
    {
        private string _outcome = "ok";

        public void Fail(Exception e)
        {
            _outcome = e is OperationCanceledException ? "cancelled" : "error";
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            activity?.SetTag("error.type", e.GetType().FullName);
        }

        public void Dispose()
        {
            var tags = new TagList { { "db.operation.name", operation }, { "graph.store", store }, { "graph.outcome", _outcome } };
            s_calls.Add(1, tags);
            s_duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            activity?.Dispose();
        }
    }
}
