namespace Graph.Benchmarks;

/// <summary>Runs the benchmark named by the first argument; unknown names get the list of known ones.</summary>
public static class BenchmarkHost
{
    /// <summary>Dispatches to a benchmark and turns its task into an exit code (a <c>Task&lt;int&gt;</c>'s value, else 0).</summary>
    public static async Task<int> DispatchAsync(IReadOnlyDictionary<string, Func<string[], Task>> benchmarks, string[] args)
    {
        var visible = benchmarks.Keys.Where(k => !k.StartsWith('_')).Order(StringComparer.Ordinal);
        if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
        {
            var problem = args.Length == 0 ? "No benchmark named." : $"Unknown benchmark '{args[0]}'.";
            await Console.Error.WriteLineAsync($"{problem} Usage: dotnet run -c Release --project bench/Graph.Benchmarks -- <benchmark> [options]. Benchmarks: {string.Join(", ", visible)}.");
            return 2;
        }

        try
        {
            var task = run(args[1..]);
            await task;
            return task is Task<int> withCode ? withCode.Result : 0;
        }
        catch (BenchmarkUsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>The placeholder for a benchmark another part of the project has not added yet.</summary>
    public static Task<int> NotYetAvailable(string name)
    {
        Console.WriteLine($"The '{name}' benchmark is not yet available.");
        return Task.FromResult(0);
    }
}

/// <summary>Bad command-line input for a benchmark: the message says what was wrong and what is allowed.</summary>
public sealed class BenchmarkUsageException(string message) : Exception(message);
