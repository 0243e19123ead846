using System.Runtime.CompilerServices;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Embedded.Storage;

namespace Graph.Storage.Embedded.Index;

/// <summary>The identity of an edge over dense actor ids: cheaper to hash than a <see cref="RelationshipKey"/>.</summary>
internal readonly record struct EdgeKey(RelationshipType Type, int From, int To, string Qualifier);

/// <summary>A name or alias of an actor, with its folded form.</summary>
internal readonly record struct NameEntry(string Folded, string Original);

/// <summary>
/// The in-memory graph every read answers from. Actors and edges sit in arrays indexed by their SQLite <c>seq</c>
/// (dense ids; a deleted row leaves a dead slot). Each actor has an array of the edge indices that touch it, in either
/// direction. Edges are kept as <see cref="EdgeData"/> structs with their evidence in one pool of
/// <see cref="EvidenceData"/>; the <see cref="Relationship"/> record is built on demand. Document texts stay in the file
/// (<see cref="DocumentTexts"/> holds the recently read ones). Mutated only by the
/// single writer, after its transaction commits, under the store's write lock.
/// </summary>
internal sealed class GraphIndex
{
    // Folded name -> the actor holding it, or SharedName when several do (then _sharedNames lists them): nearly every
    // name has one holder, and a list per name cost 64 bytes an actor (13 MB at 200,000 actors).
    private const int SharedName = -1;
    private readonly Dictionary<string, int> _byFoldedName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _sharedNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _extractorIds = new(StringComparer.Ordinal);
    private readonly Lock _edgeKeysGate = new();
    private EdgeKeyMap? _edgeSeqs;

    /// <summary>
    /// False for a bulk load's index: nothing during a load reads who touches an actor (staging finds edges by key and
    /// seq), the index snapshot the load saves does not hold it (an open builds it from the edges, BuildAdjacency), and
    /// appending every edge to both ends' lists, in random order and growing them, was a quarter of applying a batch.
    /// </summary>
    public bool LinksEnds { get; init; } = true;

    public Actor?[] Actors = new Actor?[64];

    /// <summary>Each live actor's kind by seq: what validating an edge asks of its ends, without reaching for the actor.</summary>
    public NodeKind[] Kinds = new NodeKind[64];
    public NameEntry[]?[] Names = new NameEntry[]?[64];
    public int[][] Adjacency = new int[64][];
    public int[] AdjacencyCount = new int[64];

    /// <summary>
    /// Beside <see cref="Adjacency"/>, the other end and the type of each edge: an unfiltered walk, and the counting of
    /// a hub's edges past a cap, read no edge (a random read into <see cref="Edges"/> per edge was most of a hub's cost).
    /// </summary>
    public AdjacentEnd[][] Neighbours = new AdjacentEnd[64][];
    public readonly SeqMap ActorSeqs = new();

    public EdgeData[] Edges = new EdgeData[64];
    public readonly EdgeQualifiers Qualifiers = new();
    public string?[] EdgeAttributeJson = new string?[64];

    /// <summary>Every edge's evidence, each edge a contiguous run (<see cref="EdgeData.EvidenceStart"/>); a rewritten edge appends a new run.</summary>
    public EvidenceData[] EvidencePool = new EvidenceData[64];
    public int EvidenceUsed;

    private string[] _extractors = [];
    private (string? Name, int Id) _lastExtractor; // only the writer (or the load) asks for ids

    // While loading: the edge of each evidence row appended so far (see AppendLoadedEvidence).
    private int[]? _loadingEdges;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EdgeAttributes> _attributes = new(StringComparer.Ordinal);

    public readonly Dictionary<DocumentId, int> DocumentSeqs = [];
    public DocumentEntry?[] Documents = new DocumentEntry?[16];

    /// <summary>The documents' texts, by document seq: recent ones in memory, the others read from the file.</summary>
    public readonly DocumentTexts Texts = new();

