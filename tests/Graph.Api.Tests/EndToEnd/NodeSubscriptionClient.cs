using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>
/// tools/subscription-clients/subscribe.mjs (the npm graphql-ws or graphql-sse client) in a node process, its JSON lines
/// collected as they arrive. Skipped (failed under CI) when Node.js or the packages are missing.
/// </summary>
internal sealed class NodeSubscriptionClient : IAsyncDisposable
{
    private static readonly string Tools = Path.Combine(ApiServer.RepositoryRoot, "tools", "subscription-clients");
    private readonly Process _process;
    private readonly BlockingCollection<JsonObject> _lines = [];
    private readonly ConcurrentQueue<string> _stderr = new();

    private NodeSubscriptionClient(Process process) => _process = process;

    public static Task<NodeSubscriptionClient> StartAsync(JsonObject config)
    {
        if (!Directory.Exists(Path.Combine(Tools, "node_modules", "graphql-ws")) || !Directory.Exists(Path.Combine(Tools, "node_modules", "graphql-sse")))
        {
            RequiredTool.Missing($"graphql-ws and graphql-sse are not installed in {Tools}: run `npm ci` there (needs Node.js 20+).");
        }

        var start = new ProcessStartInfo("node", ["subscribe.mjs", config.ToJsonString()])
        {
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            RequiredTool.Missing($"Node.js is not on PATH ({e.Message}): install Node.js 20+.");
            throw;
        }

        var client = new NodeSubscriptionClient(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                client._lines.Add(JsonNode.Parse(line)!.AsObject());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                client._stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(client);
    }

    /// <summary>The next line of the given type (lines of other types are skipped).</summary>
    public Task<JsonObject> NextAsync(string type, TimeSpan timeout) => Task.Run(() =>
    {
        var deadline = DateTime.UtcNow + timeout;
        var skipped = new List<string>();
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
            {
                // What the client did print says whether it was slow, closed, or answered with an error.
                throw new TimeoutException($"no '{type}' from the client within {timeout.TotalSeconds} s; it printed instead: [{string.Join(", ", skipped)}]; exited: {_process.HasExited}; stderr: {string.Join('\n', _stderr)}");
            }

            if ((string?)line["type"] == type)
            {
                return line;
            }

            skipped.Add(line.ToJsonString());
        }
    });

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
