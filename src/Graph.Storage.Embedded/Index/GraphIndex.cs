using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Storage.Embedded.Index;

/// <summary>The identity of an edge over dense actor ids: cheaper to hash than a <see cref="RelationshipKey"/>.</summary>
internal readonly record struct EdgeKey(RelationshipType Type, int From, int To, string Qualifier);

/// <summary>A name or alias of an actor, with its folded form.</summary>
internal readonly record struct NameEntry(string Folded, string Original);

/// <summary>
/// The in-memory graph every read answers from. Actors and edges sit in arrays indexed by their SQLite <c>seq</c>
/// (dense ids; a deleted row leaves a dead slot). Each actor has an array of the edge indices that touch it, in either
/// direction; edges are <see cref="EdgeData"/> structs beside their full <see cref="Relationship"/> records. Mutated only
/// by the single writer, after its transaction commits, under the store's write lock.
/// </summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, List<int>> _byFoldedName = new(StringComparer.Ordinal);

    public Actor?[] Actors = new Actor?[64];
    public NameEntry[]?[] Names = new NameEntry[]?[64];
    public int[][] Adjacency = new int[64][];
    public int[] AdjacencyCount = new int[64];
    public readonly Dictionary<ActorId, int> ActorSeqs = [];

    public EdgeData[] Edges = new EdgeData[64];
    public Relationship?[] Records = new Relationship?[64];
    public readonly Dictionary<EdgeKey, int> EdgeSeqs = [];

    public readonly Dictionary<DocumentId, int> DocumentSeqs = [];
    public Document?[] Documents = new Document?[16];

    /// <summary>One past the highest actor seq in use: the size traversal scratch arrays need.</summary>
    public int ActorSlots { get; private set; } = 1;

    public int EdgeSlots { get; private set; } = 1;

    public int DocumentSlots { get; private set; } = 1;

    public int ActorCount { get; private set; }

    public int EdgeCount { get; private set; }

    public int EvidenceCount { get; private set; }

    public int DocumentCount => DocumentSeqs.Count;

    public int SeqOf(ActorId id) => id.Value is not null && ActorSeqs.TryGetValue(id, out var seq) ? seq : -1;

    public Actor? ActorOf(ActorId id) => SeqOf(id) is var seq and >= 0 ? Actors[seq] : null;

    public Document? DocumentOf(DocumentId id) => id.Value is not null && DocumentSeqs.TryGetValue(id, out var seq) ? Documents[seq] : null;

    public int EdgeSeqOf(RelationshipKey key)
    {
        key = key.Canonical();
        var from = SeqOf(key.From);
        var to = SeqOf(key.To);
        return from >= 0 && to >= 0 && EdgeSeqs.TryGetValue(new EdgeKey(key.Type, from, to, key.Qualifier ?? ""), out var seq) ? seq : -1;
    }

    public ReadOnlySpan<int> EdgesOf(int actor) => Adjacency[actor].AsSpan(0, AdjacencyCount[actor]);

    // ---- mutation (single writer, under the write lock) ----

    public void SetActor(int seq, Actor actor)
    {
        EnsureActorSlot(seq);
        if (Actors[seq] is not null)
        {
            RemoveNames(seq);
        }
        else
        {
            ActorCount++;
            Adjacency[seq] ??= [];
        }

        Actors[seq] = actor;
        ActorSeqs[actor.Id] = seq;
        AddNames(seq, actor);
    }

    public void RemoveActor(int seq)
    {
        if (Actors[seq] is not { } actor)
        {
            return;
        }

        RemoveNames(seq);
        ActorSeqs.Remove(actor.Id);
        Actors[seq] = null;
        Adjacency[seq] = [];
        AdjacencyCount[seq] = 0;
        ActorCount--;
    }

    public void SetDocument(int seq, Document document)
    {
        if (seq >= Documents.Length)
        {
            Array.Resize(ref Documents, Math.Max(seq + 1, Documents.Length * 2));
        }

        Documents[seq] = document;
        DocumentSeqs[document.Id] = seq;
        DocumentSlots = Math.Max(DocumentSlots, seq + 1);
    }

    public void SetEdge(int seq, Relationship edge)
    {
        EnsureEdgeSlot(seq);
        var from = ActorSeqs[edge.From];
        var to = ActorSeqs[edge.To];
        if (Records[seq] is { } old)
        {
            EvidenceCount -= old.Evidence.Count;
        }
        else
        {
            EdgeCount++;
            Append(from, seq);
            Append(to, seq);
            EdgeSeqs[new EdgeKey(edge.Type, from, to, edge.Key.Qualifier ?? "")] = seq;
        }

        Records[seq] = edge;
        Edges[seq] = EdgeData.For(edge, from, to);
        EvidenceCount += edge.Evidence.Count;
    }

    public void RemoveEdge(int seq)
    {
        if (Records[seq] is not { } edge)
        {
            return;
        }

        ref var data = ref Edges[seq];
        Detach(data.From, seq);
        Detach(data.To, seq);
        EdgeSeqs.Remove(new EdgeKey(edge.Type, data.From, data.To, edge.Key.Qualifier ?? ""));
        data.Alive = false;
        Records[seq] = null;
        EdgeCount--;
        EvidenceCount -= edge.Evidence.Count;
    }

    // ---- names ----

    /// <summary>Actors with a name or alias whose folded form is exactly this.</summary>
    public IReadOnlyList<int> WithFoldedName(string folded) =>
        _byFoldedName.TryGetValue(folded, out var seqs) ? seqs : [];

    private void AddNames(int seq, Actor actor)
    {
        var entries = new List<NameEntry>(actor.Aliases.Count + 1);
        foreach (var name in actor.AllNames)
        {
            var folded = NameFolding.Fold(name);
            entries.Add(new NameEntry(folded, name));
            if (!_byFoldedName.TryGetValue(folded, out var seqs))
            {
                _byFoldedName[folded] = seqs = new List<int>(1);
            }

            if (!seqs.Contains(seq))
            {
                seqs.Add(seq);
            }
        }

        Names[seq] = [.. entries];
    }

    private void RemoveNames(int seq)
    {
        foreach (var entry in Names[seq] ?? [])
        {
            if (_byFoldedName.TryGetValue(entry.Folded, out var seqs))
            {
                seqs.Remove(seq);
                if (seqs.Count == 0)
                {
                    _byFoldedName.Remove(entry.Folded);
                }
            }
        }

        Names[seq] = null;
    }

    // ---- storage ----

    private void Append(int actor, int edge)
    {
        ref var list = ref Adjacency[actor];
        var count = AdjacencyCount[actor];
        if (count == list.Length)
        {
            Array.Resize(ref list, Math.Max(4, count * 2));
        }

        list[count] = edge;
        AdjacencyCount[actor] = count + 1;
    }

    private void Detach(int actor, int edge)
    {
        var list = Adjacency[actor];
        var count = AdjacencyCount[actor];
        var at = Array.IndexOf(list, edge, 0, count);
        if (at >= 0)
        {
            // Shift rather than swap so the remaining edges keep their order (and traversal answers stay stable).
            Array.Copy(list, at + 1, list, at, count - at - 1);
            AdjacencyCount[actor] = count - 1;
        }
    }

    private void EnsureActorSlot(int seq)
    {
        if (seq >= Actors.Length)
        {
            var size = Math.Max(seq + 1, Actors.Length * 2);
            Array.Resize(ref Actors, size);
            Array.Resize(ref Names, size);
            Array.Resize(ref Adjacency, size);
            Array.Resize(ref AdjacencyCount, size);
        }

        ActorSlots = Math.Max(ActorSlots, seq + 1);
    }

    private void EnsureEdgeSlot(int seq)
    {
        if (seq >= Edges.Length)
        {
            var size = Math.Max(seq + 1, Edges.Length * 2);
            Array.Resize(ref Edges, size);
            Array.Resize(ref Records, size);
        }

        EdgeSlots = Math.Max(EdgeSlots, seq + 1);
    }
}
