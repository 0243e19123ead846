using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>A statement for the linter: a name for the report, the Cypher, and the parameters it is sent with.</summary>
internal sealed record LintItem(string Name, string Cypher, JsonObject Parameters)
{
    /// <summary>Files may hold cypher-shell commands such as <c>:param</c>.</summary>
    public bool ConsoleCommands => Cypher.Contains("\n:param", StringComparison.Ordinal) || Cypher.StartsWith(":param", StringComparison.Ordinal);
}

/// <summary>One diagnostic from Neo4j's linter.</summary>
internal sealed record LintDiagnostic(string Name, string Severity, string Message, int? Line, int? Column, string? Excerpt)
{
    public override string ToString() => $"{Name} [{Severity}] {Message} (line {Line}, column {Column}): …{Excerpt}…";
}

/// <summary>
/// Runs tools/cypher-lint (Neo4j's @neo4j-cypher/language-support, lintCypherQuery, Cypher 5) once over a batch, with
/// the schema taken from <see cref="Neo4jGraphSchema"/>. Skips the calling test, with the reason (fails it under CI), when Node.js or
/// the linter package is not installed (scripts/install-test-deps.sh installs both).
/// </summary>
internal static class CypherLinter
{
    public static string ToolDirectory => RepositoryPaths.Of("tools", "cypher-lint");

    public static JsonObject Schema() => new()
    {
        ["labels"] = new JsonArray([.. Neo4jGraphSchema.Labels.Select(l => (JsonNode)l)]),
        ["relationshipTypes"] = new JsonArray([.. Neo4jGraphSchema.RelationshipTypes.Select(l => (JsonNode)l)]),
        ["propertyKeys"] = new JsonArray([.. Neo4jGraphSchema.PropertyKeys.Concat(Neo4jGraphSchema.ParameterMapKeys).Select(l => (JsonNode)l)]),
    };

    public static async Task<IReadOnlyList<LintDiagnostic>> LintAsync(IReadOnlyList<LintItem> items)
    {
        var node = FindNode();
        if (node is null)
        {
            RequiredTool.Missing("Node.js is not installed, so Neo4j's Cypher linter cannot run (scripts/install-test-deps.sh installs it).");
        }

        if (!Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "@neo4j-cypher", "language-support")))
        {
            RequiredTool.Missing("The Cypher linter's package is not installed: run 'npm ci --prefix tools/cypher-lint' (scripts/install-test-deps.sh does).");
        }

        var input = new JsonObject
        {
            ["schema"] = Schema(),
            ["statements"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["name"] = i.Name,
                ["cypher"] = i.Cypher,
                ["parameters"] = i.Parameters.DeepClone(),
                ["consoleCommands"] = i.ConsoleCommands,
            })]),
        };
        var file = Path.Combine(Path.GetTempPath(), $"cypher-lint-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, input.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(node, [Path.Combine(ToolDirectory, "lint.cjs"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = ToolDirectory,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (process.ExitCode is not (0 or 1))
            {
                Assert.Fail($"The Cypher linter failed (exit {process.ExitCode}): {await stderr}");
            }

            var report = JsonDocument.Parse(await stdout).RootElement;
            Assert.Equal(items.Count, report.GetProperty("statements").GetInt32());
            return report.GetProperty("diagnostics").EnumerateArray().Select(d => new LintDiagnostic(
                d.GetProperty("name").GetString()!,
                d.GetProperty("severity").GetString()!,
                d.GetProperty("message").GetString()!,
                d.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null,
                d.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null,
                d.TryGetProperty("excerpt", out var x) ? x.GetString() : null)).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "node");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
