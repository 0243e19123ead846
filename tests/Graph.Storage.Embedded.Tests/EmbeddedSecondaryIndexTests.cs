using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;
using Graph.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// A store file keeps only the secondary indexes something looks up (a foreign-key check of a merge); the edge key
/// stays unique without an index, and files with the indexes of earlier builds lose them when a store opens them.
/// </summary>
public sealed class EmbeddedSecondaryIndexTests : IDisposable
{
    private static readonly string[] Kept = ["documents_hash", "documents_url", "evidence_attributed", "proposals_document", "proposals_rule"];

    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_file_and_a_bulk_loaded_file_hold_the_same_indexes_and_enforce_foreign_keys()
    {
        var written = _folder.File("written.db");
        await using (var store = await OpenAsync(written))
        {
            await store.ImportAsync(Sample(), null, Ct);
        }

        var loaded = _folder.File("loaded.db");
        await EmbeddedBulkLoader.LoadAsync(loaded, Sample(), cancellationToken: Ct);
        await using (var store = await OpenAsync(loaded))
        {
            Assert.Equal(2, (await store.ExportAsync(Ct)).Relationships.Count);
        }

        foreach (var path in new[] { written, loaded })
        {
            using var connection = Connect(path);
            Assert.Equal(Kept, NamedIndexes(connection));
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pragma_foreign_key_check;"));

            // The rules SQLite still checks: an edge to an actor that is not there is refused by the file itself.
            Execute(connection, "PRAGMA foreign_keys=ON;");
            var error = Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO relationships(seq, type, from_seq, to_seq, qualifier) VALUES (99, 1, 1, 12345, '');"));
            Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Opening_a_file_with_the_indexes_of_earlier_builds_drops_them_and_keeps_the_graph()
    {
        var path = _folder.File("graph.db");
        await using (var store = await OpenAsync(path))
        {
            await store.ImportAsync(Sample(), null, Ct);
        }

        using (var connection = Connect(path))
        {
            Execute(connection, """
                CREATE UNIQUE INDEX relationships_key ON relationships(type, from_seq, to_seq, qualifier);
                CREATE INDEX aliases_folded ON aliases(folded);
                CREATE INDEX relationships_to ON relationships(to_seq);
                CREATE INDEX evidence_document ON evidence(doc_seq);
                """);
            Assert.Equal(9, NamedIndexes(connection).Count);
        }

        await using (var store = await OpenAsync(path))
        {
            SnapshotAssert.Equal(Sample(), await store.ExportAsync(Ct));
            var more = await store.ImportAsync(Sample(), null, Ct);
            Assert.Equal((0, 0), (more.Created, more.Updated));
        }

        using (var connection = Connect(path))
        {
            Assert.Equal(Kept, NamedIndexes(connection));
            Assert.Equal((long)Graph.Storage.Embedded.Storage.SqliteSchema.Version, Scalar(connection, "PRAGMA user_version;"));
        }
    }

    [Fact]
    public async Task Writes_keep_one_edge_per_key_and_a_file_with_a_repeated_key_refuses_relationship_writes()
    {
        var path = _folder.File("graph.db");
        await using (var store = await OpenAsync(path))
        {
            await store.ImportAsync(Sample(), null, Ct);

            // The same assertion again, from another quote: merged into the one edge, not a second row.
            var doc = Sample().Documents[0];
            var again = new Relationship(RelationshipType.Deployed, Korea.Id, Russia.Id, EdgeAttributes.None, [Quote(doc, "sent troops")]);
            await store.UpsertRelationshipsAsync([again], Ct);
        }

        using (var connection = Connect(path))
        {
            Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM relationships;"));
            Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM evidence;"));

            // What only another program could do: a second row with an existing key (and its evidence, so it loads).
            Execute(connection, """
                INSERT INTO relationships(seq, type, from_seq, to_seq, qualifier, attributes) SELECT 9, type, from_seq, to_seq, qualifier, attributes FROM relationships WHERE seq = 1;
                INSERT INTO evidence(rel_seq, ord, doc_seq, start, "end", quote, attributed_seq, stance, confidence, extractor, attributes) SELECT 9, ord, doc_seq, start, "end", quote, attributed_seq, stance, confidence, extractor, attributes FROM evidence WHERE rel_seq = 1 AND ord = 0;
                UPDATE store_state SET writes = writes + 1;
                """);
        }

        await using (var store = await OpenAsync(path))
        {
            // Reads answer; a write of relationships would stage against a key map that cannot be built: refused.
            Assert.Equal(3, (await store.ExportAsync(Ct)).Relationships.Count);
            var doc = Sample().Documents[0];
            var edge = new Relationship(RelationshipType.Deployed, Korea.Id, Russia.Id, EdgeAttributes.None, [Quote(doc, "North Korea sent troops to Russia")]);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertRelationshipsAsync([edge], Ct));
            Assert.Contains("two relationships with one key", error.Message, StringComparison.Ordinal);
            Assert.Contains("relationship seqs 1 and 9", error.Message, StringComparison.Ordinal);
        }

        using (var connection = Connect(path))
        {
            Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM relationships;"));
            Assert.Equal(4L, Scalar(connection, "SELECT count(*) FROM evidence;"));
        }
    }

    private static readonly Actor Korea = new(ActorId.Parse("state:north-korea"), NodeKind.State, "North Korea", ["DPRK"], new Dictionary<string, string>(), null);
    private static readonly Actor Russia = new(ActorId.Parse("state:russia"), NodeKind.State, "Russia");
    private static readonly Actor Agency = new(ActorId.Parse("agency:nis"), NodeKind.Agency, "NIS");

    private static GraphSnapshot Sample()
    {
        const string text = "The NIS said North Korea sent troops to Russia. Pyongyang deployed engineers there.";
        var doc = new Document(DocumentId.Parse("doc:deployments"), "Deployments", null, null, null, text);
        return new GraphSnapshot(
            [Korea, Russia, Agency],
            [doc],
            [
                new Relationship(RelationshipType.Deployed, Korea.Id, Russia.Id, EdgeAttributes.None, [Quote(doc, "Pyongyang deployed engineers there") with { AttributedTo = Agency.Id }]),
                new Relationship(RelationshipType.Reported, Agency.Id, Korea.Id, EdgeAttributes.None, [Quote(doc, "The NIS said North Korea sent troops")]),
            ]);
    }

    private static Evidence Quote(Document doc, string quote)
    {
        var start = doc.Text.IndexOf(quote, StringComparison.Ordinal);
        return new Evidence(doc.Id, quote, start, start + quote.Length, null, Stance.Asserts, 0.9, "curated");
    }

    private static Task<EmbeddedGraphStore> OpenAsync(string path) => EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct);

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> NamedIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
