using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using Microsoft.Data.Sqlite;
using static Graph.Storage.Tests.Embedded.RawSql;

namespace Graph.Storage.Tests.Embedded;

/// <summary>Files written by schema versions 1 (no ingestion tables) and 2 (no write counter) open, migrate to the current version and keep their graph.</summary>
public sealed class EmbeddedMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_version_1_file_gains_the_ingestion_tables_and_its_texts_and_quotes_are_searchable()
    {
        var path = _folder.File("graph.db");
        const string text = "Pyongyang sent workers to Vladivostok, the ministry said.";
        var korea = new Actor(ActorId.Parse("state:north-korea"), NodeKind.State, "North Korea");
        var russia = new Actor(ActorId.Parse("state:russia"), NodeKind.State, "Russia");
        var doc = new Document(DocumentId.Parse("doc:old"), "An old document", null, null, null, text);
        var quote = "Pyongyang sent workers to Vladivostok";
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            await store.UpsertActorsAsync([korea, russia], Ct);
            await store.UpsertDocumentsAsync([doc], Ct);
            await store.UpsertRelationshipsAsync([new Relationship(RelationshipType.Deployed, korea.Id, russia.Id, EdgeAttributes.None,
                [new Evidence(doc.Id, quote, 0, quote.Length, null, Stance.Asserts, 1, "curated")])], Ct);
        }

        // Make it a version 1 file: what version 1 wrote had none of version 2's tables or indexes.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "DROP TABLE ingested_documents; DROP TABLE proposals; DROP TABLE text_index; DROP INDEX documents_url; DROP INDEX documents_hash; DROP TABLE store_state; PRAGMA user_version=1;");
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name IN ('proposals', 'ingested_documents', 'text_index')"));
        }

        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            Assert.Equal(text, (await store.GetDocumentAsync(doc.Id, Ct))!.Text);
            var hits = await store.SearchTextAsync("vladivostok", 10, Ct);
            Assert.Equal(2, hits.Count);
            Assert.Contains(hits, h => h.Edge is null && h.Snippet.Contains("[Vladivostok]", StringComparison.Ordinal));
            Assert.Contains(hits, h => h.Edge == new RelationshipKey(RelationshipType.Deployed, korea.Id, russia.Id).Canonical() && h.Start == 0);
            Assert.Empty(await store.GetProposalsAsync(new ProposalQuery(), Ct));
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal((long)Graph.Storage.Embedded.Storage.SqliteSchema.Version, Scalar(connection, "PRAGMA user_version;"));
            Assert.Equal(4L, Scalar(connection, "SELECT count(*) FROM sqlite_schema WHERE name IN ('proposals', 'ingested_documents', 'text_index', 'store_state')"));
        }
    }

    [Fact]
    public async Task A_version_2_file_gains_the_write_counter_and_counts_its_next_writes()
    {
        var path = _folder.File("graph.db");
        var korea = new Actor(ActorId.Parse("state:north-korea"), NodeKind.State, "North Korea");
        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            await store.UpsertActorsAsync([korea], Ct);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "DROP TABLE store_state; PRAGMA user_version=2;");
        }

        await using (var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, Ct))
        {
            Assert.Equal("North Korea", (await store.GetActorAsync(korea.Id, Ct))?.Name);
            await store.UpsertActorsAsync([korea with { Name = "DPRK" }], Ct);
            await store.UpsertActorsAsync([korea with { Name = "North Korea" }], Ct);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal((long)Graph.Storage.Embedded.Storage.SqliteSchema.Version, Scalar(connection, "PRAGMA user_version;"));
            Assert.Equal(2L, Scalar(connection, "SELECT writes FROM store_state"));
            Assert.Equal(32L, Scalar(connection, "SELECT length(store_id) FROM store_state"));
        }
    }
}
