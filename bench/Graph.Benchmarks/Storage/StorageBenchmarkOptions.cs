using System.Globalization;

namespace Graph.Benchmarks.Storage;

/// <summary>The storage benchmark's command line: graph size, seed, how many queries, where files go, whether Kuzu runs.</summary>
public sealed record StorageBenchmarkOptions
{
    public const string Usage =
        "Usage: storage [--relationships N (1000..10000000, default 1000000)] [--seed N] [--queries N (100..100000, default 1000)] " +
        "[--batch N (1000..1000000, default 50000)] [--load-repeats N (0..10, default 2)] [--work-dir DIR] [--skip-kuzu]";

    public int Relationships { get; init; } = 1_000_000;

    public ulong Seed { get; init; } = 42;

    /// <summary>Neighbourhood centres, and separately shortest-path pairs, to time.</summary>
    public int Queries { get; init; } = 1_000;

    /// <summary>Relationships per import call.</summary>
    public int Batch { get; init; } = 50_000;

    /// <summary>Bulk loads of the same graph after the measured one, in the same process (a warm runtime).</summary>
    public int LoadRepeats { get; init; } = 2;

    /// <summary>Where the SQLite file, the CSV export, the workload and the Kuzu database go.</summary>
    public string WorkDir { get; init; } = "";

    public bool SkipKuzu { get; init; }

    /// <summary>Parses the arguments; throws <see cref="BenchmarkUsageException"/> naming the bad one and the usage.</summary>
    public static StorageBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new StorageBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchmarkUsageException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--relationships" => options with { Relationships = Int(args[i], Value(), 1_000, 10_000_000) },
                "--seed" => options with { Seed = ulong.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw new BenchmarkUsageException($"--seed must be a whole number >= 0; got '{args[i]}'. {Usage}") },
                "--queries" => options with { Queries = Int(args[i], Value(), 100, 100_000) },
                "--batch" => options with { Batch = Int(args[i], Value(), 1_000, 1_000_000) },
                "--load-repeats" => options with { LoadRepeats = Int(args[i], Value(), 0, 10) },
                "--work-dir" => options with { WorkDir = Value() },
                "--skip-kuzu" => options with { SkipKuzu = true },
                _ => throw new BenchmarkUsageException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        if (options.WorkDir.Length == 0)
        {
            options = options with { WorkDir = Path.Combine(Path.GetTempPath(), $"graph-bench-storage-{options.Relationships}") };
        }

        return options;
    }

    private static int Int(string name, string text, int min, int max)
    {
        var clean = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BenchmarkUsageException($"{name} must be a whole number between {min:N0} and {max:N0}; got '{text}'. {Usage}");
    }
}