    /// <summary>One past the highest actor seq in use: the size traversal scratch arrays need.</summary>
    public int ActorSlots { get; private set; } = 1;

    public int EdgeSlots { get; private set; } = 1;

    public int DocumentSlots { get; private set; } = 1;

    public int ActorCount { get; private set; }

    public int EdgeCount { get; private set; }

    public int EvidenceCount { get; private set; }

    public int DocumentCount => DocumentSeqs.Count;

    public int SeqOf(ActorId id) => id.Value is { } text && ActorSeqs.TryGetValue(text, out var seq) ? seq : -1;

    public Actor? ActorOf(ActorId id) => SeqOf(id) is var seq and >= 0 ? Actors[seq] : null;

    /// <summary>A stored document with its text (read from the file when it is not in memory).</summary>
    public Document? DocumentOf(DocumentId id) => id.Value is not null && DocumentSeqs.TryGetValue(id, out var seq) ? DocumentAt(seq) : null;

    /// <summary>What the index holds of a document, without reading its text.</summary>
    public DocumentEntry? EntryOf(DocumentId id) => id.Value is not null && DocumentSeqs.TryGetValue(id, out var seq) ? Documents[seq] : null;

    /// <summary>The document stored at a seq, with its text; null for a seq no document has.</summary>
    public Document? DocumentAt(int seq) =>
        Documents.ElementAtOrDefault(seq) is { } entry ? entry.WithText(Texts.Get(seq)) : null;

    public bool IsEdge(int seq) => seq > 0 && seq < EdgeSlots && Edges[seq].Alive;

    public int EdgeSeqOf(RelationshipKey key)
    {
        key = key.Canonical();
        var from = SeqOf(key.From);
        var to = SeqOf(key.To);
        return from >= 0 && to >= 0 ? EdgeSeqOf(new EdgeKey(key.Type, from, to, key.Qualifier ?? "")) : -1;
    }

