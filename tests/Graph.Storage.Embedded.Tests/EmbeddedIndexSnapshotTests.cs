using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;
using Graph.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// The index snapshot beside the file opens the same graph the tables give, and is never read when it does not match
/// the file: after a later write, from another file, damaged, or turned off.
/// </summary>
public sealed class EmbeddedIndexSnapshotTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => _folder.File("graph.db");

    private string SnapshotPath => DbPath + ".index";

    public void Dispose() => _folder.Dispose();

    private Task<EmbeddedGraphStore> OpenAsync(string? path = null, bool snapshots = true) =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path ?? DbPath, IndexSnapshot = snapshots, IndexSnapshotMinimumRelationships = 0 }, null, Ct);

    /// <summary>Writes the seed graph, a random graph and the changes that leave holes and rewritten evidence runs in the index.</summary>
    private async Task<GraphSnapshot> WriteVariedGraphAsync()
    {
        var doc = Document("snapshot", published: PartialDate.Parse("2024-03"));
        var (a, b, c) = (State("a", "Aland"), State("b"), State("c"));
        await using var store = await OpenAsync();
        await store.ImportAsync(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        await store.ImportAsync(RandomGraph.Build(11, 40, 160), null, Ct);
        await store.ImportAsync(Snapshot([a, b, c], [doc],
        [
            Edge(RelationshipType.Supports, a, c, Dated("2019-05", "2021"), Quote(doc, 1)),
            Edge(RelationshipType.Supports, b, c, new EdgeAttributes { Count = 5 }, Quote(doc, 2, attributes: new EdgeAttributes { Count = 7, Note = "own" })),
            Edge(RelationshipType.AlliedWith, c, b, Quote(doc, 4, 0.7, attributedTo: a.Id)),
        ]), null, Ct);
        for (var sentence = 5; sentence <= 8; sentence++)
        {
            await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, a, c, Quote(doc, sentence, 0.8))], Ct);
        }

        await store.MergeActorsAsync(a.Id, b.Id, Ct);
        await store.AddAliasAsync(c.Id, "Ceeland", Ct);
        await store.RemoveEvidenceAsync(new RelationshipKey(RelationshipType.Supports, a.Id, c.Id), doc.Id, Quote(doc, 1).Start, Ct);
        return await store.ExportAsync(Ct);
    }

    [Fact]
    public async Task Closing_after_writes_saves_a_snapshot_and_opening_from_it_gives_the_graph_the_tables_give()
    {
        var written = await WriteVariedGraphAsync();
        Assert.True(File.Exists(SnapshotPath), "Closing a store after writes saves its index snapshot.");

        await using var fromSnapshot = await OpenAsync();
        await using var fromTables = await OpenAsync(snapshots: false);
        Assert.Equal(IndexSource.Snapshot, fromSnapshot.OpenedFrom);
        Assert.Equal(IndexSource.Tables, fromTables.OpenedFrom);

        SnapshotAssert.Equal(written, await fromSnapshot.ExportAsync(Ct));
        SnapshotAssert.Equal(written, await fromTables.ExportAsync(Ct));
        var (tableStats, snapshotStats) = (await fromTables.GetStatsAsync(Ct), await fromSnapshot.GetStatsAsync(Ct));
        Assert.Equal((tableStats.Actors, tableStats.Relationships, tableStats.Evidence, tableStats.Documents), (snapshotStats.Actors, snapshotStats.Relationships, snapshotStats.Evidence, snapshotStats.Documents));
        Assert.Equal(tableStats.RelationshipsByType, snapshotStats.RelationshipsByType);
        Assert.Equal(tableStats.Degree.Top, snapshotStats.Degree.Top);
        Assert.Equal(ActorId.Parse("state:c"), (await fromSnapshot.ResolveActorAsync("ceeland", Ct))?.Id);
        Assert.Equal(ActorId.Parse("state:a"), (await fromSnapshot.ResolveActorAsync("B", Ct))?.Id);
        Assert.Equal(ActorId.Parse("state:north-korea"), (await fromSnapshot.ResolveActorAsync("Pyongyang", Ct))?.Id);

        var korea = ActorId.Parse("state:north-korea");
        var request = new NeighbourhoodRequest(korea, 2);
        Assert.Equal(Describe(await fromTables.GetNeighbourhoodAsync(request, Ct)), Describe(await fromSnapshot.GetNeighbourhoodAsync(request, Ct)));
        var path = new PathRequest(ActorId.Parse("agency:national-intelligence-service"), ActorId.Parse("resolution:unsc-resolution-2397"));
        Assert.Equal(
            (await fromTables.FindPathsAsync(path, Ct)).Paths.Select(p => p.Length),
            (await fromSnapshot.FindPathsAsync(path, Ct)).Paths.Select(p => p.Length));
        var timeline = await fromSnapshot.GetTimelineAsync(ActorId.Parse("state:a"), PartialDate.Parse("2020"), PartialDate.Parse("2020"), Ct);
        Assert.Contains(timeline, r => r.Type == RelationshipType.Supports && r.To == ActorId.Parse("state:c"));
    }

    [Fact]
    public async Task Texts_longer_than_the_writers_buffer_and_in_every_utf8_width_read_back_from_the_snapshot()
    {
        // The snapshot is written through a 1 MiB buffer: a text longer than it goes straight to the file, and texts of
        // 1-4 bytes per character fall across the buffer's end as the rows fill it.
        var longText = string.Concat(Enumerable.Repeat("Ünïcødé €uro 😀 ", 90_000)); // about 1.9 MB of UTF-8
        var widths = new[] { "a", "é", "€", "😀" };
        var actors = Enumerable.Range(0, 3_000)
            .Select(i => State($"s{i}") with { Description = string.Concat(Enumerable.Repeat(widths[i % 4], 100 + (i % 397))) })
            .Append(State("long") with { Description = longText })
            .ToList();
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(Snapshot(actors, [], []), null, Ct);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Snapshot, reopened.OpenedFrom);
        Assert.Equal(longText, (await reopened.GetActorAsync(ActorId.Parse("state:long"), Ct))?.Description);
        foreach (var actor in actors.Where((_, i) => i % 97 == 0))
        {
            Assert.Equal(actor.Description, (await reopened.GetActorAsync(actor.Id, Ct))?.Description);
        }
    }

    [Fact]
    public async Task A_name_two_actors_share_resolves_while_either_holds_it_and_after_reopening()
    {
        var doc = Document("twins");
        var (a, b) = (State("a", "Twin Land"), State("b", "twin-land"));
        var filler = Enumerable.Range(0, 3).Select(i => State($"f{i}")).ToList();
        await using (var store = await OpenAsync())
        {
            await store.ImportAsync(Snapshot([a, b, .. filler], [doc], [Edge(RelationshipType.Supports, a, b, Quote(doc, 1))]), null, Ct);
            Assert.Equal(a.Id, (await store.ResolveActorAsync("TWIN LAND", Ct))?.Id); // both hold it: the lower id wins

            await store.UpsertActorsAsync([a with { Aliases = [] }], Ct);
            Assert.Equal(b.Id, (await store.ResolveActorAsync("twin land", Ct))?.Id);
        }

        await using (var reopened = await OpenAsync())
        {
            Assert.Equal(IndexSource.Snapshot, reopened.OpenedFrom);
            Assert.Equal(b.Id, (await reopened.ResolveActorAsync("Twin Land", Ct))?.Id);
            await reopened.UpsertActorsAsync([b with { Aliases = [] }], Ct);
            Assert.Null(await reopened.ResolveActorAsync("Twin Land", Ct));
            await reopened.UpsertActorsAsync([a, b], Ct);
            Assert.Equal(a.Id, (await reopened.ResolveActorAsync("twin land", Ct))?.Id);
        }
    }

    [Fact]
    public async Task Writes_after_opening_from_the_snapshot_go_on_and_the_next_open_sees_them()
    {
        await WriteVariedGraphAsync();
        var doc = Document("later");
        var (d, e) = (State("d"), State("e"));
        await using (var store = await OpenAsync())
        {
            Assert.Equal(IndexSource.Snapshot, store.OpenedFrom);
            await store.ImportAsync(Snapshot([d, e], [doc], [Edge(RelationshipType.Supports, d, e, Quote(doc, 1))]), null, Ct);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Snapshot, reopened.OpenedFrom);
        Assert.NotNull(await reopened.GetRelationshipAsync(new RelationshipKey(RelationshipType.Supports, d.Id, e.Id), Ct));
        await using var fromTables = await OpenAsync(snapshots: false);
        SnapshotAssert.Equal(await fromTables.ExportAsync(Ct), await reopened.ExportAsync(Ct));
    }

    [Fact]
    public async Task A_snapshot_older_than_the_last_write_is_not_read()
    {
        await WriteVariedGraphAsync();
        var older = await File.ReadAllBytesAsync(SnapshotPath, Ct);
        var (d, e) = (State("d"), State("e"));
        await using (var store = await OpenAsync())
        {
            await store.UpsertActorsAsync([d, e], Ct);
        }

        // As after a crash: the file has the write, the copy beside it does not.
        await File.WriteAllBytesAsync(SnapshotPath, older, Ct);
        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Tables, reopened.OpenedFrom);
        Assert.NotNull(await reopened.GetActorAsync(d.Id, Ct));
    }

    [Fact]
    public async Task A_write_by_another_process_makes_the_first_store_keep_no_snapshot()
    {
        await WriteVariedGraphAsync();
        var c = ActorId.Parse("state:c");
        await using (var first = await OpenAsync())
        {
            await using (var second = await OpenAsync(snapshots: false))
            {
                var renamed = (await second.GetActorAsync(c, Ct))! with { Name = "Cee" };
                await second.UpsertActorsAsync([renamed], Ct);
            }

            // The first store's index does not have the other's write: its own write must not stamp that index as current.
            await first.UpsertActorsAsync([State("e")], Ct);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Tables, reopened.OpenedFrom);
        Assert.Equal("Cee", (await reopened.GetActorAsync(c, Ct))?.Name);
        Assert.NotNull(await reopened.GetActorAsync(ActorId.Parse("state:e"), Ct));
    }

    [Fact]
    public async Task A_damaged_or_cut_snapshot_is_not_read_and_the_tables_answer()
    {
        var written = await WriteVariedGraphAsync();
        var good = await File.ReadAllBytesAsync(SnapshotPath, Ct);
        var flipped = (byte[])good.Clone();
        flipped[good.Length * 2 / 3] ^= 0x10; // inside the edges: a wrong number that still parses
        var damages = new Dictionary<string, byte[]>
        {
            ["one byte changed"] = flipped,
            ["cut in half"] = good[..(good.Length / 2)],
            ["empty"] = [],
            ["garbage"] = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))],
        };

        foreach (var (damage, bytes) in damages)
        {
            await File.WriteAllBytesAsync(SnapshotPath, bytes, Ct);
            await using var store = await OpenAsync();
            Assert.True(store.OpenedFrom == IndexSource.Tables, $"A snapshot {damage} must not be read.");
            SnapshotAssert.Equal(written, await store.ExportAsync(Ct));
            await store.BackgroundSnapshot;
        }

        // The open from the tables saved a good copy again.
        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Snapshot, reopened.OpenedFrom);
    }

    [Fact]
    public async Task The_snapshot_of_another_store_file_is_not_read()
    {
        await WriteVariedGraphAsync();
        var other = _folder.File("other.db");
        await using (var store = await OpenAsync(other))
        {
            await store.ImportAsync(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        }

        // Same write count is not enough: the snapshot carries the identity of the file it was made from.
        SetWrites(DbPath, RawSql.Scalar(other, "SELECT writes FROM store_state"));
        File.Copy(other + ".index", SnapshotPath, overwrite: true);
        await using var reopened = await OpenAsync();
        Assert.Equal(IndexSource.Tables, reopened.OpenedFrom);
        Assert.NotNull(await reopened.GetActorAsync(ActorId.Parse("state:c"), Ct));
    }

    [Fact]
    public async Task With_snapshots_off_none_is_written_or_read()
    {
        await using (var store = await OpenAsync(snapshots: false))
        {
            await store.ImportAsync(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        }

        Assert.False(File.Exists(SnapshotPath));
        await WriteVariedGraphAsync();
        await using var reopened = await OpenAsync(snapshots: false);
        Assert.Equal(IndexSource.Tables, reopened.OpenedFrom);
    }

    [Fact]
    public async Task A_small_graph_keeps_no_snapshot_below_the_minimum()
    {
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = DbPath, IndexSnapshotMinimumRelationships = 1_000 }, null, Ct))
        {
            await store.ImportAsync(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
        }

        Assert.False(File.Exists(SnapshotPath));
    }

    [Fact]
    public async Task A_bulk_load_saves_the_snapshot_its_first_open_reads()
    {
        var path = _folder.File("bulk.db");
        await using (var loader = EmbeddedBulkLoader.Create(path))
        {
            loader.Add(KnowledgeFile.Load(TestFiles.SeedKnowledge), null, Ct);
            loader.Add(RandomGraph.Build(3, 30, 90), null, Ct);
            await loader.CompleteAsync(null, Ct);
        }

        Assert.True(File.Exists(path + ".index"));
        await using var fromSnapshot = await OpenAsync(path);
        await using var fromTables = await OpenAsync(path, snapshots: false);
        Assert.Equal(IndexSource.Snapshot, fromSnapshot.OpenedFrom);
        SnapshotAssert.Equal(await fromTables.ExportAsync(Ct), await fromSnapshot.ExportAsync(Ct));
    }

    private static string Describe(Subgraph subgraph) =>
        string.Join("\n", subgraph.Nodes.Select(n => $"{n.Actor.Id} {n.Depth}").Order(StringComparer.Ordinal))
        + "\n--\n" + string.Join("\n", subgraph.Edges.Select(r => $"{r.Key} {r.Evidence.Count}").Order(StringComparer.Ordinal));

    private static void SetWrites(string path, long writes)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE store_state SET writes = {writes}";
        command.ExecuteNonQuery();
    }
}
