using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Seed;
using Graph.Storage.Neo4j.Store;
using static Graph.Storage.Tests.Neo4j.SmallGraph;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>The store's mapping, checks and safety over the fake server (the live behaviour is the contract suite's).</summary>
public sealed class Neo4jGraphStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Actors_documents_and_edges_read_back_as_they_were_written()
    {
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), new FakeNeo4jServer(Neo4jProtocol.QueryApi));
        Assert.Equal(Actors[0], await store.GetActorAsync(NorthKorea, Ct));
        Assert.Equal(SmallGraph.Document, await store.GetDocumentAsync(Report, Ct));
        foreach (var edge in Relationships)
        {
            // The fake returns evidence in reverse; the store restores the written order.
            Assert.Equal(edge, await store.GetRelationshipAsync(edge.Key, Ct));
        }
    }

    [Fact]
    public async Task No_value_is_ever_spliced_into_Cypher_text()
    {
        var server = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.QueryApi);
        var values = Actors.SelectMany(a => a.AllNames.Append(a.Id.Value)).Append(Report.Value).Append("Chosun").Append("workers")
            .Concat(Relationships.SelectMany(r => r.Evidence.Select(e => e.Quote)));
        foreach (var statement in server.Statements)
        {
            foreach (var value in values)
            {
                Assert.DoesNotContain(value, statement.Cypher, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_edge_to_an_unknown_actor_refuses_the_batch_before_anything_is_written()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var stranger = ActorId.Parse("state:atlantis");
        var error = await Assert.ThrowsAsync<NotFoundException>(() => store.UpsertRelationshipsAsync(
        [
            Relationships[2],
            new Relationship(RelationshipType.AlliedWith, Russia, stranger, EdgeAttributes.None, [Quote("Moscow and Pyongyang are allies.", null, Stance.Asserts)]),
        ], Ct));
        Assert.Equal("state:atlantis", error.Id);
        // The schema's own statements on connect (the version marker is a MERGE) are not the batch's writes.
        var schema = SchemaScript.Statements().ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(server.Statements, s => !schema.Contains(s.Cypher) && (s.Cypher.Contains("MERGE", StringComparison.Ordinal) || s.Cypher.Contains("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Merging_two_linked_actors_is_refused_before_anything_is_written()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.Transactional);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.MergeActorsAsync(Russia, NorthKorea, Ct));
        Assert.Equal("no-self-edge", error.Rule);
        var schema = SchemaScript.Statements().ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(server.Statements, s => !schema.Contains(s.Cypher) && (s.Cypher.Contains("DELETE", StringComparison.Ordinal) || s.Cypher.Contains("SET ", StringComparison.Ordinal)));
        Assert.Contains(server.Requests, r => r.StartsWith("DELETE /db/neo4j/tx/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_is_one_index_seek_and_an_alias_a_second_one()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await store.ResolveActorAsync("Russia", Ct);
        var before = server.Statements.Count;
        Assert.Equal(NorthKorea, (await store.ResolveActorAsync("dprk", Ct))?.Id);
        var lookups = server.Statements.Skip(before).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.Equal("dprk", lookups[0].Parameters["folded"]!.GetValue<string>());
        Assert.Equal("\ndprk\n", lookups[1].Parameters["key"]!.GetValue<string>());

        before = server.Statements.Count;
        Assert.Equal(Russia, (await store.ResolveActorAsync("RUSSIA", Ct))?.Id);
        Assert.Single(server.Statements.Skip(before));
    }

    [Fact]
    public async Task A_neighbourhood_past_its_edge_caps_counts_the_edges_left_out_by_type_from_the_rows_neo4j_returns()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var all = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(NorthKorea, 1).Validated(), Ct);
        Assert.Equal(3, all.Edges.Count);
        Assert.Empty(all.Omitted);

        var capped = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(NorthKorea, 1) { EdgesPerActor = 1 }.Validated(), Ct);
        var kept = Assert.Single(capped.Edges);
        Assert.True(capped.Truncated);
        Assert.Equal(
            all.Edges.Where(e => e.Id != kept.Id).Select(e => e.Type).Order(),
            capped.Omitted.SelectMany(o => Enumerable.Repeat(o.Type, o.Count)).Order());
        Assert.Contains(server.Statements, st => st.Cypher.Contains("type(r) AS type", StringComparison.Ordinal));

        var total = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(NorthKorea, 2) { EdgeLimit = 2 }.Validated(), Ct);
        Assert.Equal(2, total.Edges.Count);
        Assert.True(total.Truncated);
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_what_is_allowed()
    {
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), new FakeNeo4jServer(Neo4jProtocol.QueryApi));
        var limit = await Assert.ThrowsAsync<InvalidArgumentException>(() => store.SearchEvidenceAsync("workers", 0, Ct));
        Assert.Contains("between 1 and", limit.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.FindPathsAsync(new PathRequest(NorthKorea, Russia, 99), Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.AddAliasAsync(NorthKorea, "  ", Ct));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => store.GetNeighbourhoodAsync(new NeighbourhoodRequest(ActorId.Parse("state:north-kora")), Ct));
        Assert.Equal("North Korea (state:north-korea)", unknown.Suggestions[0]);
        Assert.Equal("to", (await Assert.ThrowsAsync<InvalidArgumentException>(() => store.FindPathsAsync(new PathRequest(Russia, Russia), Ct))).Argument);
        Assert.Equal("text", (await Assert.ThrowsAsync<InvalidArgumentException>(() => store.SearchEvidenceAsync("  ", 10, Ct))).Argument);
        Assert.Throws<ArgumentException>(() => new Neo4jGraphStore(new Neo4jStoreOptions { Uri = new Uri("bolt://localhost:7687") }));
    }

    /// <summary>
    /// What this shows: the store asks Neo4j for the counts in Cypher (it does not count rows itself) and reads the
    /// answers back. The counts are the fake server's, so they show the reading, not that the Cypher counts right; the
    /// contract suite checks the counts themselves against a live Neo4j.
    /// </summary>
    [Fact]
    public async Task Conflicts_and_statistics_are_asked_for_in_Cypher_and_read_back_from_the_server_rows()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var conflict = Assert.Single(await store.GetConflictsAsync(Ct));
        Assert.Equal("count", conflict.Quantity);
        Assert.Equal(2, conflict.Claims.Count);
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(5, stats.Actors);
        Assert.Equal(4, stats.Relationships);
        Assert.Equal(5, stats.Evidence);
        Assert.Equal(1, stats.RelationshipsByType["DEPLOYED"]);
        var sent = string.Join("\n", server.Statements.Select(st => st.Cypher));
        Assert.Contains("count(r) AS edges", sent, StringComparison.Ordinal);
        Assert.Contains("count(e) AS evidence", sent, StringComparison.Ordinal);
        Assert.Contains("count(r) AS degree", sent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("line\nbreak;\r\n", @"'line\nbreak;\r\n'")]
    [InlineData("tab\tand\u0001", @"'tab\tand\u0001'")]
    [InlineData("'}) DETACH DELETE n //", @"'\'}) DETACH DELETE n //'")]
    public void Seed_literals_are_escaped_so_text_cannot_end_them(string text, string literal) =>
        Assert.Equal(literal, CypherLiteral.String(text));

    [Fact]
    public void Seed_script_renders_numbers_lists_and_maps_as_Cypher()
    {
        Assert.Equal("{a: 1, `odd key`: [0.5, 'x', true]}", CypherLiteral.Of(new Dictionary<string, object?> { ["a"] = 1L, ["odd key"] = new object?[] { 0.5, "x", true }, ["gone"] = null }));
        Assert.Equal("1.0", CypherLiteral.Of(1.0));
        Assert.Equal("'1.50'", CypherLiteral.Of(1.50m));
    }
}
