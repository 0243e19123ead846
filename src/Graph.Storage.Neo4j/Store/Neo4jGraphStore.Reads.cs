using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Neo4j.Store;

/// <summary>Lookups: single statements in implicit read transactions.</summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>The most evidence hits one search returns.</summary>
    public const int MaxEvidenceLimit = 1_000;

    /// <inheritdoc />
    public async Task<Actor?> GetActorAsync(ActorId id, CancellationToken cancellationToken = default) =>
        (await GetActorsAsync([id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActorId, Actor>> GetActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<ActorId, Actor>();
        }

        return Actors(await ReadAsync(CypherQueries.GetActors(ids), cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id);
    }

    /// <inheritdoc />
    public async Task<Actor?> ResolveActorAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        var folded = Fold(nameOrAlias ?? "");
        if (folded.Length == 0)
        {
            return null;
        }

        // Own names first (most lookups), then aliases: two index seeks, never a scan of every actor.
        return Actors(await ReadAsync(CypherQueries.ResolveActorByName(folded), cancellationToken).ConfigureAwait(false)).FirstOrDefault()
            ?? Actors(await ReadAsync(CypherQueries.ResolveActorByAlias(folded), cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActorMatch>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        search.Validated();
        var result = await ReadAsync(CypherQueries.SearchActors(Fold(search.Text ?? ""), search.Kinds, search.After, search.Limit, count: false), cancellationToken).ConfigureAwait(false);
        return result.Records
            .Select(r => new ActorMatch(GraphProperties.ReadActor(r["actor"]), (MatchKind)Long(r["rank"]), r["matched"].GetString() ?? ""))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<int> CountActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        search.Validated();
        var result = await ReadAsync(CypherQueries.SearchActors(Fold(search.Text ?? ""), search.Kinds, null, 1, count: true), cancellationToken).ConfigureAwait(false);
        return result.SingleOrDefault() is { } record ? (int)Long(record["total"]) : 0;
    }

    /// <inheritdoc />
    public async Task<Relationship?> GetRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default) =>
        (await ReadEdgesAsync([key.Canonical()], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(key.Canonical().ToId());

    /// <inheritdoc />
    public async Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(ActorId actor, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        (filter ?? RelationshipFilter.All).Validated();
        await RequireActorsAsync([actor], cancellationToken).ConfigureAwait(false);
        return (await GetRelationshipsForAsync([actor], filter!, cancellationToken).ConfigureAwait(false))[actor];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>> GetRelationshipsForAsync(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actors);
        filter = (filter ?? RelationshipFilter.All).Validated();
        var byActor = actors.Distinct().ToDictionary(a => a, _ => new List<Relationship>());
        if (byActor.Count > 0)
        {
            var result = await ReadAsync(CypherQueries.EdgesOf(byActor.Keys, filter), cancellationToken).ConfigureAwait(false);
            foreach (var record in result.Records)
            {
                var anchor = ActorId.Parse(record["anchor"].GetString()!);
                byActor[anchor].Add(GraphProperties.ReadEdge(record["props"], record["evidence"]));
            }
        }

        return byActor.ToDictionary(p => p.Key, p => (IReadOnlyList<Relationship>)OrderFor(p.Key, p.Value));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Evidence>> GetEvidenceAsync(RelationshipKey key, CancellationToken cancellationToken = default) =>
        (await GetRelationshipAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("relationship", key.Canonical().ToId())).Evidence;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvidenceHit>> SearchEvidenceAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxEvidenceLimit)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and {MaxEvidenceLimit}; got {limit}.");
        }

        var folded = Fold(text ?? "");
        if (folded.Length == 0)
        {
            throw new InvalidArgumentException("text", "Give some words to look for in the quotes (letters or digits).");
        }

        var result = await ReadAsync(CypherQueries.SearchEvidence(folded, limit), cancellationToken).ConfigureAwait(false);
        var hits = result.Records.Select(r => (EdgeId: r["edgeId"].GetString()!, Document: DocumentId.Parse(r["documentId"].GetString()!), Start: (int)Long(r["start"]))).ToList();
        var edges = await ReadEdgesAsync(hits.Select(h => RelationshipKey.ParseId(h.EdgeId)).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var found = new List<EvidenceHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (edges.TryGetValue(hit.EdgeId, out var edge) && edge.Evidence.FirstOrDefault(e => e.DocumentId == hit.Document && e.Start == hit.Start) is { } evidence)
            {
                found.Add(new EvidenceHit(edge, evidence));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<Document?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherQueries.GetDocuments([id]), cancellationToken).ConfigureAwait(false);
        return result.Records.Select(r => GraphProperties.ReadDocument(r["document"])).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> GetDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var result = await ReadAsync(CypherQueries.AllDocuments(), cancellationToken).ConfigureAwait(false);
        return result.Records.Select(r => GraphProperties.ReadDocument(r["document"])).ToList();
    }

    /// <inheritdoc />
    public async Task<GraphSnapshot> ExportAsync(CancellationToken cancellationToken = default)
    {
        var actors = Actors(await ReadAsync(CypherQueries.AllActors(), cancellationToken).ConfigureAwait(false)).ToList();
        var documents = await GetDocumentsAsync(cancellationToken).ConfigureAwait(false);
        var edges = Edges(await ReadAsync(CypherQueries.AllEdges(), cancellationToken).ConfigureAwait(false))
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new GraphSnapshot(actors, documents, edges);
    }
}
