using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>Runs the npm graphql-http audit suite (tools/graphql-http/audit.mjs) against the live server.</summary>
public sealed class GraphQLHttpAuditTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Every_MUST_and_SHOULD_audit_passes()
    {
        var tools = Path.Combine(ApiServer.RepositoryRoot, "tools", "graphql-http");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "graphql-http")))
        {
            Assert.Skip($"graphql-http is not installed in {tools}: run `npm ci` there (needs Node.js 20+).");
        }

        var start = new ProcessStartInfo("node", ["audit.mjs", new Uri(server.BaseAddress, "graphql").ToString()])
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout;
        var report = JsonNode.Parse(output)!;
        var failed = report["audits"]!.AsArray()
            .Where(a => !(bool)a!["ok"]! && (string?)a["requirement"] is "MUST" or "SHOULD")
            .Select(a => $"{a!["id"]} {a["name"]}: {a["reason"]}")
            .ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed) + "\n" + await stderr);
        Assert.Equal(0, process.ExitCode);
        Assert.True((int)report["summary"]!["passed"]! >= 40, output);
    }
}