    /// <summary>The live edge with this key, or -1. Reads scan the shorter adjacency until a writer has built the key map.</summary>
    public int EdgeSeqOf(EdgeKey key)
    {
        if (Volatile.Read(ref _edgeSeqs) is { } map)
        {
            return map.TryGetValue(key, out var found) ? found : -1;
        }

        if (key.From <= 0 || key.To <= 0 || key.From >= ActorSlots || key.To >= ActorSlots)
        {
            return -1;
        }

        var at = AdjacencyCount[key.From] <= AdjacencyCount[key.To] ? key.From : key.To;
        foreach (var e in EdgesOf(at))
        {
            ref readonly var edge = ref Edges[e];
            if (edge.From == key.From && edge.To == key.To && edge.Type == key.Type && Qualifiers[e] == key.Qualifier)
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>The key map writers stage against, built on the first write (opening does not pay for it).</summary>
    public EdgeKeyMap EdgeSeqs()
    {
        if (Volatile.Read(ref _edgeSeqs) is { } map)
        {
            return map;
        }

        lock (_edgeKeysGate)
        {
            if (_edgeSeqs is null)
            {
                map = new EdgeKeyMap(this);
                map.EnsureCapacity(EdgeCount);
                for (var seq = 1; seq < EdgeSlots; seq++)
                {
                    ref readonly var edge = ref Edges[seq];
                    if (!edge.Alive)
                    {
                        continue;
                    }

                    // The file has no unique index on the key (see SqliteSchema): the write path keeps it unique, and
                    // a file that breaks that is refused here, before any write stages against it.
                    var key = new EdgeKey(edge.Type, edge.From, edge.To, Qualifiers[seq]);
                    if (map.TryGetValue(key, out var first))
                    {
                        throw new InvalidOperationException(
                            $"The store file holds two relationships with one key ({edge.Type} from actor seq {edge.From} to {edge.To}, qualifier '{Qualifiers[seq]}': relationship seqs {first} and {seq}). " +
                            "It was not written by this store's write path; export it, remove one of the two, and import it into a new file.");
                    }

                    map.Add(key, seq);
                }

                Volatile.Write(ref _edgeSeqs, map);
            }

            return _edgeSeqs;
        }
    }

    public ReadOnlySpan<int> EdgesOf(int actor) => Adjacency[actor].AsSpan(0, AdjacencyCount[actor]);

    public ReadOnlySpan<EvidenceData> EvidenceOf(int seq)
    {
        ref readonly var edge = ref Edges[seq];
        return EvidencePool.AsSpan(edge.EvidenceStart, edge.EvidenceCount);
    }

    /// <summary>True when one of the edge's evidence comes from the document.</summary>
    public bool Cites(int seq, DocumentId document)
    {
        if (document.Value is null || !DocumentSeqs.TryGetValue(document, out var doc))
        {
            return false;
        }

        foreach (ref readonly var evidence in EvidenceOf(seq))
        {
            if (evidence.Document == doc)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The full record of a live edge, built on each read and not kept: a record is a few small objects over the edge
    /// arrays (its evidence is built only when read), and keeping one per edge cost about 160 MB at a million edges.
    /// </summary>
    public Relationship Record(int seq)
    {
        ref readonly var edge = ref Edges[seq];
        var rows = EvidenceOf(seq);
        ActorId?[]? credited = null;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].AttributedTo > 0)
            {
                // Resolved now: the actor may be merged away before the list is read.
                credited ??= new ActorId?[rows.Length];
                credited[i] = Actors[rows[i].AttributedTo]!.Id;
            }
        }

        var evidence = new LazyEvidence(this, EvidencePool, edge.EvidenceStart, edge.EvidenceCount, _extractors, credited);
        var key = new RelationshipKey(edge.Type, Actors[edge.From]!.Id, Actors[edge.To]!.Id, Qualifiers[seq]);
        return new Relationship(key, AttributesOf(seq), evidence);
    }

    /// <summary>An edge's attributes; the parsed form is shared by every edge with the same column text (they are immutable).</summary>
    private EdgeAttributes AttributesOf(int seq) =>
        EdgeAttributeJson[seq] is { } json ? _attributes.GetOrAdd(json, static text => Storage.TextFields.EdgeFromJson(text)) : EdgeAttributes.None;

    /// <summary>The extractor names, by the id <see cref="EvidenceData.Extractor"/> holds.</summary>
    public IReadOnlyList<string> Extractors => _extractors;

    public int ExtractorId(string extractor)
    {
        // Most evidence of a write shares one extractor string: skip the hash for the one seen last.
        if (ReferenceEquals(extractor, _lastExtractor.Name))
        {
            return _lastExtractor.Id;
        }

        if (!_extractorIds.TryGetValue(extractor, out var id))
        {
            // Copy on write: lazy evidence lists hold the array they were made with.
            _extractorIds[extractor] = id = _extractors.Length;
            _extractors = [.. _extractors, extractor];
        }

        _lastExtractor = (extractor, id);
        return id;
    }

    // ---- mutation (single writer, under the write lock) ----

    public void SetActor(int seq, Actor actor) => SetActor(seq, actor, FoldedNames(actor));

    /// <summary>Indexes an actor whose names are already folded (<see cref="FoldedNames"/>; a snapshot keeps them so).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    public void SetActor(int seq, Actor actor, NameEntry[] names)
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
            Neighbours[seq] ??= [];
        }

