using Graph.Core.Model;

namespace Graph.Core.Store;

/// <summary>
/// The store contract: every store (embedded, Neo4j) answers these the same way, proved by one contract test suite.
/// Writes are idempotent and atomic (a refused write changes nothing); bad arguments raise
/// <see cref="Errors.GraphException"/>s that say what was wrong and what is allowed.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>A short name for logs: <c>embedded</c>, <c>neo4j</c>.</summary>
    string Name { get; }

    // ---- writes ----

    /// <summary>Creates or replaces actors by id.</summary>
    Task<UpsertResult> UpsertActorsAsync(IReadOnlyCollection<Actor> actors, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces documents by id.</summary>
    Task<UpsertResult> UpsertDocumentsAsync(IReadOnlyCollection<Document> documents, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates edges, or merges into the existing edge with the same key (evidence united, see
    /// <see cref="Relationship.Merge"/>). Each edge is checked against the ontology and its evidence against the
    /// documents; one bad edge refuses the whole batch.
    /// </summary>
    Task<UpsertResult> UpsertRelationshipsAsync(IReadOnlyCollection<Relationship> relationships, CancellationToken cancellationToken = default);

    /// <summary>Imports actors, documents, then relationships, reporting progress; idempotent.</summary>
    Task<UpsertResult> ImportAsync(GraphSnapshot snapshot, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Adds an alias to an actor (no-op when it already has it).</summary>
    Task<Actor> AddAliasAsync(ActorId actor, string alias, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges <paramref name="remove"/> into <paramref name="keep"/>: its edges and evidence move, its name and aliases
    /// become aliases, then it is deleted. Edges that would link <paramref name="keep"/> to itself are refused first.
    /// </summary>
    Task<MergeResult> MergeActorsAsync(ActorId keep, ActorId remove, CancellationToken cancellationToken = default);

    /// <summary>Removes one evidence (by document and start offset); an edge left with none is deleted. Returns the edge as it is after, or null if deleted.</summary>
    Task<Relationship?> RemoveEvidenceAsync(RelationshipKey edge, DocumentId document, int start, CancellationToken cancellationToken = default);

    // ---- lookups ----

    /// <summary>An actor by id, or null.</summary>
    Task<Actor?> GetActorAsync(ActorId id, CancellationToken cancellationToken = default);

    /// <summary>Actors by id (missing ids are absent from the result): one call for a batch.</summary>
    Task<IReadOnlyDictionary<ActorId, Actor>> GetActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken = default);

    /// <summary>The actor whose name or alias equals the text, ignoring case and accents; null when none.</summary>
    Task<Actor?> ResolveActorAsync(string nameOrAlias, CancellationToken cancellationToken = default);

    /// <summary>
    /// Actors whose names or aliases match: exact first, then prefix, then substring; ties by name, then id. With
    /// <see cref="ActorSearch.After"/>, only those after that key (keyset paging), at most <see cref="ActorSearch.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<ActorMatch>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default);

    /// <summary>How many actors a search would return without paging (<see cref="ActorSearch.After"/> and the limit are ignored).</summary>
    Task<int> CountActorsAsync(ActorSearch search, CancellationToken cancellationToken = default);

    /// <summary>An edge by key, or null.</summary>
    Task<Relationship?> GetRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default);

    /// <summary>An actor's edges passing the filter, ordered by type, then date, then the other actor's id.</summary>
    Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(ActorId actor, RelationshipFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The same for many actors in one call (for batching resolvers).</summary>
    Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>> GetRelationshipsForAsync(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The evidence of an edge; throws NotFound for an unknown edge.</summary>
    Task<IReadOnlyList<Evidence>> GetEvidenceAsync(RelationshipKey key, CancellationToken cancellationToken = default);

    /// <summary>Evidence whose quote contains the text (ignoring case and accents), newest document first.</summary>
    Task<IReadOnlyList<EvidenceHit>> SearchEvidenceAsync(string text, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>A document by id, or null.</summary>
    Task<Document?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>All documents, by id.</summary>
    Task<IReadOnlyList<Document>> GetDocumentsAsync(CancellationToken cancellationToken = default);

    // ---- traversals ----

    /// <summary>
    /// Breadth-first neighbourhood up to the depth; stops adding actors at the node cap and says so. Its edges are those
    /// lying on walks of at most <c>Depth</c> hops from the centre: each passes the filter, may be walked (by the filter's
    /// direction) from an end at depth below <c>Depth</c>, and has both ends among the returned actors. So an edge between
    /// two actors at the last depth is not included, nor one to an actor the cap kept out. From each actor it expands,
    /// at most <c>EdgesPerActor</c> edges are taken (in the store's order), and at most <c>EdgeLimit</c> in all; every
    /// edge met while expanding that passes the filter and is left out of the answer is counted once, by type, in
    /// <see cref="Subgraph.Omitted"/>, and makes the answer truncated. Reaching <c>EdgeLimit</c> ends the walk, so the
    /// counts then cover the edges met until that point.
    /// </summary>
    Task<Subgraph> GetNeighbourhoodAsync(NeighbourhoodRequest request, CancellationToken cancellationToken = default);

    /// <summary>Paths between two actors by <see cref="PathRequest.Mode"/>, bounded by depth and limit.</summary>
    Task<PathResult> FindPathsAsync(PathRequest request, CancellationToken cancellationToken = default);

    /// <summary>Actors adjacent to both, by id.</summary>
    Task<IReadOnlyList<CommonNeighbour>> GetCommonNeighboursAsync(ActorId first, ActorId second, RelationshipFilter filter, CancellationToken cancellationToken = default);

    /// <summary>An actor's dated edges in the window, oldest first (then by type and other actor).</summary>
    Task<IReadOnlyList<Relationship>> GetTimelineAsync(ActorId actor, PartialDate? from, PartialDate? to, CancellationToken cancellationToken = default);

    /// <summary>Every quantity whose sources disagree.</summary>
    Task<IReadOnlyList<QuantityConflict>> GetConflictsAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts and degree statistics.</summary>
    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Everything, for export or sync.</summary>
    Task<GraphSnapshot> ExportAsync(CancellationToken cancellationToken = default);
}
