using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;
using static Graph.Storage.Tests.Neo4j.SmallGraph;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Path statements Neo4j can run with its bidirectional shortest-path search (no predicate on a path's positions), and
/// simple paths asked for one length at a time so the search stops at the limit.
/// </summary>
public sealed class PathQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Positional = "relationships(p)[i]";

    [Fact]
    public void An_undirected_walk_is_a_plain_allShortestPaths_pattern()
    {
        var text = CypherQueries.FindShortestPaths(new PathRequest(NorthKorea, Russia, 4, PathMode.AllShortest), quantifiedPaths: true).Text;
        Assert.Contains("allShortestPaths((a)-[*1..4]-(b))", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Positional, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Direction.Outgoing, "(a)-[:DEPLOYED|SUPPORTS*1..3]->(b)")]
    [InlineData(Direction.Incoming, "(a)<-[:DEPLOYED|SUPPORTS*1..3]-(b)")]
    public void A_directed_walk_over_directed_types_is_a_directed_pattern(Direction direction, string pattern)
    {
        var filter = new RelationshipFilter { Types = new HashSet<RelationshipType> { RelationshipType.Deployed, RelationshipType.Supports }, Direction = direction };
        var text = CypherQueries.FindShortestPaths(new PathRequest(NorthKorea, Russia, 3, PathMode.Shortest, filter), quantifiedPaths: false).Text;
        Assert.Contains(pattern, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Positional, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directed_walk_that_may_cross_symmetric_edges_checks_each_step_in_a_quantified_pattern()
    {
        var filter = new RelationshipFilter { Direction = Direction.Outgoing, MinConfidence = 0.5 };
        var statement = CypherQueries.FindShortestPaths(new PathRequest(NorthKorea, Russia, 3, PathMode.AllShortest, filter), quantifiedPaths: true);
        Assert.Contains("MATCH p = ALL SHORTEST (a) ((x:Actor)-[r]-(y:Actor) WHERE r.confidence >= $minConfidence AND (startNode(r) = x OR type(r) IN $symmetricTypes)){1,3} (b)", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Positional, statement.Text, StringComparison.Ordinal);

        // A server before 5.21 has no quantified patterns: the positional check is all it can run.
        Assert.Contains(Positional, CypherQueries.FindShortestPaths(new PathRequest(NorthKorea, Russia, 3, PathMode.AllShortest, filter), quantifiedPaths: false).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.20.0", false)]
    [InlineData("5.21.0", true)]
    [InlineData("5.26.12", true)]
    [InlineData("2025.01.0", true)]
    [InlineData("4.4.40", false)]
    [InlineData(null, false)]
    public void Quantified_paths_are_used_from_Neo4j_5_21(string? version, bool expected) =>
        Assert.Equal(expected, Neo4jGraphStore.SupportsQuantifiedPaths(version));

    [Fact]
    public async Task Simple_paths_are_asked_for_one_length_at_a_time_without_sorting_every_path()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var before = server.Statements.Count;
        var result = await store.FindPathsAsync(new PathRequest(NorthKorea, Russia, 3, PathMode.AllSimple, Limit: 50), Ct);
        var asked = server.Statements.Skip(before).Where(s => s.Cypher.Contains("AS edgeIds", StringComparison.Ordinal)).ToList();

        Assert.Equal(["*1..1]", "*2..2]", "*3..3]"], asked.Select(s => System.Text.RegularExpressions.Regex.Match(s.Cypher, @"\*\d\.\.\d\]").Value));
        Assert.All(asked, s => Assert.DoesNotContain("ORDER BY", s.Cypher, StringComparison.Ordinal));
        Assert.Equal(51, asked[0].Parameters["limit"]!.GetValue<long>());
        Assert.NotEmpty(result.Paths);
        Assert.False(result.Truncated);

        // Enough paths of one hop to pass the limit: no longer path is looked for, and the answer says it was cut.
        before = server.Statements.Count;
        var cut = await store.FindPathsAsync(new PathRequest(NorthKorea, Russia, 3, PathMode.AllSimple, Limit: 1), Ct);
        var direct = server.Statements.Skip(before).Where(s => s.Cypher.Contains("AS edgeIds", StringComparison.Ordinal)).ToList();
        if (result.Paths.Count > 1)
        {
            Assert.Single(direct);
            Assert.True(cut.Truncated);
            Assert.Single(cut.Paths);
        }
        else
        {
            Assert.Equal(3, direct.Count);
        }
    }
}
