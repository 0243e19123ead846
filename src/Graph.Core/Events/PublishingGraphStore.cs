using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Core.Events;

/// <summary>
/// The one place writes become events: wraps the chosen store (both its graph and ingestion sides) and, after each write
/// commits, publishes what changed to <see cref="Events"/>. Every writer (the API's mutations, ingestion, review, the
/// command line) goes through the store it was composed with, so none can forget to publish. Reads pass straight through.
/// When nobody subscribes, writes do no extra work.
/// </summary>
public sealed class PublishingGraphStore : IGraphStore, IIngestionStore, IGraphStoreDecorator
{
    private readonly IGraphStore _inner;
    private readonly bool _ownsInner;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="ownsInner"/> says whether disposing this disposes it.</summary>
    public PublishingGraphStore(IGraphStore inner, GraphEventBus events, bool ownsInner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(events);
        _inner = inner;
        Events = events;
        _ownsInner = ownsInner;
    }

    /// <summary>Where this store's changes are published.</summary>
    public GraphEventBus Events { get; }

    /// <summary>The wrapped store.</summary>
    public IGraphStore Inner => _inner;

    /// <inheritdoc />
    public string Name => _inner.Name;

    private IIngestionStore Ingestion =>
        _inner.Find<IIngestionStore>() ?? throw new InvalidArgumentException("store", $"The {_inner.Name} store keeps no documents or proposals, so it cannot ingest.");

    // ---- writes that publish ----

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertRelationshipsAsync(IReadOnlyCollection<Relationship> relationships, CancellationToken cancellationToken = default)
    {
        var existed = Events.HasSubscribers ? await ExistingAsync(relationships.Select(r => r.Key), cancellationToken).ConfigureAwait(false) : null;
        var result = await _inner.UpsertRelationshipsAsync(relationships, cancellationToken).ConfigureAwait(false);
        PublishUpserted(relationships.Select(r => r.Key), existed);
        return result;
    }

    /// <inheritdoc />
    public async Task<UpsertResult> ImportAsync(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var existed = Events.HasSubscribers ? await ExistingAsync(snapshot.Relationships.Select(r => r.Key), cancellationToken).ConfigureAwait(false) : null;
        var result = await _inner.ImportAsync(snapshot, progress, cancellationToken).ConfigureAwait(false);
        PublishUpserted(snapshot.Relationships.Select(r => r.Key), existed);
        return result;
    }

