using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Embedded.Index;
using Microsoft.Extensions.Logging;

namespace Graph.Storage.Embedded.Storage;

/// <summary>The identity of a store file and how many write transactions it has committed (<c>store_state</c>).</summary>
internal readonly record struct StoreStamp(string StoreId, long Writes);

/// <summary>
/// A binary copy of the rows the index is built from, kept beside the store file (<c>graph.db.index</c>) so that opening
/// reads one file instead of scanning four tables through SQLite (4.1 s at a million relationships). It is stamped with
/// the file's identity and write count: any committed write makes it stale, and a stale, foreign, damaged or
/// older-format snapshot is ignored and the index is built from the tables as before. The tables stay the record; the
/// snapshot is only ever a faster way to read them.
/// </summary>
/// <remarks>
/// Layout: a header (stamp, counts, and the offset, length and XxHash3 of each section), then two sections read on two
/// threads: actors and documents; edges with their evidence. Names are kept folded, so opening folds nothing. The reader
/// rebuilds the index through the calls <see cref="SqliteLoader"/> makes (rows in seq order, then
/// <see cref="GraphIndex.CompleteLoad"/>), so both give the same index; evidence runs are written compacted, in edge
/// order, as the tables hold them.
/// </remarks>
internal static class IndexSnapshot
{
    private const ulong Magic = 0x58444E4948505247; // "GRPHINDX"
    private const int FormatVersion = 1;

    // Bounds a damaged count can not get past: no real store comes near them.
    private const int MaxSlots = 1 << 28;

    public static string PathOf(string storePath) => storePath + ".index";

