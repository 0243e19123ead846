using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Embedded;

public sealed partial class EmbeddedGraphStore
{
    private const int MaxEvidenceHits = 1_000;

    /// <inheritdoc />
    public Task<Actor?> GetActorAsync(ActorId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index => index.ActorOf(id)));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ActorId, Actor>> GetActorsAsync(IReadOnlyCollection<ActorId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Task.FromResult<IReadOnlyDictionary<ActorId, Actor>>(Read(index =>
        {
            var found = new Dictionary<ActorId, Actor>(ids.Count);
            foreach (var id in ids)
            {
                if (index.ActorOf(id) is { } actor)
                {
                    found[id] = actor;
                }
            }

            return found;
        }));
    }

    /// <inheritdoc />
    public Task<Actor?> ResolveActorAsync(string nameOrAlias, CancellationToken cancellationToken = default)
    {
        if (nameOrAlias is null)
        {
            throw new InvalidArgumentException("name", "A name to resolve is required.");
        }

        return Task.FromResult(Read(index => NameSearch.Resolve(index, nameOrAlias)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActorMatch>> SearchActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.Validated();
        return Task.FromResult<IReadOnlyList<ActorMatch>>(Read(index =>
            NameSearch.Matches(index, search).Take(search.Limit).ToList()));
    }

    /// <inheritdoc />
    public Task<int> CountActorsAsync(ActorSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.Validated();
        return Task.FromResult(Read(index => NameSearch.Matches(index, search with { After = null }).Count));
    }

    /// <inheritdoc />
    public Task<Relationship?> GetRelationshipAsync(RelationshipKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index => index.EdgeSeqOf(key) is var seq and >= 0 ? index.Record(seq) : null));

    /// <inheritdoc />
    public Task<IReadOnlyList<Relationship>> GetRelationshipsAsync(ActorId actor, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        var compiled = Compile(filter);
        return Task.FromResult(Read(index => EdgesOf(index, RequireActor(index, actor, "actor"), compiled)));
    }

    /// <inheritdoc />
    /// <remarks>Unknown actors are absent from the result, as with <see cref="GetActorsAsync"/>.</remarks>
    public Task<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>> GetRelationshipsForAsync(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var compiled = Compile(filter);
        return Task.FromResult<IReadOnlyDictionary<ActorId, IReadOnlyList<Relationship>>>(Read(index =>
        {
            var found = new Dictionary<ActorId, IReadOnlyList<Relationship>>(actors.Count);
            foreach (var actor in actors)
            {
                var seq = index.SeqOf(actor);
                if (seq >= 0)
                {
                    found[actor] = EdgesOf(index, seq, compiled);
                }
            }

            return found;
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Evidence>> GetEvidenceAsync(RelationshipKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index =>
            index.EdgeSeqOf(key) is var seq and >= 0 ? index.Record(seq).Evidence : throw new NotFoundException("relationship", SafeId(key))));

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceHit>> SearchEvidenceAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        var folded = NameFolding.Fold(text ?? "");
        if (folded.Length == 0)
        {
            throw new InvalidArgumentException("text", "Search text needs at least one letter or digit.");
        }

        if (limit is < 1 or > MaxEvidenceHits)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and {MaxEvidenceHits}; got {limit}.");
        }

        return Task.FromResult<IReadOnlyList<EvidenceHit>>(Read(index =>
        {
            var hits = new List<EvidenceHit>();
            var texts = index.AllTexts();
            for (var seq = 1; seq < index.EdgeSlots; seq++)
            {
                if (!index.IsEdge(seq))
                {
                    continue;
                }

                // Quotes are spans of their documents: fold the span, build the record only for a hit.
                var rows = index.EvidenceOf(seq);
                for (var i = 0; i < rows.Length; i++)
                {
                    ref readonly var row = ref rows[i];
                    var quote = texts[row.Document]!.Substring(row.Start, row.End - row.Start);
                    if (NameFolding.Fold(quote).Contains(folded, StringComparison.Ordinal))
                    {
                        var edge = index.Record(seq);
                        hits.Add(new EvidenceHit(edge, edge.Evidence[i]));
                    }
                }
            }

            // Newest document first; undated documents last; then document, position, edge.
            return hits
                .OrderBy(h => index.EntryOf(h.Evidence.DocumentId)?.Published, NewestFirst)
                .ThenBy(h => h.Evidence.DocumentId.Value, StringComparer.Ordinal)
                .ThenBy(h => h.Evidence.Start)
                .ThenBy(h => h.Relationship.Id, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
        }));
    }

    /// <inheritdoc />
    public Task<Document?> GetDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index => index.DocumentOf(id)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> GetDocumentsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Document>>(Read(index =>
            index.AllDocuments().OrderBy(d => d.Id.Value, StringComparer.Ordinal).ToList()));

    /// <summary>The actor's edges passing the filter, in the contract's order: type, date (undated last), other actor, qualifier.</summary>
    private static IReadOnlyList<Relationship> EdgesOf(GraphIndex index, int actor, in EdgeFilter filter)
    {
        var found = new List<Relationship>();
        foreach (var e in index.EdgesOf(actor))
        {
            ref readonly var edge = ref index.Edges[e];
            if (filter.WalksFrom(edge, actor) && filter.Passes(edge, index, e))
            {
                found.Add(index.Record(e));
            }
        }

        var id = index.Actors[actor]!.Id;
        found.Sort((a, b) => CompareForListing(a, b, id));
        return found;
    }

    private static int CompareForListing(Relationship a, Relationship b, ActorId seenFrom)
    {
        var byType = a.Type.CompareTo(b.Type);
        if (byType != 0)
        {
            return byType;
        }

        var byDate = NullsLast.Instance.Compare(a.Date, b.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byOther = a.Other(seenFrom).CompareTo(b.Other(seenFrom));
        return byOther != 0 ? byOther : string.CompareOrdinal(a.Key.Qualifier, b.Key.Qualifier);
    }

    private static EdgeFilter Compile(RelationshipFilter? filter) => new((filter ?? RelationshipFilter.All).Validated());

    private static readonly IComparer<PartialDate?> NewestFirst =
        Comparer<PartialDate?>.Create(static (x, y) => x is { } a ? (y is { } b ? b.CompareTo(a) : -1) : (y is null ? 0 : 1));

    /// <summary>Orders dates with the undated after every dated one (as Neo4j orders nulls ascending).</summary>
    private sealed class NullsLast : IComparer<PartialDate?>
    {
        public static readonly NullsLast Instance = new();

        public int Compare(PartialDate? x, PartialDate? y) =>
            x is { } a ? (y is { } b ? a.CompareTo(b) : -1) : (y is null ? 0 : 1);
    }
}