    /// <inheritdoc />
    public async Task<MergeResult> MergeActorsAsync(ActorId keep, ActorId remove, CancellationToken cancellationToken = default)
    {
        var removed = Events.HasSubscribers ? await _inner.GetRelationshipsAsync(remove, RelationshipFilter.All, cancellationToken).ConfigureAwait(false) : null;
        var result = await _inner.MergeActorsAsync(keep, remove, cancellationToken).ConfigureAwait(false);
        if (removed is not null)
        {
            // The removed actor's edges are gone; the kept actor's edges gained what they carried.
            foreach (var edge in removed)
            {
                Events.Publish(new RelationshipChanged(edge.Key, RelationshipChange.Removed));
            }

            foreach (var edge in await _inner.GetRelationshipsAsync(keep, RelationshipFilter.All, cancellationToken).ConfigureAwait(false))
            {
                Events.Publish(new RelationshipChanged(edge.Key, RelationshipChange.Changed));
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<Relationship?> RemoveEvidenceAsync(RelationshipKey edge, DocumentId document, int start, CancellationToken cancellationToken = default)
    {
        var after = await _inner.RemoveEvidenceAsync(edge, document, start, cancellationToken).ConfigureAwait(false);
        Events.Publish(new RelationshipChanged(edge.Canonical(), after is null ? RelationshipChange.Removed : RelationshipChange.EvidenceRemoved));
        return after;
    }

    /// <inheritdoc />
    public async Task SaveIngestedAsync(StoredDocument document, IReadOnlyCollection<ProposalRecord> proposals, CancellationToken cancellationToken = default)
    {
        var accepted = proposals.Where(p => p.Status == ProposalStatus.Accepted).Select(p => p.Proposal.ToRelationship().Key).ToList();
        var existed = Events.HasSubscribers && accepted.Count > 0 ? await ExistingAsync(accepted, cancellationToken).ConfigureAwait(false) : null;
        await Ingestion.SaveIngestedAsync(document, proposals, cancellationToken).ConfigureAwait(false);
        PublishUpserted(accepted, existed);
        if (proposals.Count > 0)
        {
            Events.Publish(new ProposalsChanged(document.Document.Id, ProposalsChange.Proposed, [.. proposals.Select(p => p.Id)]));
        }

        Events.Publish(new DocumentIngested(document.Document.Id, proposals.Count, accepted.Count));
    }

    /// <inheritdoc />
    public async Task<ProposalRecord> UpdateProposalAsync(string id, Proposal edited, CancellationToken cancellationToken = default)
    {
        var record = await Ingestion.UpdateProposalAsync(id, edited, cancellationToken).ConfigureAwait(false);
        Events.Publish(new ProposalsChanged(record.Proposal.Document, ProposalsChange.Edited, [record.Id]));
        return record;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProposalRecord>> AcceptProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default)
    {
        Dictionary<RelationshipKey, bool>? existed = null;
        if (Events.HasSubscribers)
        {
            var keys = new List<RelationshipKey>();
            foreach (var id in ids)
            {
                if (await Ingestion.GetProposalAsync(id, cancellationToken).ConfigureAwait(false) is { } pending)
                {
                    keys.Add(pending.Proposal.ToRelationship().Key);
                }
            }

            existed = await ExistingAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var records = await Ingestion.AcceptProposalsAsync(ids, note, cancellationToken).ConfigureAwait(false);
        PublishUpserted(records.Select(r => r.Proposal.ToRelationship().Key), existed);
        PublishProposals(records, ProposalsChange.Accepted);
        return records;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProposalRecord>> RejectProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default)
    {
        var records = await Ingestion.RejectProposalsAsync(ids, note, cancellationToken).ConfigureAwait(false);
        PublishProposals(records, ProposalsChange.Rejected);
        return records;
    }

    private void PublishProposals(IReadOnlyList<ProposalRecord> records, ProposalsChange change)
    {
        foreach (var group in records.GroupBy(r => r.Proposal.Document))
        {
            Events.Publish(new ProposalsChanged(group.Key, change, [.. group.Select(r => r.Id)]));
        }
    }

    // Which edges existed before a write, so each event says whether its edge is new; null when nobody listens.
    private async Task<Dictionary<RelationshipKey, bool>> ExistingAsync(IEnumerable<RelationshipKey> keys, CancellationToken cancellationToken)
    {
        var existed = new Dictionary<RelationshipKey, bool>();
        foreach (var key in keys)
        {
            var canonical = key.Canonical();
            if (!existed.ContainsKey(canonical))
            {
                existed[canonical] = await _inner.GetRelationshipAsync(canonical, cancellationToken).ConfigureAwait(false) is not null;
            }
        }

        return existed;
    }

    private void PublishUpserted(IEnumerable<RelationshipKey> keys, Dictionary<RelationshipKey, bool>? existed)
    {
        if (existed is null)
        {
            return;
        }

        foreach (var key in keys.Select(k => k.Canonical()).Distinct())
        {
            Events.Publish(new RelationshipChanged(key, existed.GetValueOrDefault(key) ? RelationshipChange.Changed : RelationshipChange.Added));
        }
    }

    // ---- writes without events ----

    /// <inheritdoc />
    public Task<UpsertResult> UpsertActorsAsync(IReadOnlyCollection<Actor> actors, CancellationToken cancellationToken = default) => _inner.UpsertActorsAsync(actors, cancellationToken);

    /// <inheritdoc />
    public Task<UpsertResult> UpsertDocumentsAsync(IReadOnlyCollection<Document> documents, CancellationToken cancellationToken = default) => _inner.UpsertDocumentsAsync(documents, cancellationToken);

    /// <inheritdoc />
    public Task<Actor> AddAliasAsync(ActorId actor, string alias, CancellationToken cancellationToken = default) => _inner.AddAliasAsync(actor, alias, cancellationToken);

    // ---- reads ----

    /// <inheritdoc />
    public Task<Actor?> GetActorAsync(ActorId id, CancellationToken cancellationToken = default) => _inner.GetActorAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ActorId, Actor>> GetActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken = default) => _inner.GetActorsAsync(ids, cancellationToken);

    /// <inheritdoc />
    public Task<Actor?> ResolveActorAsync(string nameOrAlias, CancellationToken cancellationToken = default) => _inner.ResolveActorAsync(nameOrAlias, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActorMatch>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default) => _inner.SearchActorsAsync(search, cancellationToken);

    /// <inheritdoc />
    public Task<int> CountActorsAsync(ActorSearch search, CancellationToken cancellationToken = default) => _inner.CountActorsAsync(search, cancellationToken);

    /// <inheritdoc />
    public Task<Relationship?> GetRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default) => _inner.GetRelationshipAsync(key, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(ActorId actor, RelationshipFilter filter, CancellationToken cancellationToken = default) => _inner.GetRelationshipsAsync(actor, filter, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>> GetRelationshipsForAsync(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter, CancellationToken cancellationToken = default) => _inner.GetRelationshipsForAsync(actors, filter, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Evidence>> GetEvidenceAsync(RelationshipKey key, CancellationToken cancellationToken = default) => _inner.GetEvidenceAsync(key, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceHit>> SearchEvidenceAsync(string text, int limit = 50, CancellationToken cancellationToken = default) => _inner.SearchEvidenceAsync(text, limit, cancellationToken);

    /// <inheritdoc />
    public Task<Document?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) => _inner.GetDocumentAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> GetDocumentsAsync(CancellationToken cancellationToken = default) => _inner.GetDocumentsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Subgraph> GetNeighbourhoodAsync(NeighbourhoodRequest request, CancellationToken cancellationToken = default) => _inner.GetNeighbourhoodAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<PathResult> FindPathsAsync(PathRequest request, CancellationToken cancellationToken = default) => _inner.FindPathsAsync(request, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CommonNeighbour>> GetCommonNeighboursAsync(ActorId first, ActorId second, RelationshipFilter filter, CancellationToken cancellationToken = default) => _inner.GetCommonNeighboursAsync(first, second, filter, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Relationship>> GetTimelineAsync(ActorId actor, PartialDate? from, PartialDate? to, CancellationToken cancellationToken = default) => _inner.GetTimelineAsync(actor, from, to, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<QuantityConflict>> GetConflictsAsync(CancellationToken cancellationToken = default) => _inner.GetConflictsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default) => _inner.GetStatsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GraphSnapshot> ExportAsync(CancellationToken cancellationToken = default) => _inner.ExportAsync(cancellationToken);

    /// <inheritdoc />
    public Task<StoredDocument?> FindByContentHashAsync(string contentHash, CancellationToken cancellationToken = default) => Ingestion.FindByContentHashAsync(contentHash, cancellationToken);

    /// <inheritdoc />
    public Task<StoredDocument?> FindLatestByUrlAsync(string url, CancellationToken cancellationToken = default) => Ingestion.FindLatestByUrlAsync(url, cancellationToken);

    /// <inheritdoc />
    public Task<StoredDocument?> GetStoredDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) => Ingestion.GetStoredDocumentAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TextHit>> SearchTextAsync(string query, int limit = 20, CancellationToken cancellationToken = default) => Ingestion.SearchTextAsync(query, limit, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> GetProposalsAsync(ProposalQuery query, CancellationToken cancellationToken = default) => Ingestion.GetProposalsAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<ProposalRecord?> GetProposalAsync(string id, CancellationToken cancellationToken = default) => Ingestion.GetProposalAsync(id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> GetRejectedProposalIdsAsync(DocumentId document, CancellationToken cancellationToken = default) => Ingestion.GetRejectedProposalIdsAsync(document, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default) => Ingestion.GetRulePrecisionAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _ownsInner ? _inner.DisposeAsync() : ValueTask.CompletedTask;
}
