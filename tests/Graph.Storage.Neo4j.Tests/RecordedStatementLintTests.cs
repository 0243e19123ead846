using System.Text.Json.Nodes;
using Graph.Storage.Neo4j;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Every statement the Neo4j store can send, recorded off the wire while every operation and Cypher-changing option is
/// driven, passes Neo4j's own linter (Cypher 5, parameters declared, the graph's labels, types and keys known).
/// </summary>
public sealed class RecordedStatementLintTests
{
    [Fact]
    public async Task Every_statement_the_store_sends_passes_the_Neo4j_linter()
    {
        var server = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.QueryApi);
        var distinct = Distinct(server.Statements);

        // The drive reached the Cypher of each option, not just the plain forms.
        string[] markers =
        [
            "allShortestPaths(", "single(m IN nodes(p)", "startNode(", "endNode(", "$minConfidence", "$document IN", "$windowStart",
            "a.kind IN $kinds", "AS total", "AS rank", "a.id > $afterId", "DETACH DELETE a", "AS storedEdgeId", "AS storedDocumentId", "AS storedActorId", "MATCH (source)-[r {id: id}]->(:Actor)", "MATCH (d:Document {id: id})", "FOREACH (x IN evidence | DETACH DELETE x)",
            "CREATE (e:Evidence)", ":ATTRIBUTED_TO", "MERGE (p)-[:PUBLISHED]->(d)", "AS neighbour", "AS degree", "attributedTo: $source",
            "CREATE CONSTRAINT", "CREATE FULLTEXT INDEX", "collect(edgeIds) AS edgeIdSequences", ":DEPLOYED|ALLIED_WITH", "all(n IN nodes(p) WHERE n:Actor)", "SET a = row, a:Location",
            "CREATE (p:Proposal)", "MERGE (d)-[:PREVIOUS_VERSION]->(p)", "AS record", "db.index.fulltext.queryNodes", "SET p.status = $status", "SET p.id = $newId",
            "AND p.rule = $rule", "AS originalId", "AS pending", "SET d += row",
            "AS schemaVersion", "MERGE (g:GraphSchema {key: 'graph'})", "WHERE a.nameKeys IS NULL", "CALL () { MATCH (e:Evidence) RETURN count(e) AS evidence }",
            "(second:Evidence {ordinal: 1})", "WHERE p.documentId IS NOT NULL",
            "ALL SHORTEST (a) ((x:Actor)-[r]-(y:Actor) WHERE", "*2..2]", "(a)-[:REPORTED*1..3]->(b)", "a.nameKeys CONTAINS $key", "{foldedName: $folded}",
        ];
        foreach (var marker in markers)
        {
            Assert.Contains(distinct, s => s.Cypher.Contains(marker, StringComparison.Ordinal));
        }

        Assert.True(distinct.Count >= 60, $"Only {distinct.Count} distinct statements were recorded.");
        var diagnostics = await CypherLinter.LintAsync(distinct);
        Assert.True(diagnostics.Count == 0, $"{diagnostics.Count} diagnostics over {distinct.Count} statements:\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public async Task The_store_sends_the_same_statements_over_both_HTTP_APIs()
    {
        var query = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.QueryApi);
        var transactional = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.Transactional);
        // Only the shortest-path and count forms differ, and by server version, not API: the fake Query API server is 5.26
        // (quantified paths, CALL () { ... }), the fake transactional one 4.4 (the positional direction check, CALL { ... }).
        static bool Shortest(SentStatement s) => s.Cypher.Contains("SHORTEST", StringComparison.OrdinalIgnoreCase) || s.Cypher.Contains("RETURN count(e) AS evidence }", StringComparison.Ordinal);
        Assert.Equal(query.Statements.Where(s => !Shortest(s)).Select(s => s.Cypher), transactional.Statements.Where(s => !Shortest(s)).Select(s => s.Cypher));
        Assert.Equal(query.Statements.Count(Shortest), transactional.Statements.Count(Shortest));
        Assert.Contains(query.Statements, s => s.Cypher.Contains("ALL SHORTEST (a) ((x:Actor)", StringComparison.Ordinal));
        Assert.DoesNotContain(transactional.Statements, s => s.Cypher.Contains("ALL SHORTEST", StringComparison.Ordinal));
        Assert.Contains(query.Statements, s => s.Cypher.StartsWith("CALL () { MATCH (e:Evidence)", StringComparison.Ordinal));
        Assert.Contains(transactional.Statements, s => s.Cypher.StartsWith("CALL { MATCH (e:Evidence)", StringComparison.Ordinal));
        Assert.Contains(query.Requests, r => r.Contains("/query/v2/tx/", StringComparison.Ordinal) && r.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Contains(transactional.Requests, r => r.StartsWith("POST /db/neo4j/tx/", StringComparison.Ordinal) && r.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lint_fails_on_a_broken_statement()
    {
        var server = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.QueryApi);
        var good = Distinct(server.Statements).First(s => s.Cypher.Contains("MATCH (a:Actor {id: id})", StringComparison.Ordinal));
        LintItem[] broken =
        [
            good with { Name = "misspelt label", Cypher = good.Cypher.Replace(":Actor", ":Actr", StringComparison.Ordinal) },
            good with { Name = "undeclared parameter", Cypher = good.Cypher.Replace("$ids", "$idz", StringComparison.Ordinal) },
            good with { Name = "syntax error", Cypher = good.Cypher.Replace("RETURN", "RETRUN", StringComparison.Ordinal) },
            good with { Name = "unknown property", Cypher = good.Cypher.Replace("{id: id}", "{ident: id}", StringComparison.Ordinal) },
            good with { Name = "unknown relationship type", Cypher = "MATCH (a:Actor)-[:DEPLOYS]->(b:Actor) RETURN a, b" },
        ];

        var diagnostics = await CypherLinter.LintAsync(broken);
        foreach (var item in broken)
        {
            Assert.Contains(diagnostics, d => d.Name == item.Name);
        }
    }

    internal static List<LintItem> Distinct(IEnumerable<SentStatement> statements) =>
        statements
            .GroupBy(s => s.Cypher + "\u0000" + string.Join(",", s.Parameters.Select(p => p.Key).Order(StringComparer.Ordinal)))
            .Select((g, i) => new LintItem($"statement {i + 1}: {FirstLine(g.First().Cypher)}", g.First().Cypher, (JsonObject)g.First().Parameters.DeepClone()))
            .ToList();

    private static string FirstLine(string cypher) => cypher.Split('\n')[0].Trim();
}
