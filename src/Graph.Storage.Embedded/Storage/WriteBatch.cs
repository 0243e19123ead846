using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Embedded.Storage;

/// <summary>
/// One write, staged: every change is validated against the index plus what the batch itself adds, before anything
/// touches the file. Then it is written in one transaction and, once committed, applied to the index. A refused batch
/// is simply dropped, so it changes nothing.
/// </summary>
internal sealed class WriteBatch(GraphIndex index)
{
    private readonly Dictionary<ActorId, (int Seq, Actor Actor, bool IsNew)> _actors = [];
    private readonly Dictionary<DocumentId, (int Seq, Document Document, bool IsNew, int PublisherSeq)> _documents = [];
    private readonly Dictionary<DocumentId, (int Seq, Document? Document)> _storedDocuments = [];
    private readonly (string? Id, int Seq, NodeKind? Kind)[] _recentActors = new (string?, int, NodeKind?)[4];
    private int _nextRecent;
    private readonly Dictionary<EdgeKey, StagedEdge> _edges = [];
    private readonly List<ResolvedEvidence> _evidence = [];
    private readonly HashSet<int> _removedEdges = [];
    private readonly HashSet<int> _removedActors = [];
    private readonly List<(string Sql, IReadOnlyList<object?> Values)> _statements = [];
    private int _nextActorSeq = index.ActorSlots;
    private int _nextDocumentSeq = index.DocumentSlots;
    private int _nextEdgeSeq = index.EdgeSlots;
    private Func<ActorId, NodeKind?>? _kindOf;
    private Func<DocumentId, Document?>? _documentOf;

    public GraphIndex Index => index;

    /// <summary>
    /// Empties the batch for another against the same index (after this one is applied to it), keeping the capacity of
    /// its collections: a bulk load's batches are large, and new ones for each were large-object allocations, which
    /// bring full collections on.
    /// </summary>
    public void Reset()
    {
        _actors.Clear();
        _documents.Clear();
        _storedDocuments.Clear();
        _edges.Clear();
        _evidence.Clear();
        _removedEdges.Clear();
        _removedActors.Clear();
        _statements.Clear();
        Array.Clear(_recentActors);
        _nextActorSeq = index.ActorSlots;
        _nextDocumentSeq = index.DocumentSlots;
        _nextEdgeSeq = index.EdgeSlots;
    }

    public bool HasChanges => _actors.Count + _documents.Count + _edges.Count + _removedEdges.Count + _removedActors.Count + _statements.Count > 0;

    /// <summary>Statements on the tables beside the graph, run in the same transaction after the graph's rows ($p0, $p1, ...).</summary>
    public IReadOnlyList<(string Sql, IReadOnlyList<object?> Values)> Statements => _statements;

    /// <summary>Adds a statement on a table beside the graph (ingestion records, proposals) to this batch's transaction.</summary>
    public void AddStatement(string sql, params object?[] values) => _statements.Add((sql, values));

    public IEnumerable<int> RemovedEdges => _removedEdges;

    public IEnumerable<int> RemovedActors => _removedActors;

    // What the writer's plan reads is settled while staging (each row's slot, whether it is new, what it keeps), so a
    // plan reads the batch and never the index: it can be made after the batch is applied, on another thread.

    /// <summary>Actors to insert or replace, with whether each is new.</summary>
    public IEnumerable<(int Seq, Actor Actor, bool IsNew)> Actors => _actors.Values;

    /// <summary>Documents to insert or replace, with whether each is new and its publisher's slot (-1: none).</summary>
    public IEnumerable<(int Seq, Document Document, bool IsNew, int PublisherSeq)> Documents => _documents.Values;

    /// <summary>Edges to insert or replace, with their keys (the ends as seqs, already resolved).</summary>
    public IEnumerable<KeyValuePair<EdgeKey, StagedEdge>> Edges => _edges;

