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
        Assert.All(file, s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        foreach (var type in Graph.Core.Ontology.GraphOntology.Rules.Select(r => r.Name))
        {
            Assert.Contains(file, s => s.Contains($"[r:{type}]", StringComparison.Ordinal));
        }
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
