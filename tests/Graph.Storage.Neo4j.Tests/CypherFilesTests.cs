using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Ingest.Knowledge;
using Graph.Storage.Neo4j.Seed;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>The files in cypher/: all pass Neo4j's linter; seed.cypher is what the generator makes of the seed knowledge.</summary>
public sealed partial class CypherFilesTests
{
    [Fact]
    public async Task Every_file_in_cypher_passes_the_Neo4j_linter()
    {
        var files = Directory.GetFiles(RepositoryPaths.Of("cypher"), "*.cypher", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f.EndsWith("schema.cypher", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("seed.cypher", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}queries{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) >= 7);

        var items = files.Select(f => new LintItem(Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllText(f), ParamsOf(File.ReadAllText(f)))).ToList();
        var diagnostics = await CypherLinter.LintAsync(items);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public async Task The_linter_catches_a_broken_query_file()
    {
        var text = File.ReadAllText(RepositoryPaths.Of("cypher", "queries", "who-reported-on-actor.cypher"));
        var broken = new LintItem("who-reported (broken)", text.Replace("[r:REPORTED]", "[r:REPORTS]", StringComparison.Ordinal).Replace("$actor", "$subject", StringComparison.Ordinal), ParamsOf(text));
        var diagnostics = await CypherLinter.LintAsync([broken]);
        Assert.Contains(diagnostics, d => d.Message.Contains("REPORTS", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("$subject", StringComparison.Ordinal));
    }

    [Fact]
    public void SeedCypher_matches_the_seed_knowledge()
    {
        var snapshot = KnowledgeFile.Load(RepositoryPaths.Of(KnowledgeFile.SeedPath));
        var expected = SeedCypherWriter.Write(snapshot, KnowledgeFile.SeedPath);
        var path = RepositoryPaths.Of("cypher", "seed.cypher");
        if (Environment.GetEnvironmentVariable("GRAPH_UPDATE_SEED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(actual == expected, $"cypher/seed.cypher is out of date with {KnowledgeFile.SeedPath}. Regenerate it: {SeedCypherWriter.RegenerateCommand}");
        Assert.Equal(snapshot.Relationships.Count, Regex.Matches(actual, @"MERGE \(a\)-\[r:").Count);
        Assert.Equal(snapshot.Relationships.Sum(r => r.Evidence.Count), Regex.Matches(actual, @"MERGE \(e:Evidence").Count);
    }

    [Fact]
    public void The_lint_tools_schema_file_matches_the_graph_schema()
    {
        var path = Path.Combine(CypherLinter.ToolDirectory, "schema.json");
        var expected = CypherLinter.Schema().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("GRAPH_UPDATE_SEED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            $"tools/cypher-lint/schema.json is out of date with Neo4jGraphSchema. Regenerate it: {SeedCypherWriter.RegenerateCommand}");
    }

    [Fact]
    public void The_store_creates_the_schema_of_schema_cypher()
    {
        var file = SchemaScript.Split(File.ReadAllText(RepositoryPaths.Of("cypher", "schema.cypher")));
        Assert.Equal(file, SchemaScript.Statements());
        // Idempotent: creations and drops guarded (run on every connect); each migration guarded by the version marker
        // (the store sends them only while the marker is older, and a run by hand skips them once it is written), the
        // marker itself a MERGE.
        Assert.All(file, s => Assert.True(
            s.Contains("IF NOT EXISTS", StringComparison.Ordinal) || (s.StartsWith("DROP INDEX", StringComparison.Ordinal) && s.EndsWith("IF EXISTS", StringComparison.Ordinal))
            || s.StartsWith("OPTIONAL MATCH (g:GraphSchema {key: 'graph'})\nWITH g WHERE coalesce(g.version, 0) < ", StringComparison.Ordinal)
            || s.StartsWith("MERGE (g:GraphSchema {key: 'graph'})\nSET g.version = ", StringComparison.Ordinal),
            s));
        Assert.DoesNotContain(file, s => s.StartsWith("CREATE", StringComparison.Ordinal) && s.Contains("]-() ON (r.id)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CREATE INDEX actor_folded_name IF NOT EXISTS FOR (a:Actor) ON (a.foldedName)", "MATCH (a:Actor {foldedName: $folded})")]
    [InlineData("CREATE TEXT INDEX actor_name_keys IF NOT EXISTS FOR (a:Actor) ON (a.nameKeys)", "WHERE a.nameKeys CONTAINS $key")]
    [InlineData("CREATE TEXT INDEX evidence_folded_quote IF NOT EXISTS FOR (e:Evidence) ON (e.foldedQuote)", "WHERE e.foldedQuote CONTAINS $text")]
    public void Each_lookup_by_name_alias_or_quote_has_the_index_that_serves_its_predicate(string index, string predicate)
    {
        // Neo4j uses a range index for equality and a text index for CONTAINS on a STRING property (not on a list).
        Assert.Contains(index, SchemaScript.Statements());
        var statements = new[]
        {
            CypherQueries.ResolveActorByName("x").Text, CypherQueries.ResolveActorByAlias("x").Text,
            CypherQueries.SearchActors("x", null, null, 10, count: false).Text, CypherQueries.SearchEvidence("x", 5).Text,
        };
        Assert.Contains(statements, s => s.Contains(predicate, StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("IN a.foldedNames", StringComparison.Ordinal) && s.Contains("WHERE $", StringComparison.Ordinal));
    }

    /// <summary>The parameters a query file sets with <c>:param name => literal;</c>, for cypher-shell and Neo4j Browser.</summary>
    internal static JsonObject ParamsOf(string text)
    {
        var parameters = new JsonObject();
        foreach (Match m in ParamLine().Matches(text))
        {
            var literal = m.Groups[2].Value.Trim();
            parameters[m.Groups[1].Value] = literal.StartsWith('\'')
                ? JsonValue.Create(literal[1..^1].Replace("\\'", "'", StringComparison.Ordinal))
                : JsonValue.Create(long.Parse(literal, CultureInfo.InvariantCulture));
        }

        return parameters;
    }

    [GeneratedRegex(@"^:param\s+(\w+)\s*=>\s*(.+?);?\s*$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();
}
