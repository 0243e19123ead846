using System.Diagnostics;
using System.Text.Json;

namespace Graph.Benchmarks.Storage;

/// <summary>What tools/kuzu-bench/bench.mjs measured (milliseconds).</summary>
public sealed record KuzuResult(
    string Version,
    string NeighbourhoodFormulation,
    string NeighbourhoodQuery,
    string ShortestQuery,
    KuzuCounts Counts,
    double NodesLoadMs,
    double RelsLoadMs,
    double LoadMs,
    double OpenMs,
    KuzuLatency Neighbourhood,
    KuzuLatency ShortestPath,
    double PeakRssMb);

/// <summary>What Kuzu holds after the load.</summary>
public sealed record KuzuCounts(long Actors, long Relationships);

/// <summary>Kuzu's latency figures, with the per-query answers used for the cross-check.</summary>
public sealed record KuzuLatency(int Count, double MedianMs, double P99Ms, double MeanMs, double MaxMs, int[]? Sizes, int[]? Lengths)
{
    public Latency ToLatency() => new(Count, MedianMs, P99Ms, MeanMs, MaxMs);
}

/// <summary>Runs the Kuzu side (a node script) on the exported CSV and workload and reads its JSON.</summary>
public static class KuzuRunner
{
    /// <summary>The script's folder, found by walking up from the benchmark's binaries to the repository root.</summary>
    public static string? ToolDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
            {
                return Path.Combine(dir.FullName, "tools", "kuzu-bench");
            }
        }

        return null;
    }

    /// <summary>Runs the script; returns null with a reason when Kuzu cannot run here (no node, no npm install).</summary>
    public static async Task<(KuzuResult? Result, string? Problem)> RunAsync(string dataDirectory)
    {
        var tool = ToolDirectory();
        if (tool is null || !File.Exists(Path.Combine(tool, "bench.mjs")))
        {
            return (null, "tools/kuzu-bench/bench.mjs not found next to the repository's Graph.sln.");
        }

        if (!Directory.Exists(Path.Combine(tool, "node_modules", "kuzu")))
        {
            return (null, $"Kuzu is not installed: run 'npm ci' in {tool} (scripts/bench.sh does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "bench.mjs", "--data", dataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"Could not run 'node' ({e.Message}); install Node.js 18 or later.");
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                return (null, $"The Kuzu script failed with exit code {process.ExitCode} (its messages are above).");
            }

            var result = JsonSerializer.Deserialize<KuzuResult>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            return result is null ? (null, "The Kuzu script printed no result.") : (result, null);
        }
    }
}
