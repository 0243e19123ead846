using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Ingest.Synthetic;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;
using Graph.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Contract.GraphBuilder;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// A bulk load writes the same store an import would (same validation, same merging, same rows, indexes and text
/// index), and never leaves half a file at the target.
/// </summary>
public sealed class EmbeddedBulkLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private Task<EmbeddedGraphStore> OpenAsync(string path) =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct);

    /// <summary>The seed graph, a random graph split in three, and the random graph's first part again (every key repeated: merges).</summary>
    private static List<GraphSnapshot> Batches()
    {
        var random = RandomGraph.Build(7, 40, 150);
        var third = random.Relationships.Count / 3;
        return
        [
            KnowledgeFile.Load(TestFiles.SeedKnowledge),
            random with { Relationships = [.. random.Relationships.Take(third)] },
            GraphSnapshot.Empty with { Relationships = [.. random.Relationships.Skip(third).Take(third)] },
            GraphSnapshot.Empty with { Relationships = [.. random.Relationships.Skip(2 * third)] },
            GraphSnapshot.Empty with { Relationships = [.. random.Relationships.Take(third)] },
        ];
    }

    [Fact]
    public async Task A_bulk_load_gives_the_store_an_import_of_the_same_batches_gives()
    {
        var batches = Batches();
        var imported = _folder.File("imported.db");
        GraphSnapshot expected;
        await using (var store = await OpenAsync(imported))
        {
            foreach (var batch in batches)
            {
                await store.ImportAsync(batch, null, Ct);
            }

            expected = await store.ExportAsync(Ct);
        }

        var loaded = _folder.File("loaded.db");
        BulkLoadFigures figures;
        await using (var loader = EmbeddedBulkLoader.Create(loaded))
        {
            foreach (var batch in batches)
            {
                loader.Add(batch, null, Ct);
            }

            Assert.False(File.Exists(loaded), "The target must not exist before the load completes.");
            figures = await loader.CompleteAsync(null, Ct);
        }

        Assert.Equal(expected.Relationships.Count, figures.Relationships);
        Assert.Equal(expected.Actors.Count, figures.Actors);
        Assert.Equal(expected.Relationships.Sum(r => r.Evidence.Count), figures.Evidence);
        Assert.Equal([Path.GetFileName(imported), Path.GetFileName(loaded)], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Where(f => f!.EndsWith(".db", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(Directory.GetFiles(_folder.Path), f => f.Contains(".loading-", StringComparison.Ordinal));

        // A bulk load writes large pages (set before its first table, or SQLite keeps the default); the store files a
        // writer creates keep SQLite's default.
        Assert.Equal(16_384L, Scalar(loaded, "PRAGMA page_size;"));
        Assert.Equal(4_096L, Scalar(imported, "PRAGMA page_size;"));

        await using var reopened = await OpenAsync(loaded);
        Assert.Equal(IndexSource.Snapshot, reopened.OpenedFrom); // saved while the last rows were written, stamped with the count they left
        SnapshotAssert.Equal(expected, await reopened.ExportAsync(Ct));

        // The indexes and the text index were built at the end: lookups by alias, text search and a path all answer.
        Assert.Equal(ActorId.Parse("state:north-korea"), (await reopened.ResolveActorAsync("DPRK", Ct))?.Id);
        var quote = expected.Relationships.First(r => r.Evidence.Count > 0).Evidence[0].Quote;
        var word = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).MaxBy(w => w.Length)!;
        Assert.NotEmpty(await reopened.SearchTextAsync(word, 5, Ct));
        Assert.NotEmpty(await reopened.SearchEvidenceAsync(word, 5, Ct));
        var path = await reopened.FindPathsAsync(new PathRequest(ActorId.Parse("agency:national-intelligence-service"), ActorId.Parse("resolution:unsc-resolution-2397")), Ct);
        Assert.Equal(2, Assert.Single(path.Paths).Length);

        // And it takes ordinary writes afterwards, unique key included.
        var more = await reopened.ImportAsync(batches[1], null, Ct);
        Assert.Equal(0, more.Created);
    }

    [Fact]
    public async Task Rows_whose_values_repeat_turn_null_and_come_back_read_back_from_the_tables_as_written()
    {
        // The writer skips binding a value a statement already holds from the row before: every run of repeats, a value
        // turning NULL and back, and a number after a text must still land in its row.
        var doc = Document("repeats", sentences: 400);
        var (source, other) = (State("source"), State("other"));
        var actors = Enumerable.Range(0, 60).Select(i => State($"s{i}")).Append(source).Append(other).ToList();
        var edges = Enumerable.Range(0, 300).Select(i => Edge(
            RelationshipType.Supports,
            actors[i % 60],
            actors[((i % 60) + 1 + (i / 60)) % 60], // one to five places on: no loops, no key twice
            (i % 7) switch
            {
                0 => new EdgeAttributes { Count = 3 },
                1 or 2 => new EdgeAttributes { Count = 3, Note = "same" },
                _ => EdgeAttributes.None,
            },
            Quote(doc, i, confidence: (i / 3) % 2 == 0 ? 1.0 : 0.5, attributedTo: (i % 5) switch { 0 or 1 => source.Id, 2 => other.Id, _ => null }),
            Quote(doc, i + 1, confidence: 0.5, attributedTo: i % 2 == 0 ? null : source.Id))).ToList();
        var snapshot = Snapshot(actors, [doc], edges);

        var path = _folder.File("repeats.db");
        await using (var loader = EmbeddedBulkLoader.Create(path))
        {
            loader.Add(snapshot with { Relationships = [.. edges.Take(150)] }, null, Ct);
            loader.Add(GraphSnapshot.Empty with { Relationships = [.. edges.Skip(150)] }, null, Ct);
            await loader.CompleteAsync(null, Ct);
        }

        await using var fromTables = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, IndexSnapshot = false }, null, Ct);
        Assert.Equal(IndexSource.Tables, fromTables.OpenedFrom);
        SnapshotAssert.Equal(snapshot, await fromTables.ExportAsync(Ct));
    }

    [Fact]
    public async Task A_refused_batch_writes_nothing_and_the_load_goes_on()
    {
        var (a, b) = (State("a"), State("b"));
        var doc = Document("bulk");
        var path = _folder.File("graph.db");
        await using (var loader = EmbeddedBulkLoader.Create(path))
        {
            loader.Add(Snapshot([a, b], [doc], [Edge(RelationshipType.Supports, a, b, Quote(doc, 1))]), null, Ct);

            // An edge to an actor nobody loaded, in a batch that also brings a new actor: none of it is written.
            var stranger = State("stranger");
            var refused = Snapshot([State("c")], [], [Edge(RelationshipType.Supports, a, stranger, Quote(doc, 2))]);
            await Assert.ThrowsAnyAsync<GraphException>(() => Task.Run(() => loader.Add(refused, null, Ct), Ct));

            loader.Add(Snapshot([], [], [Edge(RelationshipType.Sanctions, b, a, Quote(doc, 3))]), null, Ct);
            await loader.CompleteAsync(null, Ct);
        }

        await using var store = await OpenAsync(path);
        var export = await store.ExportAsync(Ct);
        Assert.Equal(["state:a", "state:b"], export.Actors.Select(x => x.Id.Value).Order());
        Assert.Equal(2, export.Relationships.Count);
    }

    [Fact]
    public async Task A_load_that_is_not_completed_leaves_no_file()
    {
        var path = _folder.File("graph.db");
        await using (var loader = EmbeddedBulkLoader.Create(path))
        {
            loader.Add(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        }

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task An_existing_file_is_refused_and_left_as_it_was()
    {
        var path = _folder.File("graph.db");
        await using (var store = await OpenAsync(path))
        {
            await store.ImportAsync(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        }

        var before = await File.ReadAllBytesAsync(path, Ct);
        var error = Assert.Throws<StoreFileException>(() => EmbeddedBulkLoader.Create(path));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("import into the existing store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, Ct));
    }

    [Fact]
    public async Task A_completed_load_takes_no_more_batches()
    {
        var path = _folder.File("graph.db");
        await using var loader = EmbeddedBulkLoader.Create(path);
        loader.Add(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        await loader.CompleteAsync(null, Ct);
        var error = Assert.Throws<InvalidOperationException>(() => loader.Add(GraphSnapshot.Empty, null, Ct));
        Assert.Contains("complete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_the_writer_thread_cannot_write_fail_the_load_at_the_next_call_and_leave_no_file()
    {
        var path = _folder.File("graph.db");
        await using (var loader = EmbeddedBulkLoader.Create(path))
        {
            // A disk that fills up: the file may not grow past a few pages, so the first batch's rows cannot be written.
            loader.RunPragmaForTests("max_page_count = 8");
            loader.Add(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);

            // The failure happens on the writer thread; the loader reports it at the next call, whichever it is.
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.CompleteAsync(null, Ct));
            Assert.Contains("full", error.Message, StringComparison.OrdinalIgnoreCase);
            var again = Assert.Throws<InvalidOperationException>(() => loader.Add(GraphSnapshot.Empty, null, Ct));
            Assert.Contains("failed", again.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task A_later_batch_that_adds_evidence_to_loaded_edges_rewrites_their_rows_from_the_first_new_one()
    {
        // Batch one loads every seed edge with its first quote only; batch two states the edges with several quotes
        // again, so each merges into a loaded edge, keeping its first evidence row and adding the rest. The writer
        // thread plans those rows after the index has moved on to the merged edges: the tables must still say so.
        var seed = KnowledgeFile.Load(TestFiles.SeedKnowledge);
        var several = seed.Relationships.Where(r => r.Evidence.Count >= 2).ToList();
        Assert.True(several.Count >= 5, "The seed needs edges with several quotes.");
        var batches = new[]
        {
            seed with { Relationships = [.. seed.Relationships.Select(r => r with { Evidence = [r.Evidence[0]] })] },
            GraphSnapshot.Empty with { Relationships = several },
        };

        var imported = _folder.File("imported.db");
        var loaded = _folder.File("loaded.db");
        await using (var store = await OpenAsync(imported))
        {
            foreach (var batch in batches)
            {
                await store.ImportAsync(batch, null, Ct);
            }
        }

        UpsertResult second;
        await using (var loader = EmbeddedBulkLoader.Create(loaded))
        {
            loader.Add(batches[0], null, Ct);
            second = loader.Add(batches[1], null, Ct);
            await loader.CompleteAsync(null, Ct);
        }

        Assert.Equal(several.Count, second.Updated);
        File.Delete(loaded + ".index");
        await using var fromImport = await OpenAsync(imported);
        await using var fromTables = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = loaded, IndexSnapshot = false }, null, Ct);
        var expected = await fromImport.ExportAsync(Ct);
        SnapshotAssert.Equal(expected, await fromTables.ExportAsync(Ct));
        Assert.Equal(seed.Relationships.Sum(r => r.Evidence.Count), expected.Relationships.Sum(r => r.Evidence.Count));
    }

    [Fact]
    public async Task Rows_that_outgrow_the_page_cache_go_to_the_file_during_the_load_and_read_back_whole()
    {
        // The loader keeps a small page cache and lets full pages go to the file as it writes; here the cache holds a
        // handful of pages, so nearly every page of a 20,000-relationship load leaves it before the load completes.
        var batches = new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = 20_000, Seed = 7, BatchSize = 5_000 }).Generate().ToList();
        var roomy = _folder.File("roomy.db");
        var tight = _folder.File("tight.db");
        foreach (var (path, pages) in new[] { (roomy, 100_000), (tight, 10) })
        {
            await using var loader = EmbeddedBulkLoader.Create(path);
            loader.RunPragmaForTests($"cache_size = {pages}");
            foreach (var batch in batches)
            {
                loader.Add(batch, null, Ct);
            }

            await loader.CompleteAsync(null, Ct);
        }

        Assert.True(new FileInfo(tight).Length > 100 * EmbeddedBulkLoader.PageSize, "The load must be many times the cache.");
        await using var first = await OpenAsync(roomy);
        await using var second = await OpenAsync(tight);
        var expected = await first.ExportAsync(Ct);
        Assert.Equal(20_000, expected.Relationships.Count);
        SnapshotAssert.Equal(expected, await second.ExportAsync(Ct));
        var quote = expected.Relationships[^1].Evidence[0].Quote;
        Assert.NotEmpty(await second.SearchEvidenceAsync(quote.Split(' ').Where(w => w.All(char.IsLetter)).MaxBy(w => w.Length)!, 5, Ct));
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(5_000, 50, 20_000, 20_000)]
    public async Task A_size_hint_too_small_or_too_large_gives_the_same_store(int actors, int documents, int relationships, int evidence)
    {
        var batches = Batches();
        var plain = _folder.File("plain.db");
        var hinted = _folder.File("hinted.db");
        foreach (var (path, size) in new[] { (plain, (BulkLoadSize?)null), (hinted, new BulkLoadSize(actors, documents, relationships, evidence)) })
        {
            await using var loader = EmbeddedBulkLoader.Create(path, expected: size);
            foreach (var batch in batches)
            {
                loader.Add(batch, null, Ct);
            }

            await loader.CompleteAsync(null, Ct);
        }

        await using var first = await OpenAsync(plain);
        await using var second = await OpenAsync(hinted);
        SnapshotAssert.Equal(await first.ExportAsync(Ct), await second.ExportAsync(Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BulkLoadSize(-1, 0, 0, 0));
    }
}
