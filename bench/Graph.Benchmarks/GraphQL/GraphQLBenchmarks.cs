using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;
using Graph.GraphQL.Validation;
using static Graph.GraphQL.Type.Types;

namespace Graph.Benchmarks.GraphQL;

/// <summary>
/// Times our engine's parse, validate, execute and execute+json (execute, then the response's JSON) on the introspection
/// query and on a 3-level nested query returning 1,000 objects, against graphql-js (tools/graphql-js/bench.mjs --serve)
/// on the same workloads. Samples of the two engines are interleaved round by round, so both see the same machine load;
/// the table prints the median of each, the speed-up (graphql-js time / ours) and our allocations per operation.
/// Run: <c>dotnet run -c Release --project bench/Graph.Benchmarks -- graphql [--rounds 15] [--sample-ms 200]</c>.
/// </summary>
public static class GraphQLBenchmarks
{
    private const string NestedQuery = """
        {
          items {
            id
            name
            children {
              id
              value
              children {
                id
                name
                value
              }
            }
          }
        }
        """;

    private static readonly string[] s_phases = ["parse", "validate", "execute", "execute+json"];

    /// <summary>Runs the benchmarks and prints the table.</summary>
    public static async Task RunAsync(string[] args)
    {
        var rounds = (int)Option(args, "--rounds", 15);
        var sampleMs = Option(args, "--sample-ms", 200);
        if (rounds < 1 || sampleMs < 10)
        {
            throw new BenchmarkUsageException("--rounds must be at least 1 and --sample-ms at least 10.");
        }

        var tools = Path.Combine(FindRepositoryRoot(), "tools", "graphql-js");
        var introspectionQuery = RunNode(tools, "check-introspection.mjs", "--print-query");
        using var reference = GraphQLJsProcess.Start(tools);

        var schema = BuildBenchSchema();
        var root = new BenchRoot(BuildItems());
        var rows = new List<Row>();
        foreach (var (workload, source) in new[] { ("introspection", introspectionQuery), ("nested-1000", NestedQuery) })
        {
            var document = Parser.Parse(source);
            var errors = Validator.Validate(schema, document);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"{workload} does not validate: {errors[0].Message}");
            }

