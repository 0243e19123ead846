using System.Text.Json;
using System.Text.RegularExpressions;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The reads an index analysis found unserved, in the shape that lets Neo4j answer them from its count store or an
/// index (no live Neo4j here, so no EXPLAIN: these check the statement's anchoring shape and the schema beside it), and
/// the schema's data migrations running once per database behind the version marker.
/// </summary>
public sealed partial class IndexUseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true, "CALL () {")]
    [InlineData(false, "CALL {")]
    public void Evidence_and_document_counts_are_two_count_store_reads_in_one_row(bool scopeClause, string call)
    {
        var text = CypherQueries.EvidenceAndDocumentCounts(scopeClause).Text;
        Assert.All(text.Split('\n').SkipLast(1), line => Assert.StartsWith(call + " MATCH", line, StringComparison.Ordinal));
        // Each count alone in its subquery, MATCH (n:Label) RETURN count(n) with no grouping key: Neo4j's count-store shape,
        // and one row (0) over no nodes.
        var counts = CountSubquery().Matches(text).Select(m => (m.Groups["label"].Value, m.Groups["column"].Value)).ToList();
        Assert.Equal([("Evidence", "evidence"), ("Document", "documents")], counts);
        Assert.DoesNotContain("OPTIONAL MATCH", text, StringComparison.Ordinal);
        // The outer RETURN aggregates nothing, so no grouping key can turn zero rows into no row.
        Assert.Equal("RETURN evidence, documents", text.Trim().Split('\n')[^1].Trim());
    }

    [Fact]
    public async Task Statistics_read_both_counts_from_the_one_row_by_column_name()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal((5, 1), (stats.Evidence, stats.Documents));
        Assert.Contains(server.Statements, s => s.Cypher == CypherQueries.EvidenceAndDocumentCounts(scopeClause: true).Text);
    }

    [Theory]
    [InlineData("5.26.0", true)]
    [InlineData("5.23.0", true)]
    [InlineData("5.22.1", false)]
    [InlineData("4.4.0", false)]
    [InlineData("2025.01.0", true)]
    [InlineData(null, false)]
    public void The_scope_clause_is_used_from_Neo4j_5_23(string? version, bool expected) =>
        Assert.Equal(expected, Neo4jGraphStore.SupportsScopedSubqueries(version));

    [Fact]
    public void Corroborated_edges_are_found_from_the_second_evidence_through_its_index()
    {
        var text = CypherQueries.CorroboratedEdges().Text;
        var first = text.Split('\n')[0];
        Assert.Contains("(second:Evidence {ordinal: 1})", first, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX evidence_ordinal IF NOT EXISTS FOR (e:Evidence) ON (e.ordinal)", SchemaScript.Statements());
        // The edge is expanded between the evidence's two ends, and the old condition still holds on it.
        Assert.Contains("MATCH (source)-[r]->(target)\nWHERE r.id = second.edgeId AND r.evidenceCount > 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MATCH (:Actor)-[r]->(:Actor)", text, StringComparison.Ordinal);
    }

    /// <summary>The invariant the corroborated-edge anchor rests on: every write numbers an edge's evidence 0, 1, ... in full.</summary>
    [Fact]
    public async Task Every_write_numbers_an_edges_evidence_from_zero_so_ordinal_one_marks_a_second_evidence()
    {
        var server = await StoreDriver.DriveEverythingAsync(Neo4jProtocol.QueryApi);
        var writes = server.Statements.Where(s => s.Cypher.Contains("CREATE (e:Evidence)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writes);
        var corroborated = 0;
        foreach (var write in writes)
        {
            foreach (var edge in write.Parameters["rows"]!.AsArray().Select(r => r!["props"]!).GroupBy(p => p["edgeId"]!.GetValue<string>()))
            {
                var ordinals = edge.Select(p => p["ordinal"]!.GetValue<long>()).Order().ToList();
                Assert.Equal(Enumerable.Range(0, ordinals.Count).Select(i => (long)i), ordinals);
                corroborated += ordinals.Count > 1 ? 1 : 0;
            }
        }

        Assert.True(corroborated > 0, "No write carried an edge with two evidence.");

        // Each write replaces the edge's evidence whole: the old nodes are deleted in the same batch, before the new ones.
        var deletes = server.Statements.Select((s, i) => (s, i)).Where(x => x.s.Cypher.Contains("MATCH (e:Evidence {edgeId: edgeId})", StringComparison.Ordinal)).ToList();
        Assert.All(writes, w => Assert.Contains(deletes, d => d.i < server.Statements.IndexOf(w)));

        // seed.cypher numbers them the same way: one ordinal-1 evidence per edge with more than one.
        var snapshot = KnowledgeFile.Load(RepositoryPaths.Of(KnowledgeFile.SeedPath));
        var seed = File.ReadAllText(RepositoryPaths.Of("cypher", "seed.cypher"));
        Assert.Equal(snapshot.Relationships.Count(r => r.Evidence.Count > 1), OrdinalOne().Matches(seed).Count);
    }

    [Fact]
    public void The_proposal_queue_is_read_in_document_order_from_the_proposal_document_index()
    {
        Assert.Contains("CREATE INDEX proposal_document IF NOT EXISTS FOR (p:Proposal) ON (p.documentId)", SchemaScript.Statements());

        // No filter, and a filter without a document: an index scan on documentId (every proposal has one), in the sort's first key.
        foreach (var query in new[] { new ProposalQuery(), new ProposalQuery(null, ProposalStatus.Pending, 0.5, "deploy-verb", 10, 1) })
        {
            var text = IngestionQueries.QueryProposals(query).Text;
            Assert.StartsWith("MATCH (p:Proposal)\nWHERE p.documentId IS NOT NULL\n  AND p.confidence >= $minConfidence", text, StringComparison.Ordinal);
            Assert.Contains("ORDER BY p.documentId, p.start, p.id\nSKIP $offset\nLIMIT $limit", text, StringComparison.Ordinal);
        }

        // One document: a seek on the same index.
        var one = IngestionQueries.QueryProposals(new ProposalQuery(SmallGraph.Report)).Text;
        Assert.StartsWith("MATCH (p:Proposal)\nWHERE p.documentId = $document\n  AND p.confidence >= $minConfidence", one, StringComparison.Ordinal);
        Assert.DoesNotContain("IS NOT NULL", one, StringComparison.Ordinal);

        // The predicate leaves no proposal out: every proposal is written with its document's id.
        var record = new ProposalRecord(StoreDriver.Propose(RelationshipType.Deployed, SmallGraph.NorthKorea, SmallGraph.Russia, "North Korea sent 13,221 workers", "deploy-verb"), ProposalStatus.Pending, DateTimeOffset.UnixEpoch);
        Assert.Equal(SmallGraph.Report.Value, IngestionProperties.Proposal(record)["documentId"]);
        Assert.Contains("MATCH (d:Document {id: row.documentId})\nCREATE (p:Proposal)", IngestionQueries.CreateProposals([]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unused_indexes_are_dropped_and_the_ones_Bloom_uses_kept()
    {
        var schema = SchemaScript.Statements();
        Assert.Contains("DROP INDEX document_published IF EXISTS", schema);
        Assert.DoesNotContain(schema, s => s.StartsWith("CREATE", StringComparison.Ordinal) && s.Contains("(d.published)", StringComparison.Ordinal));

        // actor_name stays: Bloom's search phrases look actors up by name, and the perspective lists the index.
        Assert.Contains("CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)", schema);
        Assert.Contains("CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliasText]", schema);
        using var perspective = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("cypher", "bloom", "relationship-explorer.perspective.json")));
        Assert.Contains(perspective.RootElement.GetProperty("templates").EnumerateArray(), t => t.GetProperty("cypher").GetString()!.Contains("MATCH (a:Actor {name: $actor})", StringComparison.Ordinal));
        Assert.Contains(perspective.RootElement.GetProperty("metadata").GetProperty("indexes").EnumerateArray(), i =>
            i.GetProperty("label").ValueKind == JsonValueKind.String && i.GetProperty("label").GetString() == "Actor"
            && i.GetProperty("propertyKeys").EnumerateArray().Any(k => k.GetProperty("key").GetString() == "name"));
    }

    [Fact]
    public void The_schema_script_ends_with_its_migrations_and_the_version_marker()
    {
        var migrations = SchemaScript.Migrations();
        Assert.Equal(1L, SchemaScript.Version());
        Assert.Equal("MERGE (g:GraphSchema {key: 'graph'})\nSET g.version = 1", migrations[^1]);
        Assert.Contains("CREATE CONSTRAINT graph_schema_key IF NOT EXISTS FOR (g:GraphSchema) REQUIRE g.key IS UNIQUE", SchemaScript.Definitions());
        // Each migration checks the marker itself, so running the file by hand a second time changes nothing.
        Assert.All(migrations.SkipLast(1), m => Assert.StartsWith("OPTIONAL MATCH (g:GraphSchema {key: 'graph'})\nWITH g WHERE coalesce(g.version, 0) < ", m, StringComparison.Ordinal));
        Assert.Contains(migrations, m => m.Contains("WHERE a.nameKeys IS NULL AND a.foldedNames IS NOT NULL", StringComparison.Ordinal));
        // Definitions then migrations is the file's order: every CREATE and DROP comes before the first migration.
        Assert.Equal([.. SchemaScript.Definitions(), .. migrations], SchemaScript.Statements());
    }

    [Fact]
    public async Task The_backfill_runs_on_the_first_connect_and_not_once_the_marker_is_written()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using (var first = new Neo4jGraphStore(FakeNeo4jServer.Options(), server))
        {
            await first.ConnectAsync(Ct);
            await first.GetStatsAsync(Ct);
        }

        // No marker: every definition, the version read, then the migrations with the marker last.
        var sent = server.Statements.Select(s => s.Cypher).ToList();
        var read = sent.IndexOf(CypherQueries.SchemaVersion().Text);
        Assert.Equal(SchemaScript.Definitions(), sent.Skip(1).Take(read - 1));
        Assert.Equal(SchemaScript.Migrations(), sent.Skip(read + 1).Take(SchemaScript.Migrations().Count));
        Assert.Single(sent, IsBackfill);
        Assert.Equal(SchemaScript.Version(), server.SchemaVersion);

        // The marker present: a second store creates the definitions again (guarded, cheap) but sends no migration.
        var before = server.Statements.Count;
        await using (var second = new Neo4jGraphStore(FakeNeo4jServer.Options(), server))
        {
            await second.ConnectAsync(Ct);
        }

        var again = server.Statements.Skip(before).Select(s => s.Cypher).ToList();
        Assert.Contains(CypherQueries.SchemaVersion().Text, again);
        Assert.Equal(SchemaScript.Definitions().Count, again.Count(SchemaScript.Definitions().Contains));
        Assert.DoesNotContain(again, IsBackfill);
        Assert.DoesNotContain(again, s => s.Contains("SET g.version", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Neo4jProtocol.QueryApi, null, true)]
    [InlineData(Neo4jProtocol.QueryApi, 0L, true)]
    [InlineData(Neo4jProtocol.QueryApi, 1L, false)]
    [InlineData(Neo4jProtocol.Transactional, 1L, false)]
    [InlineData(Neo4jProtocol.QueryApi, 2L, false)]
    public async Task The_backfill_is_sent_only_while_the_marker_is_missing_or_older_than_the_script(Neo4jProtocol protocol, long? marker, bool sent)
    {
        var server = new FakeNeo4jServer(protocol) { SchemaVersion = marker };
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await store.ConnectAsync(Ct);
        Assert.Contains(server.Statements, s => s.Cypher == CypherQueries.SchemaVersion().Text);
        Assert.Equal(sent ? 1 : 0, server.Statements.Count(s => IsBackfill(s.Cypher)));
        Assert.Equal(sent ? 1 : 0, server.Statements.Count(s => s.Cypher.StartsWith("MERGE (g:GraphSchema", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_EnsureSchema_neither_the_marker_nor_the_backfill_is_touched()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        var options = FakeNeo4jServer.Options();
        options.EnsureSchema = false;
        await using var store = new Neo4jGraphStore(options, server);
        await store.ConnectAsync(Ct);
        Assert.DoesNotContain(server.Statements, s => s.Cypher.Contains("GraphSchema", StringComparison.Ordinal) || IsBackfill(s.Cypher));
    }

    private static bool IsBackfill(string cypher) => cypher.Contains("WHERE a.nameKeys IS NULL", StringComparison.Ordinal);

    [GeneratedRegex(@"CALL (?:\(\) )?\{ MATCH \((?<v>\w+):(?<label>\w+)\) RETURN count\(\k<v>\) AS (?<column>\w+) \}")]
    private static partial Regex CountSubquery();

    [GeneratedRegex(@"\bordinal: 1[,}]")]
    private static partial Regex OrdinalOne();
}