        Actors[seq] = actor;
        Kinds[seq] = actor.Kind;
        ActorSeqs[actor.Id.Value!] = seq;
        AddNames(seq, names);
    }

    /// <summary>Makes room in the lookups for this many actors before a load adds them one by one.</summary>
    public void ReserveLookups(int actors, int documents)
    {
        ActorSeqs.EnsureCapacity(actors);
        _byFoldedName.EnsureCapacity(actors);
        DocumentSeqs.EnsureCapacity(documents);
    }

    public void RemoveActor(int seq)
    {
        if (Actors[seq] is not { } actor)
        {
            return;
        }

        RemoveNames(seq);
        ActorSeqs.Remove(actor.Id.Value!);
        Actors[seq] = null;
        Adjacency[seq] = [];
        Neighbours[seq] = [];
        AdjacencyCount[seq] = 0;
        ActorCount--;
    }

    public void SetDocument(int seq, Document document)
    {
        SetDocument(seq, DocumentEntry.Of(document));
        Texts.Put(seq, document.Text);
    }

    /// <summary>Every document's text by seq, read in one pass (for scans of every quote or document).</summary>
    public string?[] AllTexts()
    {
        var texts = new string?[DocumentSlots];
        foreach (var (seq, text) in Texts.GetAll(DocumentSeqs.Values))
        {
            texts[seq] = text;
        }

        return texts;
    }

    /// <summary>Every stored document with its text, in seq order.</summary>
    public IEnumerable<Document> AllDocuments()
    {
        var texts = AllTexts();
        for (var seq = 1; seq < DocumentSlots; seq++)
        {
            if (Documents[seq] is { } entry)
            {
                yield return entry.WithText(texts[seq]!);
            }
        }
    }

    /// <summary>Indexes a document whose text stays in the file (opening a store).</summary>
    public void SetDocument(int seq, DocumentEntry document)
    {
        if (seq >= Documents.Length)
        {
            Array.Resize(ref Documents, Math.Max(seq + 1, Documents.Length * 2));
        }

        Documents[seq] = document;
        DocumentSeqs[document.Id] = seq;
        DocumentSlots = Math.Max(DocumentSlots, seq + 1);
    }

    /// <summary>Stores a committed edge (new or rewritten); its ends, documents and attributed actors are already indexed.</summary>
    /// <summary>
    /// Stores a committed edge whose ends, documents and attributes a write batch has already resolved
    /// (<paramref name="evidence"/> holds the edge's evidence in order, as seqs and JSON).
    /// </summary>
    public void SetEdge(int seq, Relationship edge, int from, int to, string? attributesJson, ReadOnlySpan<ResolvedEvidence> evidence)
    {
        var start = EvidenceUsed;
        for (var i = 0; i < evidence.Length; i++)
        {
            var e = edge.Evidence[i];
            ref readonly var resolved = ref evidence[i];
            AppendEvidence(new EvidenceData
            {
                Document = resolved.Document,
                Start = e.Start,
                End = e.End,
                AttributedTo = resolved.AttributedTo,
                Confidence = e.Confidence,
                Extractor = ExtractorId(e.Extractor),
                Stance = e.Stance,
                Attributes = resolved.AttributesJson,
            });
        }

        var attributes = edge.Attributes;
        SetEdge(seq, edge.Type, from, to, edge.Key.Qualifier ?? "", attributesJson, attributes.ValidFrom, attributes.ValidTo, start, evidence.Length);
    }

    /// <summary>Stores an edge from its parts; its evidence is already in the pool at <paramref name="evidenceStart"/>.</summary>
    public void SetEdge(int seq, RelationshipType type, int from, int to, string qualifier, string? attributesJson, PartialDate? validFrom, PartialDate? validTo, int evidenceStart, int evidenceCount)
    {
        EnsureEdgeSlot(seq);
        ref var data = ref Edges[seq];
        var isNew = !data.Alive;
        if (!isNew)
        {
            EvidenceCount -= data.EvidenceCount;
        }
        else
        {
            EdgeCount++;
            if (LinksEnds)
            {
                Append(from, seq, new AdjacentEnd(to, type));
                Append(to, seq, new AdjacentEnd(from, type));
            }
        }

        var confidence = 0.0;
        foreach (ref readonly var evidence in EvidencePool.AsSpan(evidenceStart, evidenceCount))
        {
            if (evidence.Stance != Stance.Denies && evidence.Confidence > confidence)
            {
                confidence = evidence.Confidence;
            }
        }

        data = new EdgeData
        {
            From = from,
            To = to,
            Type = type,
            Alive = true,
            Symmetric = GraphOntology.RuleFor(type).Symmetric,
            Dated = validFrom is not null || validTo is not null,
            Start = validFrom is { } first ? first.Start.DayNumber : int.MinValue,
            End = validTo is { } last ? last.End.DayNumber : int.MaxValue,
            EvidenceStart = evidenceStart,
            EvidenceCount = evidenceCount,
            Confidence = confidence,
        };
        Qualifiers[seq] = qualifier;
        EdgeAttributeJson[seq] = attributesJson;
        EvidenceCount += evidenceCount;
        if (isNew)
        {
            _edgeSeqs?.Add(new EdgeKey(type, from, to, qualifier), seq); // the key map reads the key back from the fields above
        }
    }

    /// <summary>
    /// Appends a loaded evidence row of edge <paramref name="edge"/> (rows come in edge order); the edges' runs are set
    /// from these at the end of the load (<see cref="CompleteLoad"/>), so a parallel scan of the edges is not written to.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    public void AppendLoadedEvidence(int edge, in EvidenceData evidence)
    {
        _loadingEdges ??= new int[EvidencePool.Length];
        if (EvidenceUsed == _loadingEdges.Length)
        {
            Array.Resize(ref _loadingEdges, Math.Max(64, _loadingEdges.Length + (_loadingEdges.Length / 2)));
        }

        _loadingEdges[EvidenceUsed] = edge;
        AppendEvidence(evidence);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    public void AppendEvidence(in EvidenceData evidence)
    {
        if (EvidenceUsed == EvidencePool.Length)
        {
            Array.Resize(ref EvidencePool, Math.Max(64, EvidencePool.Length + (EvidencePool.Length / 2))); // the pool is the largest array: grow by half
        }

        EvidencePool[EvidenceUsed++] = evidence;
    }

    public void RemoveEdge(int seq)
    {
        ref var data = ref Edges[seq];
        if (!data.Alive)
        {
            return;
        }

        if (LinksEnds)
        {
            Detach(data.From, seq);
            Detach(data.To, seq);
        }

        _edgeSeqs?.Remove(new EdgeKey(data.Type, data.From, data.To, Qualifiers[seq]));
        data.Alive = false;
        EdgeAttributeJson[seq] = null;
        EdgeCount--;
        EvidenceCount -= data.EvidenceCount;
    }

    /// <summary>
    /// Grows the arrays and lookups to hold this many actors, documents, edges and evidence rows, without claiming any
    /// slot: a bulk load told its size then never copies a large array to grow it (each copy of a large array is a
    /// large-object allocation, and those start full collections).
    /// </summary>
    public void ReserveCapacity(int actors, int documents, int edges, int evidenceRows)
    {
        GrowActorArrays(actors + 1);
        GrowEdgeArrays(edges + 1);
        GrowEvidencePool(evidenceRows);
        ReserveLookups(actors, documents);
        var edgeKeys = EdgeSeqs();
        edgeKeys.EnsureCapacity(edges);

        // Their pages are mapped in on another core while the first batch is staged, in the order applying it writes them.
        var (actorSlots, kinds, edgeData, evidence, attributes) = (Actors, Kinds, Edges, EvidencePool, EdgeAttributeJson);
        _ = Task.Run(() =>
        {
            ActorSeqs.Warm();
            PageWarmer.Warm(actorSlots);
            PageWarmer.Warm(kinds);
            PageWarmer.Warm(edgeData);
            edgeKeys.Warm();
            PageWarmer.Warm(evidence);
            PageWarmer.Warm(attributes);
        });
    }

    /// <summary>
    /// Sizes the actor, edge and evidence arrays once for a load of this many slots and evidence rows, with the
    /// evidence pool a sixteenth larger for the writes that follow: growing it by half then copies 75 MB at 1M rows.
    /// </summary>
    public void Reserve(int actorSlots, int edgeSlots, int evidenceRows)
    {
        evidenceRows += (evidenceRows / 16) + 64;
        if (actorSlots > 0)
        {
            EnsureActorSlot(actorSlots - 1);
        }

        GrowEdgeArrays(edgeSlots);
        GrowEvidencePool(evidenceRows);
    }

    /// <summary>
    /// Fills a loaded edge's own fields (a load from the tables or from a snapshot); its evidence run, confidence and
    /// adjacency follow in <see cref="CompleteLoad"/>. Field by field: a parallel scan may be filling the evidence pool.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    public void LoadEdge(int seq, RelationshipType type, int from, int to, string qualifier, string? attributesJson, bool dated, int startDay, int endDay)
    {
        ref var edge = ref Edges[seq];
        edge.From = from;
        edge.To = to;
        edge.Type = type;
        edge.Symmetric = GraphOntology.RuleFor(type).Symmetric;
        edge.Dated = dated;
        edge.Start = startDay;
        edge.End = endDay;
        edge.Alive = true;
        Qualifiers[seq] = qualifier;
        EdgeAttributeJson[seq] = attributesJson;
    }

    /// <summary>Builds every actor's adjacency in one pass after a bulk load (edges in seq order, as appends would).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    public void BuildAdjacency()
    {
        var counts = AdjacencyCount;
        for (var seq = 1; seq < EdgeSlots; seq++)
        {
            ref readonly var edge = ref Edges[seq];
            if (edge.Alive)
            {
                counts[edge.From]++;
                counts[edge.To]++;
            }
        }

        for (var actor = 0; actor < ActorSlots; actor++)
        {
            Adjacency[actor] = counts[actor] == 0 ? [] : new int[counts[actor]];
            Neighbours[actor] = counts[actor] == 0 ? [] : new AdjacentEnd[counts[actor]];
            counts[actor] = 0;
        }

        for (var seq = 1; seq < EdgeSlots; seq++)
        {
            ref readonly var edge = ref Edges[seq];
            if (edge.Alive)
            {
                Neighbours[edge.From][counts[edge.From]] = new AdjacentEnd(edge.To, edge.Type);
                Adjacency[edge.From][counts[edge.From]++] = seq;
                Neighbours[edge.To][counts[edge.To]] = new AdjacentEnd(edge.From, edge.Type);
                Adjacency[edge.To][counts[edge.To]++] = seq;
            }
        }
    }

    /// <summary>Ends a bulk load: the edge arrays were filled directly; counts and adjacency follow from them.</summary>
    public void CompleteLoad(int edgeSlots, int edgeCount, int evidenceCount)
    {
        EdgeSlots = Math.Max(EdgeSlots, edgeSlots);
        EdgeCount = edgeCount;
        EvidenceCount = evidenceCount;
        AttachEvidence();
        BuildAdjacency();
    }

    /// <summary>Points each loaded edge at its run of the evidence pool (rows sorted by edge) and derives its confidence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    private void AttachEvidence()
    {
        var rows = EvidencePool.AsSpan(0, EvidenceUsed);
        var edges = _loadingEdges;
        _loadingEdges = null;
        for (var i = 0; i < rows.Length;)
        {
            var seq = edges![i];
            var start = i;
            var best = 0.0;
            for (; i < rows.Length && edges[i] == seq; i++)
            {
                if (rows[i].Stance != Stance.Denies && rows[i].Confidence > best)
                {
                    best = rows[i].Confidence;
                }
            }

            ref var edge = ref Edges[seq];
            edge.EvidenceStart = start;
            edge.EvidenceCount = i - start;
            edge.Confidence = best;
        }
    }

    // ---- names ----

    /// <summary>Actors with a name or alias whose folded form is exactly this.</summary>
    public IReadOnlyList<int> WithFoldedName(string folded) =>
        !_byFoldedName.TryGetValue(folded, out var holder) ? []
        : holder == SharedName ? _sharedNames[folded]
        : [holder];

    /// <summary>The actor's name and aliases with their folded forms, the name first.</summary>
    public static NameEntry[] FoldedNames(Actor actor)
    {
        var entries = new NameEntry[actor.Aliases.Count + 1];
        entries[0] = new NameEntry(NameFolding.Fold(actor.Name), actor.Name);
        for (var i = 0; i < actor.Aliases.Count; i++)
        {
            entries[i + 1] = new NameEntry(NameFolding.Fold(actor.Aliases[i]), actor.Aliases[i]);
        }

        return entries;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run a million times while an open starts the runtime
    private void AddNames(int seq, NameEntry[] entries)
    {
        foreach (var (folded, _) in entries)
        {
            ref var holder = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byFoldedName, folded, out var held);
            if (!held)
            {
                holder = seq;
            }
            else if (holder == SharedName)
            {
                var holders = _sharedNames[folded];
                if (!holders.Contains(seq))
                {
                    holders.Add(seq);
                }
            }
            else if (holder != seq)
            {
                _sharedNames[folded] = [holder, seq];
                holder = SharedName;
            }
        }

        Names[seq] = entries;
    }

    private void RemoveNames(int seq)
    {
        foreach (var (folded, _) in Names[seq] ?? [])
        {
            if (!_byFoldedName.TryGetValue(folded, out var holder))
            {
                continue;
            }

            if (holder == seq)
            {
                _byFoldedName.Remove(folded);
            }
            else if (holder == SharedName)
            {
                var holders = _sharedNames[folded];
                holders.Remove(seq);
                if (holders.Count == 1)
                {
                    _byFoldedName[folded] = holders[0];
                    _sharedNames.Remove(folded);
                }
            }
        }

        Names[seq] = null;
    }

    // ---- storage ----

    private void Append(int actor, int edge, AdjacentEnd other)
    {
        ref var list = ref Adjacency[actor];
        ref var others = ref Neighbours[actor];
        var count = AdjacencyCount[actor];
        if (count == list.Length)
        {
            Array.Resize(ref list, Math.Max(4, count * 2));
            Array.Resize(ref others, list.Length);
        }

        list[count] = edge;
        others[count] = other;
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
            Array.Copy(Neighbours[actor], at + 1, Neighbours[actor], at, count - at - 1);
            AdjacencyCount[actor] = count - 1;
        }
    }

    private void EnsureActorSlot(int seq)
    {
        if (seq >= Actors.Length)
        {
            GrowActorArrays(Math.Max(seq + 1, Actors.Length * 2));
        }

        ActorSlots = Math.Max(ActorSlots, seq + 1);
    }

    private void EnsureEdgeSlot(int seq)
    {
        if (seq >= Edges.Length)
        {
            GrowEdgeArrays(Math.Max(seq + 1, Edges.Length * 2));
        }

        EdgeSlots = Math.Max(EdgeSlots, seq + 1);
    }

    /// <summary>Grows every per-actor array together to hold at least <paramref name="size"/> slots.</summary>
    private void GrowActorArrays(int size)
    {
        if (size > Actors.Length)
        {
            Array.Resize(ref Actors, size);
            Array.Resize(ref Kinds, size);
            Array.Resize(ref Names, size);
            Array.Resize(ref Adjacency, size);
            Array.Resize(ref Neighbours, size);
            Array.Resize(ref AdjacencyCount, size);
        }
    }

    /// <summary>Grows every per-edge array together to hold at least <paramref name="size"/> slots.</summary>
    private void GrowEdgeArrays(int size)
    {
        if (size > Edges.Length)
        {
            Array.Resize(ref Edges, size);
            Array.Resize(ref EdgeAttributeJson, size);
        }
    }

    private void GrowEvidencePool(int rows)
    {
        if (rows > EvidencePool.Length)
        {
            Array.Resize(ref EvidencePool, rows);
        }
    }
}

/// <summary>One entry of an actor's adjacency besides the edge's seq: the actor at the other end and the edge's type.</summary>
internal readonly record struct AdjacentEnd(int Actor, RelationshipType Type);
