using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Storage.Embedded;
using Graph.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Contract.GraphBuilder;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>The SQLite file is the record: closing and reopening gives back everything, and foreign files are refused.</summary>
public sealed class EmbeddedPersistenceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => _folder.File("graph.db");

    public void Dispose() => _folder.Dispose();

    private Task<EmbeddedGraphStore> OpenAsync(string? path = null) =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path ?? DbPath }, null, Ct);

    [Fact]
    public async Task Reopening_the_file_gives_back_the_same_graph()
    {
        var seed = KnowledgeFile.Load(TestFiles.SeedKnowledge);
        GraphSnapshot written;
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(seed, null, Ct);
            await store.ImportAsync(RandomGraph.Build(42, 30, 80), null, Ct);
            written = await store.ExportAsync(Ct);
        }

        await using (var reopened = await OpenAsync())
        {
            SnapshotAssert.Equal(written, await reopened.ExportAsync(Ct));
            var path = await reopened.FindPathsAsync(new PathRequest(ActorId.Parse("agency:national-intelligence-service"), ActorId.Parse("resolution:unsc-resolution-2397")), Ct);
            Assert.Equal(2, Assert.Single(path.Paths).Length);
            Assert.Equal(ActorId.Parse("state:north-korea"), (await reopened.ResolveActorAsync("Pyongyang", Ct))?.Id);
        }
    }

    [Fact]
    public async Task Texts_of_every_shape_are_written_as_given_and_read_back_after_reopening()
    {
        // Written through the writer's own UTF-8 binding: characters of one to four bytes, an empty description (text,
        // not NULL), no description (NULL), and a text far over the binding's first buffer.
        var filler = string.Concat(Enumerable.Repeat("Pyongyang–Moscow 평양 🚀 ", 20_000));
        var text = "Kim Jong Un (김정은) met Shoigu in Pyongyang. 🚀 " + filler;
        var doc = new Document(DocumentId.Parse("doc:shapes"), "Títle with ü and 한국어", null, null, null, text);
        var kim = new Actor(ActorId.Parse("official:kim-jong-un"), NodeKind.Official, "Kim Jong Un", ["김정은", "Ким Чен Ын"], new Dictionary<string, string> { ["title"] = "Supreme Leader — 최고령도자" }, "");
        var shoigu = new Actor(ActorId.Parse("official:sergei-shoigu"), NodeKind.Official, "Sergei Shoigu", [], new Dictionary<string, string>(), null);
        var quote = "Kim Jong Un (김정은) met Shoigu in Pyongyang. 🚀";
        var edge = new Relationship(RelationshipType.MetWith, kim.Id, shoigu.Id, EdgeAttributes.None,
            [new Evidence(doc.Id, quote, 0, quote.Length, null, Stance.Asserts, 0.75, "rules-ü/1")]);

        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(new GraphSnapshot([kim, shoigu], [doc], [edge]), null, Ct);
        }

        await using (var reopened = await OpenAsync())
        {
            Assert.Equal(text, (await reopened.GetDocumentAsync(doc.Id, Ct))!.Text);
            Assert.Equal(doc.Title, (await reopened.GetDocumentAsync(doc.Id, Ct))!.Title);
            var actor = (await reopened.GetActorAsync(kim.Id, Ct))!;
            Assert.Equal(("", "Supreme Leader — 최고령도자"), (actor.Description, actor.Attributes["title"]));
            Assert.Equal(kim.Aliases, actor.Aliases);
            Assert.Null((await reopened.GetActorAsync(shoigu.Id, Ct))!.Description);
            var evidence = Assert.Single(Assert.Single((await reopened.ExportAsync(Ct)).Relationships).Evidence);
            Assert.Equal((quote, "rules-ü/1"), (evidence.Quote, evidence.Extractor));
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        Assert.Equal("text", Value(connection, "SELECT typeof(description) FROM actors WHERE id = 'official:kim-jong-un';"));
        Assert.Equal("null", Value(connection, "SELECT typeof(description) FROM actors WHERE id = 'official:sergei-shoigu';"));
        Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount(text), Value(connection, "SELECT length(CAST(text AS BLOB)) FROM documents;"));
    }

    [Fact]
    public async Task Evidence_added_one_write_at_a_time_and_a_restated_span_survive_reopening()
    {
        var doc = Document("append");
        var (a, b) = (State("a"), State("b"));
        Relationship inMemory;
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(Snapshot([a, b], [doc], [Edge(RelationshipType.Supports, a, b, Quote(doc, 1))]), null, Ct);
            for (var sentence = 2; sentence <= 6; sentence++)
            {
                await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, a, b, Quote(doc, sentence, attributes: new EdgeAttributes { Count = sentence }))], Ct);
            }

            // The same span stated again, hedged: it replaces its earlier copy in place, so the rows after it are rewritten too.
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, a, b, Quote(doc, 3, 0.6))], Ct);
            inMemory = (await store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Supports, a.Id, b.Id), Ct))!;
        }

        Assert.Equal(6, inMemory.Evidence.Count);
        Assert.Equal(Stance.Hedged, inMemory.Evidence[2].Stance);
        await using (var reopened = await OpenAsync())
        {
            var stored = await reopened.GetRelationshipAsync(new RelationshipKey(RelationshipType.Supports, a.Id, b.Id), Ct);
            Assert.Equal(inMemory, stored);
            foreach (var evidence in inMemory.Evidence)
            {
                var hits = await reopened.SearchTextAsync(evidence.Quote, 50, Ct);
                Assert.Contains(hits, h => h.Edge is not null && h.Start == evidence.Start);
            }
        }
    }

    [Fact]
    public async Task Merges_removals_and_aliases_survive_reopening()
    {
        var doc = Document("persist");
        var (a, b, c) = (State("a"), State("b"), State("c"));
        GraphSnapshot written;
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(Snapshot([a, b, c], [doc],
            [
                Edge(RelationshipType.Supports, a, c, Quote(doc, 1)),
                Edge(RelationshipType.Supports, b, c, new EdgeAttributes { Count = 5 }, Quote(doc, 2, attributes: new EdgeAttributes { Count = 7, Note = "own" }), Quote(doc, 3, attributes: EdgeAttributes.None)),
                Edge(RelationshipType.AlliedWith, c, b, Quote(doc, 4, 0.7, attributedTo: a.Id)),
            ]), null, Ct);
            await store.MergeActorsAsync(a.Id, b.Id, Ct);
            await store.AddAliasAsync(c.Id, "Ceeland", Ct);
            await store.RemoveEvidenceAsync(new RelationshipKey(RelationshipType.Supports, a.Id, c.Id), doc.Id, Quote(doc, 1).Start, Ct);
            written = await store.ExportAsync(Ct);
        }

        await using var reopened = await OpenAsync();
        SnapshotAssert.Equal(written, await reopened.ExportAsync(Ct));
        Assert.Equal(c.Id, (await reopened.ResolveActorAsync("ceeland", Ct))?.Id);
        Assert.Equal(a.Id, (await reopened.ResolveActorAsync("B", Ct))?.Id);
        var stats = await reopened.GetStatsAsync(Ct);
        Assert.Equal((2, 2, 3), (stats.Actors, stats.Relationships, stats.Evidence));
    }

    [Fact]
    public async Task Writes_after_reopening_continue_the_same_file()
    {
        var doc = Document("continue");
        var (a, b, c) = (State("a"), State("b"), State("c"));
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(Snapshot([a, b], [doc], [Edge(RelationshipType.Supports, a, b, Quote(doc, 1))]), null, Ct);
        }

        await using (var store = await OpenAsync())
        {
            await store.UpsertActorsAsync([c], Ct);
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, b, c, Quote(doc, 2)), Edge(RelationshipType.Supports, a, b, Quote(doc, 3))], Ct);
        }

        await using var reopened = await OpenAsync();
        var export = await reopened.ExportAsync(Ct);
        Assert.Equal(3, export.Actors.Count);
        Assert.Equal([2, 1], export.Relationships.Select(r => r.Evidence.Count));
        Assert.Equal(2, Assert.Single((await reopened.FindPathsAsync(new PathRequest(a.Id, c.Id), Ct)).Paths).Length);
    }

    [Fact]
    public async Task A_file_with_another_schema_version_is_refused_with_a_clear_error_and_left_untouched()
    {
        await using (var store = await OpenAsync())
        {
            await store.UpsertActorsAsync([State("a")], Ct);
        }

        SetPragma(DbPath, "user_version", 99);
        var before = await File.ReadAllBytesAsync(DbPath, Ct);

        var error = await Assert.ThrowsAsync<StoreFileException>(() => OpenAsync());
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"reads version {Graph.Storage.Embedded.Storage.SqliteSchema.Version}", error.Message, StringComparison.Ordinal);
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(DbPath, Ct));
    }

    [Fact]
    public async Task A_sqlite_file_of_another_program_is_refused()
    {
        var other = _folder.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT);";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<StoreFileException>(() => OpenAsync(other));
        Assert.Contains("another program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_store_goes_in_a_folder_it_creates_and_writes_WAL_with_foreign_keys()
    {
        var nested = Path.Combine(_folder.Path, "a", "b", "graph.db");
        await using (var store = await OpenAsync(nested))
        {
            Assert.Equal(nested, store.Path);
        }

        using var connection = new SqliteConnection($"Data Source={nested};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Value(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)Graph.Storage.Embedded.Storage.SqliteSchema.Version, Value(connection, "PRAGMA user_version;"));
        Assert.EndsWith(Path.Combine("graph", "graph.db"), EmbeddedStoreOptions.DefaultPath(), StringComparison.Ordinal);
    }

    private static void SetPragma(string path, string pragma, int value)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}={value};";
        command.ExecuteNonQuery();
    }
}
