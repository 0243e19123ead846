using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;
using Graph.Storage.Embedded.Storage;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Contract.GraphBuilder;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// A bulk load leaves the full-text index for the store's first open to fill: searches then answer from the whole
/// index (never from part of it), writes made meanwhile end up in it exactly once, and a fill that is cut short is
/// done again by the next open.
/// </summary>
public sealed class EmbeddedTextIndexFillTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private static readonly Actor A = State("alpha");
    private static readonly Actor B = State("beta");

    /// <summary>A loaded file of <paramref name="documents"/> documents with one quoted edge per sentence pair.</summary>
    private async Task<(string Path, List<Document> Documents)> LoadAsync(int documents = 3)
    {
        var path = _folder.File("graph.db");
        var docs = Enumerable.Range(1, documents).Select(i => Document($"bulk-{i}", 40)).ToList();
        await using var loader = EmbeddedBulkLoader.Create(path);
        loader.Add(Snapshot([A, B], docs, docs.Select(d => Edge(RelationshipType.Supports, A, B, Quote(d, 3)))), null, Ct);
        await loader.CompleteAsync(null, Ct);
        return (path, docs);
    }

    private static T WithConnection<T>(string path, Func<SqliteConnection, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return read(connection);
    }

    private static string Word(Evidence evidence) =>
        evidence.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsLetter)).MaxBy(w => w.Length)!;

    [Fact]
    public async Task A_bulk_loaded_file_has_an_empty_pending_index_that_its_first_open_fills()
    {
        var (path, docs) = await LoadAsync();
        Assert.True(WithConnection(path, c => SqliteSchema.TextIndexPending(c)));
        Assert.Equal(0L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));

        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            // Searched at once, before the fill can have finished: the search waits for it instead of answering from part of it.
            var hits = await store.SearchTextAsync(Word(Quote(docs[0], 3)), 50, Ct);
            Assert.Contains(hits, h => h.Edge is null && h.Document == docs[0].Id);
            Assert.Contains(hits, h => h.Edge is not null && h.Start == Quote(docs[0], 3).Start);
            Assert.True(store.TextIndexReady.IsCompletedSuccessfully);
        }

        // Every document text and every quote once, and the flag cleared.
        Assert.False(WithConnection(path, c => SqliteSchema.TextIndexPending(c)));
        Assert.Equal(docs.Count * 2L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));
    }

    [Fact]
    public async Task Writes_made_before_the_fill_end_up_in_the_index_once()
    {
        var (path, docs) = await LoadAsync();
        var extra = Document("extra", 10);
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            // Whether these run before or after the fill, each row must be indexed exactly once: before it, the writer
            // leaves the full-text rows to the fill; after it, the writer adds them itself.
            await store.UpsertDocumentsAsync([extra], Ct);
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, A, B, Quote(extra, 2)), Edge(RelationshipType.Sanctions, B, A, Quote(docs[1], 5))], Ct);
            await store.TextIndexReady.WaitAsync(Ct);
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Sanctions, B, A, Quote(docs[2], 6))], Ct);

            var hits = await store.SearchTextAsync(Word(Quote(extra, 2)), 50, Ct);
            Assert.Contains(hits, h => h.Edge is null && h.Document == extra.Id);
            Assert.Contains(hits, h => h.Edge is not null && h.Document == extra.Id);
        }

        // Four documents and five quotes (the second write merged a quote into the supports edge's evidence list).
        var expected = (docs.Count + 1) + (docs.Count + 1 + 2);
        Assert.Equal((long)expected, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));
        Assert.Equal(0L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM (SELECT rowid FROM text_index GROUP BY rowid HAVING count(*) > 1)")));
    }

    [Fact]
    public async Task A_fill_cut_short_leaves_the_index_empty_and_pending_and_the_next_open_fills_it()
    {
        var (path, docs) = await LoadAsync();
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            Assert.Throws<OperationCanceledException>(() => WithConnection(path, c => SqliteSchema.FillPendingTextIndex(c, null, cancelled.Token)));
        }

        Assert.True(WithConnection(path, c => SqliteSchema.TextIndexPending(c)));
        Assert.Equal(0L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));

        // Closed at once: the fill may be abandoned or finished, and either way the next open leaves a whole index.
        await (await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct)).DisposeAsync();
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            Assert.NotEmpty(await store.SearchTextAsync(Word(Quote(docs[1], 3)), 10, Ct));
        }

        Assert.Equal(docs.Count * 2L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));
    }

    [Fact]
    public async Task A_search_of_an_index_another_process_has_not_filled_says_so_and_graph_reads_still_answer()
    {
        var path = _folder.File("graph.db");
        var doc = Document("plain", 10);
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct);
        await store.UpsertActorsAsync([A, B], Ct);
        await store.UpsertDocumentsAsync([doc], Ct);
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, A, B, Quote(doc, 1))], Ct);

        // As if another process had bulk-loaded over the flag while this one was open (its own fill is long done).
        WithConnection(path, c => { using var command = c.CreateCommand(); command.CommandText = "UPDATE store_state SET text_pending = 1"; return command.ExecuteNonQuery(); });

        var error = await Assert.ThrowsAsync<UnavailableException>(() => store.SearchTextAsync(Word(Quote(doc, 1)), 10, Ct));
        Assert.Equal("UNAVAILABLE", error.Code);
        Assert.Equal("textIndex", error.Part);
        Assert.Contains("another process", error.Message, StringComparison.Ordinal);
        Assert.Contains("graph queries are unaffected", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single((await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(A.Id), Ct)).Edges);
    }

    [Fact]
    public async Task A_version_3_file_gains_the_flag_with_its_index_as_it_was()
    {
        var path = _folder.File("graph.db");
        var doc = Document("v3", 10);
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            await store.UpsertActorsAsync([A, B], Ct);
            await store.UpsertDocumentsAsync([doc], Ct);
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, A, B, Quote(doc, 1))], Ct);
        }

        WithConnection(path, c => { using var command = c.CreateCommand(); command.CommandText = "ALTER TABLE store_state DROP COLUMN text_pending; PRAGMA user_version=3;"; return command.ExecuteNonQuery(); });

        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            Assert.True(store.TextIndexReady.IsCompleted, "A version 3 file's index is whole: nothing to fill.");
            Assert.NotEmpty(await store.SearchTextAsync(Word(Quote(doc, 1)), 10, Ct));
        }

        Assert.Equal((long)SqliteSchema.Version, WithConnection(path, c => Scalar(c, "PRAGMA user_version")));
        Assert.Equal(0L, WithConnection(path, c => Scalar(c, "SELECT text_pending FROM store_state")));
        Assert.Equal(2L, WithConnection(path, c => Scalar(c, "SELECT count(*) FROM text_index")));
    }

    [Fact]
    public async Task A_search_stops_waiting_for_a_long_fill_and_says_how_far_it_has_got()
    {
        var (path, docs) = await LoadAsync();
        await (await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct)).DisposeAsync();

        // Pending again, and another connection holding the write lock: the next open's fill cannot start until it lets go.
        using var heldBack = new HeldBackTextFill(path);
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, TextSearchWait = TimeSpan.FromMilliseconds(200) }, null, Ct);
        var error = await Assert.ThrowsAsync<UnavailableException>(() => store.SearchTextAsync(Word(Quote(docs[0], 3)), 10, Ct));
        Assert.Equal("textIndex", error.Part);
        Assert.Contains("is being filled after a bulk load", error.Message, StringComparison.Ordinal);
        Assert.Contains("Search again shortly", error.Message, StringComparison.Ordinal);
        Assert.Single((await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(A.Id), Ct)).Edges);

        heldBack.Release();
        await store.TextIndexReady.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.NotEmpty(await store.SearchTextAsync(Word(Quote(docs[0], 3)), 10, Ct));
    }

    [Fact]
    public async Task A_negative_wait_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db"), TextSearchWait = TimeSpan.FromSeconds(-1) }, null, Ct));
        Assert.Contains("TextSearchWait must be zero or more", error.Message, StringComparison.Ordinal);
    }
}
