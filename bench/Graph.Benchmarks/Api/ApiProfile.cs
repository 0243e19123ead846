using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Graph.Api.Schema;
using Graph.Api.Http;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Validation;

namespace Graph.Benchmarks.Api;

/// <summary>
/// Where a request's time goes without HTTP: the executor's own per-step timings (tracing), the JSON writing, the
/// store call alone, and bytes allocated per request, for each load scenario run sequentially on one thread.
/// </summary>
internal static class ApiProfile
{
    public static async Task RunAsync(IGraphStore store, IReadOnlyList<(string Name, string Query)> scenarios, int iterations)
    {
        var api = new GraphApiOptions(); // the server's defaults
        var executor = new RequestExecutor(ActorSchema.Instance, new RequestExecutorOptions
        {
            Validator = static (schema, document) => Validator.Validate(schema, document),
            Limits = new Graph.GraphQL.Analysis.QueryLimits { MaxDepth = api.MaxDepth, MaxCost = api.MaxCost, MaxAliases = api.MaxAliases, MaxTokens = api.MaxTokens },
            Timeout = TimeSpan.FromSeconds(api.TimeoutSeconds),
            EnableTracing = true,
        });
        Console.WriteLine($"in-process profile, {iterations} sequential requests per scenario (µs per request; steps from the executor's tracing)");
        foreach (var (name, query) in scenarios)
        {
            var request = new GraphQLRequest { Query = query };
            var steps = new Dictionary<string, double>(StringComparer.Ordinal);
            double total = 0, write = 0;
            long bytes = 0, allocated = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var measured = pass == 1;
                var count = measured ? iterations : Math.Max(50, iterations / 5);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var gen0 = GC.CollectionCount(0);
                for (var i = 0; i < count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var result = await executor.ExecuteAsync(request, new GraphRequestContext(store, WriteAccess.ReadOnlyServer));
                    var executed = Stopwatch.GetTimestamp();
                    var sink = new CountingStream();
                    var tracing = result.Extensions!["tracing"];
                    result.Extensions.Remove("tracing");
                    await ExecutionResultJsonWriter.WriteAsync(sink, result);
                    var written = Stopwatch.GetTimestamp();
                    if (!measured)
                    {
                        continue;
                    }

                    total += Stopwatch.GetElapsedTime(start, executed).TotalMicroseconds;
                    write += Stopwatch.GetElapsedTime(executed, written).TotalMicroseconds;
                    bytes = sink.Length;
                    foreach (var (step, value) in (IReadOnlyDictionary<string, object?>)tracing!)
                    {
                        if (value is long ticks && step != "frequency")
                        {
                            steps[step] = steps.GetValueOrDefault(step) + (ticks * 1_000_000.0 / Stopwatch.Frequency);
                        }
                    }
                }

                if (measured)
                {
                    allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / count;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-24} execute {total / count,8:0.0}  write json {write / count,8:0.0}  ({bytes:N0} B)  alloc {allocated:N0} B/req  gen0 GCs {GC.CollectionCount(0) - gen0}"));
                    Console.WriteLine("    steps: " + string.Join("  ", steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value / count:0.0}"))));
                }
            }
        }
    }

    /// <summary>Times one store call alone, sequentially.</summary>
    public static async Task TimeStoreAsync(string name, int iterations, Func<Task> call)
    {
        for (var i = 0; i < Math.Max(50, iterations / 5); i++)
        {
            await call();
        }

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await call();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store {name,-18} {clock.Elapsed.TotalMicroseconds / iterations,8:0.0} µs  alloc {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / iterations:N0} B/call"));
    }

    /// <summary>Counts bytes written; keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
