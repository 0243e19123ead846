using System.Diagnostics;
using Graph.Api.Schema;
using Graph.Api.Tests.EndToEnd;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.GraphQL;

/// <summary>
/// schema.graphql at the repository root is the printed schema. To regenerate it after a deliberate change:
/// <c>UPDATE_SCHEMA=1 dotnet test tests/Graph.Api.Tests -- --filter-class "*SchemaFileTests"</c>.
/// </summary>
public sealed class SchemaFileTests
{
    private static readonly string SchemaPath = Path.Combine(ApiServer.RepositoryRoot, "schema.graphql");

    private static string Printed => SchemaPrinter.Print(ActorSchema.Instance);

    [Fact]
    public void Committed_schema_file_matches_the_printed_schema()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, Printed);
        }

        Assert.True(File.Exists(SchemaPath), $"{SchemaPath} is missing. Regenerate it: UPDATE_SCHEMA=1 dotnet test tests/Graph.Api.Tests -- --filter-class \"*SchemaFileTests\"");
        var committed = File.ReadAllText(SchemaPath).ReplaceLineEndings("\n");
        Assert.True(committed == Printed, "The served schema drifted from schema.graphql. If the change is deliberate, regenerate the file with UPDATE_SCHEMA=1 dotnet test tests/Graph.Api.Tests -- --filter-class \"*SchemaFileTests\" and commit it.");
    }

    [Fact]
    public void The_server_serves_the_printed_schema()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Graph.Core.Store.IGraphStore>(_ => throw new InvalidOperationException("not used"));
        Graph.Api.Http.GraphApiServiceCollectionExtensions.AddGraphApi(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        Assert.Equal(Printed, SchemaPrinter.Print(provider.GetRequiredService<RequestExecutor>().Schema));
    }

    [Fact]
    public async Task FindBreakingChanges_reports_nothing_against_the_committed_file()
    {
        var current = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(current, Printed, TestContext.Current.CancellationToken);
        try
        {
            var (code, output) = await RunAsync(SchemaPath, current);
            Assert.True(code == 0, $"graphql-js findBreakingChanges found breaking changes against schema.graphql (exit {code}):\n{output}");

            // The check can fail: a schema without a committed field is breaking.
            var broken = Path.Combine(Path.GetTempPath(), $"schema-{Guid.NewGuid():N}.graphql");
            await File.WriteAllTextAsync(broken, Printed.Replace("  evidenceCount: Int!", "  evidenceTotal: Int!", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var (brokenCode, brokenOutput) = await RunAsync(SchemaPath, broken);
            File.Delete(broken);
            Assert.Equal(1, brokenCode);
            Assert.Contains("FIELD_REMOVED", brokenOutput);
        }
        finally
        {
            File.Delete(current);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string committed, string current)
    {
        var tools = Path.Combine(ApiServer.RepositoryRoot, "tools", "graphql-js");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "graphql")))
        {
            RequiredTool.Missing($"graphql-js is not installed in {tools}: run `npm ci` there (needs Node.js 20+).");
        }

        var start = new ProcessStartInfo("node", ["breaking-changes.mjs", committed, current])
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            RequiredTool.Missing("Node.js is not on PATH; it runs graphql-js findBreakingChanges.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
