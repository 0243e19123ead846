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
/// Times our engine's parse, validate and execute on the introspection query and on a 3-level nested
/// query returning 1,000 objects, runs tools/graphql-js/bench.mjs on the same workloads in the same
/// run, and prints both figures, their ratio and our allocations per operation.
/// Run: <c>dotnet run -c Release --project tests/Graph.Benchmarks -- graphql [--seconds 1]</c>.
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

    /// <summary>Runs the benchmarks and prints the table.</summary>
    public static async Task RunAsync(string[] args)
    {
        var secondsAt = Array.IndexOf(args, "--seconds");
        var seconds = secondsAt >= 0 && secondsAt + 1 < args.Length
            ? double.Parse(args[secondsAt + 1], CultureInfo.InvariantCulture)
            : 1.0;
        var tools = Path.Combine(FindRepositoryRoot(), "tools", "graphql-js");

        var introspectionQuery = RunNode(tools, "check-introspection.mjs", "--print-query");
        var reference = JsonDocument.Parse(RunNode(tools, "bench.mjs", "--seconds", seconds.ToString(CultureInfo.InvariantCulture)));
        var theirs = reference.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => (r.GetProperty("workload").GetString()!, r.GetProperty("phase").GetString()!),
            r => r.GetProperty("microsecondsPerOperation").GetDouble());

        var schema = BuildBenchSchema();
        var root = new BenchRoot(BuildItems());
        var rows = new List<(string Workload, string Phase, Measurement Ours)>();
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

            rows.Add((workload, "parse", await MeasureAsync(seconds, () => { Parser.Parse(source); return Task.CompletedTask; })));
            rows.Add((workload, "validate", await MeasureAsync(seconds, () => { Validator.Validate(schema, document); return Task.CompletedTask; })));
            rows.Add((workload, "execute", await MeasureAsync(seconds, () =>
                Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = document, RootValue = root }))));
        }

        Console.WriteLine($"GraphQL engine vs graphql-js {reference.RootElement.GetProperty("version").GetString()} " +
            $"(node {reference.RootElement.GetProperty("node").GetString()}), {seconds} s per figure");
        Console.WriteLine($"{"workload",-15} {"phase",-9} {"ours µs/op",12} {"graphql-js µs/op",17} {"ours/theirs",12} {"our bytes/op",13}");
        foreach (var (workload, phase, ours) in rows)
        {
            var js = theirs[(workload, phase)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workload,-15} {phase,-9} {ours.MicrosecondsPerOperation,12:F1} {js,17:F1} {ours.MicrosecondsPerOperation / js,12:F2} {ours.BytesPerOperation,13:N0}"));
        }
    }

    private readonly record struct Measurement(double MicrosecondsPerOperation, long BytesPerOperation);

    private static async Task<Measurement> MeasureAsync(double seconds, Func<Task> operation)
    {
        for (var i = 0; i < 20; i++)
        {
            await operation();
        }

        var iterations = 0L;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < budget)
        {
            await operation();
            iterations++;
        }

        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return new Measurement(watch.Elapsed.TotalMicroseconds / iterations, bytes / iterations);
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

    private static string RunNode(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!File.Exists(Path.Combine(directory, "node_modules", "graphql", "package.json")))
        {
            throw new InvalidOperationException("graphql-js is not installed: run `npm ci --prefix tools/graphql-js` at the repository root.");
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