    /// <summary>A staged edge's evidence as the file and the index take it, in the edge's evidence order.</summary>
    public ReadOnlySpan<ResolvedEvidence> EvidenceOf(in StagedEdge staged) =>
        CollectionsMarshal.AsSpan(_evidence).Slice(staged.EvidenceStart, staged.Edge.Evidence.Count);

    public int EdgeRows => _edges.Count;

    public int EvidenceRows => _edges.Values.Sum(e => e.Edge.Evidence.Count);

    // ---- the graph as it will be after this batch ----

    public Actor? ActorOf(ActorId id) =>
        LookUpActor(id) is (var seq, not null) ? _actors.TryGetValue(id, out var staged) ? staged.Actor : index.Actors[seq] : null;

    public NodeKind? KindOf(ActorId id) => LookUpActor(id).Kind;

    /// <summary>The actor's slot (staged, stored, or stored and removed by this batch), or -1.</summary>
    public int ActorSeq(ActorId id) => LookUpActor(id).Seq;

    public Document? DocumentOf(DocumentId id) => id.Value is null ? null : LookUpDocument(id).Document;

    public int DocumentSeq(DocumentId id) => LookUpDocument(id).Seq;

    /// <summary>
    /// An actor's slot and, unless this batch removed it, its kind. Staging an edge asks for each end and each source
    /// of its evidence while validating it, then again while resolving it: the last few answers are kept, found by
    /// their id's text object (the edge's own), so each is looked up once.
    /// </summary>
    private (int Seq, NodeKind? Kind) LookUpActor(ActorId id)
    {
        var text = id.Value;
        if (text is null)
        {
            return (-1, null);
        }

        foreach (var (known, seq, kind) in _recentActors)
        {
            if (ReferenceEquals(known, text))
            {
                return (seq, kind);
            }
        }

        // The staged map is asked only when it holds something: a bulk load's first batch leaves it with room for every
        // actor, and probing that emptied table is a hash and a cache miss per end of every later edge.
        (int Seq, NodeKind? Kind) found = _actors.Count > 0 && _actors.TryGetValue(id, out var staged) ? (staged.Seq, staged.Actor.Kind)
            : index.SeqOf(id) is var stored and >= 0 ? (stored, _removedActors.Contains(stored) ? null : index.Kinds[stored])
            : (-1, null);
        _recentActors[_nextRecent] = (text, found.Seq, found.Kind);
        _nextRecent = (_nextRecent + 1) % _recentActors.Length;
        return found;
    }

    /// <summary>
    /// A document's slot and the document, staged or stored (-1 and null when unknown). A stored document is made from
    /// its entry and its text once per batch: a batch's evidence cites each document many times.
    /// </summary>
    private (int Seq, Document? Document) LookUpDocument(DocumentId id)
    {
        if (_documents.Count > 0 && _documents.TryGetValue(id, out var staged))
        {
            return (staged.Seq, staged.Document);
        }

        if (!_storedDocuments.TryGetValue(id, out var stored))
        {
            _storedDocuments[id] = stored = index.DocumentSeqs.TryGetValue(id, out var seq) ? (seq, index.DocumentAt(seq)) : (-1, null);
        }

        return stored;
    }

    /// <summary>The edge with this key as the batch leaves it so far (staged earlier, or stored and not removed), and its slot.</summary>
    public bool TryFindEdge(EdgeKey key, out int seq, [NotNullWhen(true)] out Relationship? edge)
    {
        if (_edges.TryGetValue(key, out var staged))
        {
            (seq, edge) = (staged.Seq, staged.Edge);
            return true;
        }

        if (index.EdgeSeqs().TryGetValue(key, out seq) && !_removedEdges.Contains(seq))
        {
            edge = index.Record(seq);
            return true;
        }

        (seq, edge) = (-1, null);
        return false;
    }

    // ---- staging ----