            var check = await Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = document, RootValue = root });
            if (check.Errors is { Count: > 0 })
            {
                throw new InvalidOperationException($"{workload} fails: {check.Errors[0].Message}");
            }

            var output = new ArrayBufferWriter<byte>(64 * 1024);
            var json = new Utf8JsonWriter(output);
            foreach (var phase in s_phases)
            {
                Func<ValueTask> operation = phase switch
                {
                    "parse" => () => { Parser.Parse(source); return ValueTask.CompletedTask; }
                    ,
                    "validate" => () => { Validator.Validate(schema, document); return ValueTask.CompletedTask; }
                    ,
                    "execute" => async () => await Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = document, RootValue = root }),
                    _ => async () =>
                    {
                        var result = await Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = document, RootValue = root });
                        output.ResetWrittenCount();
                        json.Reset(output);
                        ExecutionResultJsonWriter.Write(json, result);
                        json.Flush();
                    }
                    ,
                };
                rows.Add(new Row(workload, phase, operation));
            }
        }

        // Warm-up: JIT tiers (ours) and V8 optimisation (theirs) settle before any sample counts.
        foreach (var row in rows)
        {
            await SampleAsync(row.Operation, 1000);
            reference.Sample(row.Workload, row.Phase, 1000);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var row in rows)
            {
                // Alternate who goes first, so neither engine always follows the other's garbage.
                if (round % 2 == 0)
                {
                    row.Ours.Add(await SampleAsync(row.Operation, sampleMs));
                    row.Theirs.Add(reference.Sample(row.Workload, row.Phase, sampleMs));
                }
                else
                {
                    row.Theirs.Add(reference.Sample(row.Workload, row.Phase, sampleMs));
                    row.Ours.Add(await SampleAsync(row.Operation, sampleMs));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GraphQL engine vs graphql-js {reference.Version} (node {reference.NodeVersion}); {rounds} interleaved rounds of {sampleMs} ms samples per figure, medians; spread = (p75 - p25) / median"));
        Console.WriteLine($"{"workload",-14} {"phase",-13} {"ours µs/op",11} {"spread",7} {"graphql-js µs/op",17} {"spread",7} {"speed-up",9} {"our bytes/op",13}");
        foreach (var row in rows)
        {
            var ours = Stats.Of(row.Ours.Select(m => m.MicrosecondsPerOperation));
            var theirs = Stats.Of(row.Theirs);
            var bytes = Stats.Of(row.Ours.Select(m => (double)m.BytesPerOperation)).Median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Workload,-14} {row.Phase,-13} {ours.Median,11:F1} {ours.Spread,7:P0} {theirs.Median,17:F1} {theirs.Spread,7:P0} {theirs.Median / ours.Median,8:F2}x {bytes,13:N0}"));
        }
    }

    private sealed record Row(string Workload, string Phase, Func<ValueTask> Operation)
    {
        public List<Measurement> Ours { get; } = [];

        public List<double> Theirs { get; } = [];
    }

    private readonly record struct Measurement(double MicrosecondsPerOperation, long BytesPerOperation);

    private readonly record struct Stats(double Median, double Spread)
    {
        public static Stats Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            var median = Percentile(sorted, 0.5);
            return new Stats(median, (Percentile(sorted, 0.75) - Percentile(sorted, 0.25)) / median);
        }

        private static double Percentile(double[] sorted, double p)
        {
            var position = p * (sorted.Length - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, sorted.Length - 1);
            return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
        }
    }

    /// <summary>One sample: runs the operation for about <paramref name="milliseconds"/>; time and bytes per operation.</summary>
    private static async Task<Measurement> SampleAsync(Func<ValueTask> operation, double milliseconds)
    {
        var iterations = 0L;
        var budget = TimeSpan.FromMilliseconds(milliseconds);

        // All threads' allocations: an asynchronous execution may finish on another thread.
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < budget)
        {
            await operation();
            iterations++;
        }

        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return new Measurement(watch.Elapsed.TotalMicroseconds / iterations, bytes / iterations);
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            return fallback;
        }

        return at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BenchmarkUsageException($"{name} needs a number, e.g. {name} {fallback.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>bench.mjs in --serve mode: one sample per request line, answered on one line.</summary>
    private sealed class GraphQLJsProcess : IDisposable
    {
        private readonly Process _process;

        private GraphQLJsProcess(Process process, string version, string nodeVersion)
        {
            _process = process;
            Version = version;
            NodeVersion = nodeVersion;
        }

        public string Version { get; }

        public string NodeVersion { get; }

        public static GraphQLJsProcess Start(string tools)
        {
            EnsureInstalled(tools);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = tools,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("bench.mjs");
            start.ArgumentList.Add("--serve");
            var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            using var header = JsonDocument.Parse(process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("bench.mjs --serve printed nothing."));
            return new GraphQLJsProcess(process, header.RootElement.GetProperty("version").GetString()!, header.RootElement.GetProperty("node").GetString()!);
        }

        public double Sample(string workload, string phase, double milliseconds)
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(new { workload, phase, milliseconds }));
            _process.StandardInput.Flush();
            using var answer = JsonDocument.Parse(_process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("bench.mjs --serve stopped answering."));
            return answer.RootElement.TryGetProperty("error", out var error)
                ? throw new InvalidOperationException(error.GetString())
                : answer.RootElement.GetProperty("microsecondsPerOperation").GetDouble();
        }

        public void Dispose()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }

    /// <summary>The bench schema of bench.mjs (benchSdl), built code-first; values come from the default resolver.</summary>
    private static GraphQLSchema BuildBenchSchema()
    {
        var kind = new EnumType("Kind", e => e.Value("LEAF").Value("BRANCH").Value("ROOT", v => v.Deprecated()));
        var node = new InterfaceType("Node", t => t
            .Description("Something with an identifier.")
            .Field("id", NonNull(Scalars.ID)));
        var item = new ObjectType("Item", t => t
            .Implements(Ref("Node"))
            .Field("id", NonNull(Scalars.ID))
            .Field("name", NonNull(Scalars.String))
            .Field("value", NonNull(Scalars.Float))
            .Field("kind", Ref("Kind"))
            .Field("children", NonNull(List(NonNull(Ref("Item")))))
            .IsTypeOf<BenchItem>());
        var tag = new ObjectType("Tag", t => t
            .Implements(Ref("Node"))
            .Field("id", NonNull(Scalars.ID))
            .Field("label", Scalars.String, f => f.Deprecated("Use name."))
            .Field("name", Scalars.String)
            .IsTypeOf(_ => false));
        var searchHit = new UnionType("SearchHit", u => u.Types(Ref("Item"), Ref("Tag")));
        var itemFilter = new InputObjectType("ItemFilter", i => i
            .Field("name", Scalars.String)
            .Field("minValue", Scalars.Float, f => f.DefaultValue(0))
            .Field("kinds", List(NonNull(Ref("Kind")))));
        var query = new ObjectType("Query", t => t
            .Description("A tree of items, with enough of the type system to make introspection realistic.")
            .Field("items", NonNull(List(NonNull(Ref("Item")))))
            .Field("item", Ref("Item"), f => f.Argument("id", NonNull(Scalars.ID)))
            .Field("search", NonNull(List(NonNull(Ref("SearchHit")))), f => f.Argument("filter", Ref("ItemFilter"))));
        return new GraphQLSchema(query, types: [query, node, item, tag, searchHit, kind, itemFilter]);
    }

    /// <summary>bench.mjs's data: 10 items of 10 children of 10 children; item a.b.c has value abc + 0.5.</summary>
    private static IReadOnlyList<BenchItem> BuildItems()
    {
        static BenchItem Make(int[] path, int depth) => new(
            string.Join('.', path),
            "item " + string.Join('.', path),
            path.Aggregate(0, (v, d) => v * 10 + d) + 0.5,
            depth == 3 ? [] : [.. Enumerable.Range(0, 10).Select(i => Make([.. path, i], depth + 1))]);

        return [.. Enumerable.Range(0, 10).Select(i => Make([i], 1))];
    }

    private sealed record BenchRoot(IReadOnlyList<BenchItem> Items);

    private sealed record BenchItem(string Id, string Name, double Value, IReadOnlyList<BenchItem> Children);

    private static void EnsureInstalled(string tools)
    {
        if (!File.Exists(Path.Combine(tools, "node_modules", "graphql", "package.json")))
        {
            throw new InvalidOperationException("graphql-js is not installed: run `npm ci --prefix tools/graphql-js` at the repository root.");
        }
    }

    private static string RunNode(string directory, params string[] arguments)
    {
        EnsureInstalled(directory);
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"node {arguments[0]} exited with {process.ExitCode}.");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Graph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Graph.sln above the benchmark's folder.");
    }
}