    /// <summary>
    /// Writes the snapshot and says whether it did. Only the next open's speed depends on it, the tables being the
    /// record, so no failure here fails the caller: it is logged, and the next open reads the tables.
    /// </summary>
    public static bool TrySave(GraphIndex index, string storePath, StoreStamp stamp, ILogger? logger)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Write(index, storePath, stamp);
            logger?.LogDebug("Saved the index snapshot of {Path} (write {Writes}) in {Elapsed} ms", storePath, stamp.Writes, watch.ElapsedMilliseconds);
            return true;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            logger?.LogWarning("Could not save the index snapshot of {Path}; the next open reads the tables: {Error}", storePath, e.Message);
            return false;
        }
    }

    /// <summary>Writes the snapshot of <paramref name="index"/> as of <paramref name="stamp"/>: to a temporary file, flushed, then moved into place.</summary>
    public static void Write(GraphIndex index, string storePath, StoreStamp stamp)
    {
        var path = PathOf(storePath);
        var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                var counts = Counts.Of(index);
                var header = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
                header.Write(Magic);
                header.Write(FormatVersion);
                header.Write(stamp.StoreId);
                header.Write(stamp.Writes);
                counts.Write(header);
                var sectionsAt = file.Position;
                header.Write(new byte[2 * Section.Size]);
                header.Flush();

                var actors = WriteSection(file, writer => WriteActors(writer, index, counts));
                var edges = WriteSection(file, writer => WriteEdges(writer, index, counts));
                file.Position = sectionsAt;
                actors.Write(header);
                edges.Write(header);
                header.Flush();

                // On disk before the rename: after a power loss the name never points at half a file.
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The index the snapshot holds, when there is one stamped exactly <paramref name="stamp"/>; otherwise null and why
    /// (missing, stale, foreign, another format, damaged), with <paramref name="unreadable"/> set when it was current but
    /// could not be read (worth a warning, unlike a stale one).
    /// </summary>
    public static GraphIndex? TryRead(string storePath, StoreStamp stamp, out string? reason, out bool unreadable)
    {
        unreadable = false;
        var path = PathOf(storePath);
        if (!File.Exists(path))
        {
            reason = "there is no index snapshot";
            return null;
        }

        try
        {
            Counts counts;
            Section actors, edges;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
            using (var header = new BinaryReader(file, Encoding.UTF8, leaveOpen: true))
            {
                if (file.Length < sizeof(ulong) || header.ReadUInt64() != Magic)
                {
                    reason = "the index snapshot is not one this program wrote";
                    return null;
                }

                var version = header.ReadInt32();
                if (version != FormatVersion)
                {
                    reason = $"the index snapshot has format {version}; this build reads {FormatVersion}";
                    return null;
                }

                var stored = new StoreStamp(header.ReadString(), header.ReadInt64());
                if (stored.StoreId != stamp.StoreId)
                {
                    reason = "the index snapshot belongs to another store file";
                    return null;
                }

                if (stored.Writes != stamp.Writes)
                {
                    reason = $"the index snapshot is stale (made after write {stored.Writes}; the file has {stamp.Writes})";
                    return null;
                }

                counts = Counts.Read(header);
                actors = Section.Read(header, file.Length);
                edges = Section.Read(header, file.Length);
            }

            using var noCollections = NoCollectionsWhile(counts);
            var index = new GraphIndex();
            index.Reserve(counts.ActorSlots, counts.EdgeSlots, counts.EvidenceRows);
            index.ReserveLookups(counts.Actors, counts.Documents);

            // The two sections fill different arrays of the index; references between them are checked once both are in.
            var edgeSide = Task.Run(() => ReadSection(path, edges, reader => ReadEdges(reader, index, counts)));
            var extractors = ReadSection(path, actors, reader => ReadActors(reader, index, counts));
            edgeSide.GetAwaiter().GetResult();
            CheckReferences(index, counts, extractors);
            index.CompleteLoad(counts.EdgeSlots, counts.Edges, counts.EvidenceRows);
            reason = null;
            return index;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Whatever stops the read (a damaged section, a short file, a value out of range), the tables answer instead.
            var inner = e is AggregateException { InnerException: { } first } ? first : e;
            reason = $"the index snapshot could not be read ({inner.GetType().Name}: {inner.Message})";
            unreadable = true;
            return null;
        }
    }

    /// <summary>
    /// Keeps the collector out of the read: nearly everything it allocates stays alive, so a collection in the middle only
    /// walks and copies the growing index (three full collections took 190-340 ms of a 1.5 s open at a million edges).
    /// The budget is what the index will hold; past it, or where the runtime refuses one that large, collections run as usual.
    /// </summary>
    private static NoCollections NoCollectionsWhile(Counts counts)
    {
        var bytes = (counts.EdgeSlots * 120L) + (counts.EvidenceRows * 56L) + (counts.ActorSlots * 400L) + (counts.Documents * 300L) + (64L << 20);
        try
        {
            return new NoCollections(GC.TryStartNoGCRegion(bytes));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return new NoCollections(false);
        }
    }

    private readonly struct NoCollections(bool started) : IDisposable
    {
        public void Dispose()
        {
            if (!started)
            {
                return;
            }

            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // The budget ran out and the runtime ended the region itself.
                }
            }

            // One full collection now, while the read's garbage is all there is to drop: the collector then sizes its
            // budgets from the compacted index instead of from a heap that grew for a second unchecked. At a million
            // edges with Server GC (as the API runs) the query process peaked at 359-396 MB without it, 350-351 MB with
            // it (five runs each); the open took 430-550 ms either way.
            GC.Collect();
        }
    }

    // ---- actors and documents ----

    private static void WriteActors(SnapshotWriter writer, GraphIndex index, Counts counts)
    {
        writer.Write(index.Extractors.Count);
        foreach (var extractor in index.Extractors)
        {
            writer.Write(extractor);
        }

        for (var seq = 1; seq < counts.ActorSlots; seq++)
        {
            if (index.Actors[seq] is not { } actor)
            {
                continue;
            }

            writer.Write(seq);
            writer.Write(actor.Id.Value!);
            writer.Write((int)actor.Kind);
            writer.Write(actor.Description is not null);
            writer.Write(actor.Description ?? "");
            var attributes = TextFields.ToJson(actor.Attributes);
            writer.Write(attributes is not null);
            writer.Write(attributes ?? "");
            var names = index.Names[seq]!;
            writer.Write(names.Length);
            foreach (var (folded, original) in names)
            {
                writer.Write(original);
                writer.Write(folded);
            }
        }

        for (var seq = 1; seq < index.DocumentSlots; seq++)
        {
            if (index.Documents[seq] is not { } document)
            {
                continue;
            }

            writer.Write(seq);
            writer.Write(document.Id.Value!);
            writer.Write(document.Title);
            writer.Write(document.Publisher is { } publisher ? index.SeqOf(publisher) : 0);
            writer.Write(document.Url is not null);
            writer.Write(document.Url ?? "");
            writer.Write(document.Published is not null);
            writer.Write(document.Published?.ToString() ?? "");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] ReadActors(SnapshotReader reader, GraphIndex index, Counts counts)
    {
        var extractors = new string[reader.Count(MaxSlots)];
        for (var i = 0; i < extractors.Length; i++)
        {
            extractors[i] = reader.String();
        }

        var last = 0;
        for (var i = 0; i < counts.Actors; i++)
        {
            var seq = reader.NextSeq(ref last, counts.ActorSlots);
            var id = ActorId.Parse(reader.String());
            var kind = (NodeKind)reader.Int32();
            var description = reader.Optional();
            var attributes = TextFields.ActorFieldsFromJson(reader.Optional());
            var names = new NameEntry[reader.Count(MaxSlots)];
            if (names.Length == 0 || !Enum.IsDefined(kind))
            {
                throw new InvalidDataException($"actor {seq} has no name or an unknown kind");
            }

            for (var n = 0; n < names.Length; n++)
            {
                var original = reader.String();
                names[n] = new NameEntry(reader.String(), original);
            }

            var aliases = names.Length == 1 ? [] : new string[names.Length - 1];
            for (var a = 0; a < aliases.Length; a++)
            {
                aliases[a] = names[a + 1].Original;
            }

            index.SetActor(seq, new Actor(id, kind, names[0].Original, aliases, attributes, description), names);
        }

        last = 0;
        for (var i = 0; i < counts.Documents; i++)
        {
            var seq = reader.NextSeq(ref last, MaxSlots);
            var id = DocumentId.Parse(reader.String());
            var title = reader.String();
            var publisher = reader.Int32();
            var url = reader.Optional();
            var published = reader.Optional() is { } date ? PartialDate.Parse(date) : (PartialDate?)null;
            index.SetDocument(seq, new DocumentEntry(id, title, publisher == 0 ? null : LiveActor(index, publisher).Id, url, published));
        }

        return extractors;
    }

    // ---- edges and their evidence ----

    private static void WriteEdges(SnapshotWriter writer, GraphIndex index, Counts counts)
    {
        // Qualifiers and attribute texts repeat across edges: each distinct text is written once, then referred to.
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var textList = new List<string>();
        int Ref(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            if (!texts.TryGetValue(text, out var at))
            {
                texts[text] = at = textList.Count;
                textList.Add(text);
            }

            return at;
        }

        for (var seq = 1; seq < counts.EdgeSlots; seq++)
        {
            if (index.IsEdge(seq))
            {
                Ref(index.Qualifiers[seq]);
                Ref(index.EdgeAttributeJson[seq]);
                foreach (ref readonly var row in index.EvidenceOf(seq))
                {
                    Ref(row.Attributes);
                }
            }
        }

        writer.Write(textList.Count);
        foreach (var text in textList)
        {
            writer.Write(text);
        }

        for (var seq = 1; seq < counts.EdgeSlots; seq++)
        {
            if (!index.IsEdge(seq))
            {
                continue;
            }

            ref readonly var edge = ref index.Edges[seq];
            writer.Write(seq);
            writer.Write((int)edge.Type);
            writer.Write(edge.From);
            writer.Write(edge.To);
            writer.Write(Ref(index.Qualifiers[seq]));
            writer.Write(Ref(index.EdgeAttributeJson[seq]));
            writer.Write(edge.Dated);
            writer.Write(edge.Start);
            writer.Write(edge.End);
            var rows = index.EvidenceOf(seq);
            writer.Write(rows.Length);
            foreach (ref readonly var row in rows)
            {
                writer.Write(row.Document);
                writer.Write(row.Start);
                writer.Write(row.End);
                writer.Write(row.AttributedTo);
                writer.Write((int)row.Stance);
                writer.Write(row.Confidence);
                writer.Write(row.Extractor);
                writer.Write(Ref(row.Attributes));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadEdges(SnapshotReader reader, GraphIndex index, Counts counts)
    {
        var texts = new string[reader.Count(MaxSlots)];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = reader.String();
        }

        var last = 0;
        var loadedRows = 0;
        for (var i = 0; i < counts.Edges; i++)
        {
            var seq = reader.NextSeq(ref last, counts.EdgeSlots);
            var type = (RelationshipType)reader.Int32();
            if (!Enum.IsDefined(type))
            {
                throw new InvalidDataException($"edge {seq} has relationship type {(int)type}, which this build does not know");
            }

            var from = reader.Int32();
            var to = reader.Int32();
            var qualifier = Text(texts, reader.Int32()) ?? throw new InvalidDataException($"edge {seq} has no qualifier text");
            var attributes = Text(texts, reader.Int32());
            var dated = reader.Boolean();
            var start = reader.Int32();
            var end = reader.Int32();
            index.LoadEdge(seq, type, from, to, qualifier, attributes, dated, start, end);

            var rows = reader.Count(counts.EvidenceRows - loadedRows);
            for (var r = 0; r < rows; r++)
            {
                index.AppendLoadedEvidence(seq, new EvidenceData
                {
                    Document = reader.Int32(),
                    Start = reader.Int32(),
                    End = reader.Int32(),
                    AttributedTo = reader.Int32(),
                    Stance = (Stance)reader.Int32(),
                    Confidence = reader.Double(),
                    Extractor = reader.Int32(),
                    Attributes = Text(texts, reader.Int32()),
                });
            }

            loadedRows += rows;
        }

        return loadedRows == counts.EvidenceRows ? loadedRows : throw new InvalidDataException($"the snapshot holds {loadedRows} evidence, not {counts.EvidenceRows}");
    }

    /// <summary>Every end, document, attributed actor and extractor an edge section names exists in the actor section.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckReferences(GraphIndex index, Counts counts, string[] extractors)
    {
        for (var seq = 1; seq < counts.EdgeSlots; seq++)
        {
            ref readonly var edge = ref index.Edges[seq];
            if (edge.Alive)
            {
                LiveActor(index, edge.From);
                LiveActor(index, edge.To);
            }
        }

        foreach (ref readonly var row in index.EvidencePool.AsSpan(0, index.EvidenceUsed))
        {
            if (row.Document <= 0 || row.Document >= index.DocumentSlots || index.Documents[row.Document] is null
                || (uint)row.Extractor >= (uint)extractors.Length || !Enum.IsDefined(row.Stance) || row.Start < 0 || row.End < row.Start)
            {
                throw new InvalidDataException("an evidence row points outside the snapshot");
            }

            if (row.AttributedTo != 0)
            {
                LiveActor(index, row.AttributedTo);
            }
        }

        foreach (var extractor in extractors)
        {
            index.ExtractorId(extractor);
        }

        if (index.Extractors.Count != extractors.Length)
        {
            throw new InvalidDataException("the snapshot names an extractor twice");
        }
    }

    // ---- sections ----

    private static Section WriteSection(FileStream file, Action<SnapshotWriter> body)
    {
        var offset = file.Position;
        var writer = new SnapshotWriter(file);
        body(writer);
        var (length, hash) = writer.Finish();
        return new Section(offset, length, hash);
    }

    private static T ReadSection<T>(string path, Section section, Func<SnapshotReader, T> body)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Position = section.Offset;
        var reader = new SnapshotReader(file, section.Length);
        var result = body(reader);
        reader.End(section.Hash);
        return result;
    }

    private static Actor LiveActor(GraphIndex index, int seq) =>
        seq > 0 && seq < index.ActorSlots && index.Actors[seq] is { } actor ? actor : throw new InvalidDataException($"actor {seq} is not in the snapshot");

    private static string? Text(string[] texts, int at) =>
        at == -1 ? null : (uint)at < (uint)texts.Length ? texts[at] : throw new InvalidDataException($"text {at} is not in the snapshot");

    /// <summary>Where a section lies in the file and the XxHash3 of its bytes.</summary>
    private readonly record struct Section(long Offset, long Length, ulong Hash)
    {
        public const int Size = 24;

        public void Write(BinaryWriter writer)
        {
            writer.Write(Offset);
            writer.Write(Length);
            writer.Write(Hash);
        }

        public static Section Read(BinaryReader reader, long fileLength)
        {
            var section = new Section(reader.ReadInt64(), reader.ReadInt64(), reader.ReadUInt64());
            return section.Offset >= 0 && section.Length >= 0 && section.Offset + section.Length <= fileLength
                ? section
                : throw new InvalidDataException("a section lies outside the file");
        }
    }

    /// <summary>How many of each row the snapshot holds, and the slots they sit in (as <c>max(seq) + 1</c> from the tables).</summary>
    private readonly record struct Counts(int ActorSlots, int Actors, int Documents, int EdgeSlots, int Edges, int EvidenceRows)
    {
        public static Counts Of(GraphIndex index)
        {
            var evidence = 0;
            for (var seq = 1; seq < index.EdgeSlots; seq++)
            {
                if (index.IsEdge(seq))
                {
                    evidence += index.Edges[seq].EvidenceCount;
                }
            }

            return new Counts(
                LastLive(index.ActorSlots, seq => index.Actors[seq] is not null) + 1,
                index.ActorCount,
                index.DocumentCount,
                LastLive(index.EdgeSlots, index.IsEdge) + 1,
                index.EdgeCount,
                evidence);
        }

        public void Write(BinaryWriter writer)
        {
            foreach (var value in new[] { ActorSlots, Actors, Documents, EdgeSlots, Edges, EvidenceRows })
            {
                writer.Write(value);
            }
        }

        public static Counts Read(BinaryReader reader)
        {
            int Next()
            {
                var value = reader.ReadInt32();
                return value is >= 0 and <= MaxSlots ? value : throw new InvalidDataException($"a count of {value} is out of range");
            }

            var counts = new Counts(Next(), Next(), Next(), Next(), Next(), Next());
            return counts.ActorSlots >= 1 && counts.Actors < counts.ActorSlots && counts.EdgeSlots >= 1 && counts.Edges < counts.EdgeSlots
                ? counts
                : throw new InvalidDataException("the snapshot's counts do not fit its slots");
        }

        private static int LastLive(int slots, Func<int, bool> live)
        {
            for (var seq = slots - 1; seq > 0; seq--)
            {
                if (live(seq))
                {
                    return seq;
                }
            }

            return 0;
        }
    }
}