    public void StageActor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Validated();
        var seq = ActorSeq(actor.Id);
        seq = seq >= 0 ? seq : _nextActorSeq++;
        _actors[actor.Id] = (seq, actor, index.Actors.ElementAtOrDefault(seq) is null);
        Array.Clear(_recentActors);
    }

    public void StageDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Id.Value is null)
        {
            throw new InvalidArgumentException("documentId", "A document needs an id of the form 'doc:slug'.");
        }

        if (string.IsNullOrWhiteSpace(document.Title))
        {
            throw new InvalidArgumentException("title", $"Document '{document.Id}' needs a non-empty title.");
        }

        if (document.Text is null)
        {
            throw new InvalidArgumentException("text", $"Document '{document.Id}' needs its text: evidence offsets index into it.");
        }

        if (document.Publisher is { } publisher && KindOf(publisher) is null)
        {
            throw new NotFoundException("actor", publisher.Value ?? "", []);
        }

        var current = DocumentOf(document.Id);
        if (current is not null && current.Text != document.Text)
        {
            // Replacing the text must not strand a quote: every evidence citing it must still be verbatim.
            foreach (var edge in CurrentEdges())
            {
                foreach (var evidence in edge.Evidence)
                {
                    if (evidence.DocumentId == document.Id)
                    {
                        evidence.Validate(document);
                    }
                }
            }
        }

        var seq = current is null ? _nextDocumentSeq++ : DocumentSeq(document.Id);
        _documents[document.Id] = (seq, document, index.Documents.ElementAtOrDefault(seq) is null, document.Publisher is { } by ? ActorSeq(by) : -1);
    }

    /// <summary>Stages a whole snapshot (actors, documents, then relationships) and says what it creates and updates.</summary>
    public UpsertResult StageSnapshot(GraphSnapshot snapshot, IProgress<ImportProgress>? progress, int interval, CancellationToken cancellationToken)
    {
        // Sized once: a dictionary of a large batch grows through several large arrays otherwise (large-object
        // allocations, which start full collections in a bulk load).
        _actors.EnsureCapacity(snapshot.Actors.Count);
        _documents.EnsureCapacity(snapshot.Documents.Count);
        _edges.EnsureCapacity(snapshot.Relationships.Count);
        foreach (var actor in snapshot.Actors)
        {
            StageActor(actor);
        }

        foreach (var document in snapshot.Documents)
        {
            StageDocument(document);
        }

        var done = 0;
        var total = snapshot.Relationships.Count;
        foreach (var relationship in snapshot.Relationships)
        {
            StageEdge(relationship);
            if (progress is not null && (++done % interval == 0 || done == total))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report(new ImportProgress("validating", done, total));
            }
        }

        return DropUnchanged();
    }

    /// <summary>Stages an edge: validated, then merged into the edge with its key if there is one.</summary>
    public void StageEdge(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        var key = relationship.Key.Canonical();
        if (key.Qualifier is null)
        {
            key = key with { Qualifier = "" };
        }

        if (key.From.Value is null || key.To.Value is null)
        {
            throw new InvalidArgumentException("from", "A relationship needs both ends as actor ids ('kind:slug').");
        }

        if (!Enum.IsDefined(key.Type))
        {
            throw new InvalidArgumentException("type", $"Unknown relationship type {(int)key.Type}.");
        }

        if (relationship.Evidence is null || relationship.Attributes is null)
        {
            throw new InvalidArgumentException("evidence", $"Relationship '{key}' needs attributes and an evidence list.");
        }

        var edge = key == relationship.Key ? relationship : relationship with { Key = key };
        edge.Validated(_kindOf ??= KindOf, _documentOf ??= DocumentOf);
        var edgeKey = new EdgeKey(key.Type, ActorSeq(key.From), ActorSeq(key.To), key.Qualifier);

        // The edge this one merges into and its slot, looked up once (a bulk load stages a million edges against a
        // million-entry key map).
        if (!TryFindEdge(edgeKey, out var seq, out var current))
        {
            seq = _nextEdgeSeq++;
        }

        // A new edge as given has had its attributes checked with it; anything merged is checked again.
        var merged = current is null ? Normalized(edge) : current.Merge(edge);
        if (!ReferenceEquals(merged, edge))
        {
            merged.Attributes.Validate();
        }

        _edges[edgeKey] = Resolve(seq, merged);
    }

    /// <summary>Stages a new version of an edge already in the index (same key), skipping validation of the ends.</summary>
    public void ReplaceEdge(int seq, Relationship edge)
    {
        var data = index.Edges[seq];
        _edges[new EdgeKey(edge.Type, data.From, data.To, edge.Key.Qualifier ?? "")] = Resolve(seq, edge);
    }

    /// <summary>
    /// An edge's values as the file and the index take them (its ends' and documents' seqs, its attributes as JSON),
    /// resolved once here: the writer's plan and the index's update each used to look them all up and serialize them again.
    /// </summary>
    private StagedEdge Resolve(int seq, Relationship edge)
    {
        // Merging keeps earlier evidence in place, so the writer rewrites rows only from the first that differs: adding
        // the thousandth quote to an edge writes one row, not a thousand.
        var isNew = !index.IsEdge(seq);
        var kept = isNew || _removedEdges.Contains(seq) ? 0 : UnchangedPrefix(index.Record(seq), edge);
        var start = _evidence.Count;
        for (var i = 0; i < edge.Evidence.Count; i++)
        {
            var e = edge.Evidence[i];
            _evidence.Add(new ResolvedEvidence(DocumentSeq(e.DocumentId), e.AttributedTo is { } source ? ActorSeq(source) : 0, TextFields.EvidenceToJson(e.Attributes)));
        }

        return new StagedEdge(seq, edge, TextFields.EdgeToJson(edge.Attributes), start, isNew, kept);
    }

    /// <summary>How many leading evidence rows of the committed edge the new version keeps as they are.</summary>
    private static int UnchangedPrefix(Relationship committed, Relationship edge)
    {
        var count = Math.Min(committed.Evidence.Count, edge.Evidence.Count);
        var same = 0;
        while (same < count && committed.Evidence[same].Equals(edge.Evidence[same]))
        {
            same++;
        }

        return same;
    }

    /// <summary>The edge in slot <paramref name="seq"/> as this batch leaves it so far; null when removed.</summary>
    public Relationship? CurrentEdge(int seq) =>
        _removedEdges.Contains(seq) || !index.IsEdge(seq) ? null
        : _edges.TryGetValue(KeyOf(seq), out var staged) ? staged.Edge : index.Record(seq);

    /// <summary>True when the edge in slot <paramref name="seq"/>, as this batch leaves it so far, credits the actor in some evidence.</summary>
    public bool Credits(int seq, int actorSeq)
    {
        if (_removedEdges.Contains(seq) || !index.IsEdge(seq))
        {
            return false;
        }

        if (_edges.TryGetValue(KeyOf(seq), out var staged))
        {
            var id = index.Actors[actorSeq]!.Id;
            return staged.Edge.Evidence.Any(e => e.AttributedTo == id);
        }

        foreach (ref readonly var row in index.EvidenceOf(seq))
        {
            if (row.AttributedTo == actorSeq)
            {
                return true;
            }
        }

        return false;
    }

    public void RemoveEdge(int seq)
    {
        var data = index.Edges[seq];
        _edges.Remove(new EdgeKey(data.Type, data.From, data.To, index.Qualifiers[seq]));
        _removedEdges.Add(seq);
    }

    public void RemoveActor(ActorId id)
    {
        _actors.Remove(id);
        _removedActors.Add(index.SeqOf(id));
        Array.Clear(_recentActors);
    }

    /// <summary>Drops staged rows equal to what is stored, and says what the batch creates, updates and leaves as it was.</summary>
    public UpsertResult DropUnchanged()
    {
        int created = 0, updated = 0, unchanged = 0;
        void Count<TKey, TStaged, TValue>(Dictionary<TKey, TStaged> staged, Func<TStaged, (int Seq, TValue Value)> parts, Func<int, TValue?> stored)
            where TKey : notnull
            where TValue : class
        {
            List<TKey>? same = null;
            foreach (var (key, entry) in staged)
            {
                var (seq, value) = parts(entry);
                var current = stored(seq);
                if (current is null)
                {
                    created++;
                }
                else if (current.Equals(value))
                {
                    unchanged++;
                    (same ??= []).Add(key);
                }
                else
                {
                    updated++;
                }
            }

            foreach (var key in same ?? [])
            {
                staged.Remove(key);
            }
        }

        Count(_actors, a => (a.Seq, a.Actor), seq => index.Actors.ElementAtOrDefault(seq));
        Count(_documents, d => (d.Seq, d.Document), index.DocumentAt);
        Count(_edges, e => (e.Seq, e.Edge), seq => !_removedEdges.Contains(seq) && index.IsEdge(seq) ? index.Record(seq) : null);
        return new UpsertResult(created, updated, unchanged);
    }

    /// <summary>Applies the committed batch to the index (caller holds the write lock).</summary>
    public void ApplyTo(GraphIndex target)
    {
        foreach (var seq in _removedEdges)
        {
            target.RemoveEdge(seq);
        }

        foreach (var (seq, actor, _) in _actors.Values)
        {
            target.SetActor(seq, actor);
        }

        foreach (var (seq, document, _, _) in _documents.Values)
        {
            target.SetDocument(seq, document);
        }

        foreach (var (key, staged) in InSeqOrder(_edges))
        {
            target.SetEdge(staged.Seq, staged.Edge, key.From, key.To, staged.AttributesJson, EvidenceOf(staged));
        }

        foreach (var seq in _removedActors)
        {
            target.RemoveActor(seq);
        }
    }

    /// <summary>
    /// The staged edges by seq. New edges are staged in seq order already (a bulk load's batches hold little else), so
    /// they are sorted only when they are not: sorting copies the whole batch.
    /// </summary>
    private static IEnumerable<KeyValuePair<EdgeKey, StagedEdge>> InSeqOrder(Dictionary<EdgeKey, StagedEdge> edges)
    {
        var last = int.MinValue;
        foreach (var (_, staged) in edges)
        {
            var seq = staged.Seq;
            if (seq < last)
            {
                return edges.OrderBy(e => e.Value.Seq);
            }

            last = seq;
        }

        return edges;
    }

    private IEnumerable<Relationship> CurrentEdges()
    {
        foreach (var staged in _edges.Values)
        {
            yield return staged.Edge;
        }

        for (var seq = 1; seq < index.EdgeSlots; seq++)
        {
            if (index.IsEdge(seq) && !_removedEdges.Contains(seq) && !_edges.ContainsKey(KeyOf(seq)))
            {
                yield return index.Record(seq);
            }
        }
    }

    private EdgeKey KeyOf(int seq)
    {
        var data = index.Edges[seq];
        return new EdgeKey(data.Type, data.From, data.To, index.Qualifiers[seq]);
    }

    /// <summary>A new edge with any evidence stated twice in it kept once (the later copy).</summary>
    private static Relationship Normalized(Relationship edge)
    {
        if (edge.Evidence.Count < 2 || edge.Evidence.Select(e => e.Key).Distinct().Count() == edge.Evidence.Count)
        {
            return edge;
        }

        return (edge with { Attributes = EdgeAttributes.None, Evidence = [] }).Merge(edge);
    }
}

/// <summary>
/// A staged edge: its slot, its new version, its attributes as the file holds them, where its resolved evidence starts,
/// whether the slot is new (false: it rewrites a stored edge) and how many leading evidence rows of the stored edge it
/// keeps as they are.
/// </summary>
internal readonly record struct StagedEdge(int Seq, Relationship Edge, string? AttributesJson, int EvidenceStart, bool IsNew, int KeptEvidence);

/// <summary>One evidence of a staged edge as the file and the index take it: seqs instead of ids (0: not attributed), attributes as JSON.</summary>
internal readonly record struct ResolvedEvidence(int Document, int AttributedTo, string? AttributesJson);
