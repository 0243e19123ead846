using System.Diagnostics;
using System.Text.Json;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Embedded;

namespace Graph.Benchmarks.Storage;

/// <summary>
/// The query half of the storage benchmark, run in a child process so the store opens in a fresh process: times the
/// open (until the first lookup answers), then every neighbourhood and shortest path of the workload, and prints the
/// figures as one JSON object on stdout.
/// </summary>
public static class EmbeddedQueryPhase
{
    /// <summary>The hidden command name the parent process runs.</summary>
    public const string Command = "_storage-query";

    private const int Warmup = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is not (4 or 5) || args[0] != "--db" || args[2] != "--workload" || (args.Length == 5 && args[4] != "--from-tables"))
        {
            throw new BenchmarkUsageException($"Usage: {Command} --db <sqlite file> --workload <workload.json> [--from-tables] (run by the storage benchmark).");
        }

        var (dbPath, workload) = (args[1], Workload.Load(args[3]));
        var fromTables = args.Length == 5;
        var peakHeap = 0L;
        void SampleHeap() => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));

        var open = Stopwatch.StartNew();
        // --from-tables: the index built by scanning the tables, as without a snapshot (and none is saved).
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = dbPath, IndexSnapshot = !fromTables }, new StderrLogger(open));
        var openCallMs = open.Elapsed.TotalMilliseconds;
        var first = await store.GetActorAsync(ActorId.Parse(workload.Neighbourhood[0]))
            ?? throw new InvalidOperationException($"The store has no actor '{workload.Neighbourhood[0]}': the import did not finish.");
        var openMs = open.Elapsed.TotalMilliseconds;

        // The first open after a bulk load fills the full-text index in the background; let it finish before timing
        // traversals (it would compete for the two cores), and report how long it took after the open returned.
        var fill = Stopwatch.StartNew();
        var filling = !store.TextIndexReady.IsCompleted;
        await store.TextIndexReady;
        double? textFillMs = filling ? fill.Elapsed.TotalMilliseconds + (openMs - openCallMs) : null;
        if (filling)
        {
            Log($"full-text index filled {textFillMs:F0} ms after the open returned");
        }

        SampleHeap();
        var heapAfterOpen = GC.GetTotalMemory(forceFullCollection: true);
        Log($"opened in {openMs:F0} ms (OpenAsync {openCallMs:F0} ms); live heap {heapAfterOpen / 1e6:F0} MB; first actor {first.Name}");

        var centres = workload.Neighbourhood.Select(ActorId.Parse).ToArray();
        var pairs = workload.Pairs.Select(p => (From: ActorId.Parse(p[0]), To: ActorId.Parse(p[1]))).ToArray();

        // Edge caps at their maximum: Kuzu follows every edge, so both answer the same question (only the node cap binds).
        async Task<Subgraph> Neighbourhood(ActorId centre) =>
            await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(centre, workload.Depth, NodeLimit: workload.NodeLimit)
            {
                EdgesPerActor = NeighbourhoodRequest.MaxEdgesPerActor,
                EdgeLimit = NeighbourhoodRequest.MaxEdgeLimit,
            });
        async Task<int> Hops((ActorId From, ActorId To) pair)
        {
            var result = await store.FindPathsAsync(new PathRequest(pair.From, pair.To, workload.MaxDepth, PathMode.Shortest, Limit: 1));
            return result.Paths.Count == 0 ? -1 : result.Paths[0].Length;
        }

        foreach (var centre in centres.Take(Warmup))
        {
            await Neighbourhood(centre);
        }

        foreach (var pair in pairs.Take(Warmup))
        {
            await Hops(pair);
        }

        var neighbourhoodTimes = new double[centres.Length];
        var sizes = new int[centres.Length];
        var truncated = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < centres.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var subgraph = await Neighbourhood(centres[i]);
            neighbourhoodTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            sizes[i] = subgraph.Nodes.Count;
            truncated += subgraph.Truncated ? 1 : 0;
            if (i % 100 == 0)
            {
                SampleHeap();
            }
        }

        var neighbourhoodAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / centres.Length;
        Log($"2-hop neighbourhood: {centres.Length} centres, {truncated} reached the cap");

        var pathTimes = new double[pairs.Length];
        var lengths = new int[pairs.Length];
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < pairs.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            lengths[i] = await Hops(pairs[i]);
            pathTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i % 100 == 0)
            {
                SampleHeap();
            }
        }

        var pathAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / pairs.Length;
        Log($"shortest path: {pairs.Length} pairs");
        SampleHeap();

        var result = new QueryPhaseResult(
            openMs,
            openCallMs,
            Latency.Of(neighbourhoodTimes),
            neighbourhoodAllocated,
            sizes,
            truncated,
            Latency.Of(pathTimes),
            pathAllocated,
            lengths,
            Process.GetCurrentProcess().PeakWorkingSet64,
            heapAfterOpen,
            peakHeap,
            GC.CollectionCount(0),
            GC.CollectionCount(2),
            $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "" : ", concurrent")}",
            store.OpenedFrom.ToString().ToLowerInvariant(),
            textFillMs);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[embedded] {message}");
}

/// <summary>What the query phase measured (milliseconds, bytes).</summary>
public sealed record QueryPhaseResult(
    double OpenMs,
    double OpenCallMs,
    Latency Neighbourhood,
    long NeighbourhoodAllocatedBytesPerQuery,
    int[] NeighbourhoodSizes,
    int NeighbourhoodTruncated,
    Latency ShortestPath,
    long PathAllocatedBytesPerQuery,
    int[] PathLengths,
    long PeakWorkingSetBytes,
    long LiveHeapAfterOpenBytes,
    long PeakGcHeapBytes,
    int Gen0Collections,
    int Gen2Collections,
    string Gc,
    string OpenedFrom,
    double? TextIndexFillMs);
