using System.Text.Json.Nodes;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// A pruning sync over the fake server: it reads the stored ids, and deletes by id exactly those the snapshot lacks
/// (the fake holds one stale edge, document and actor beside the snapshot's), never with a filter over the whole graph.
/// </summary>
public sealed class PruneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pruning_deletes_by_id_exactly_what_the_snapshot_lacks()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        var options = FakeNeo4jServer.Options();
        options.EnsureSchema = false;
        await using var store = new Neo4jGraphStore(options, server);

        var result = await store.MirrorAsync(SmallGraph.Snapshot, prune: true, null, Ct);

        Assert.Equal(3, result.Removed);
        static string[] Gone(SentStatement s) => [.. ((JsonArray)s.Parameters["gone"]!).Select(x => (string)x!)];
        var deletes = server.Statements.Where(s => s.Parameters.ContainsKey("gone")).ToList();
        Assert.Equal(3, deletes.Count);
        Assert.Equal([FakeNeo4jServer.StaleEdgeId], Gone(deletes[0]));
        Assert.Contains("[r {id: id}]", deletes[0].Cypher, StringComparison.Ordinal);
        Assert.Equal([FakeNeo4jServer.StaleDocumentId], Gone(deletes[1]));
        Assert.Contains("(d:Document {id: id})", deletes[1].Cypher, StringComparison.Ordinal);
        Assert.Equal([FakeNeo4jServer.StaleActorId], Gone(deletes[2]));
        Assert.Contains("(a:Actor {id: id})", deletes[2].Cypher, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Statements, s => s.Cypher.Contains("IN $keep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_prune_nothing_is_read_back_or_deleted()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        var options = FakeNeo4jServer.Options();
        options.EnsureSchema = false;
        await using var store = new Neo4jGraphStore(options, server);

        var result = await store.MirrorAsync(SmallGraph.Snapshot, prune: false, null, Ct);

        Assert.Equal(0, result.Removed);
        Assert.DoesNotContain(server.Statements, s => s.Cypher.Contains("AS stored", StringComparison.Ordinal) || s.Parameters.ContainsKey("gone"));
    }
}
