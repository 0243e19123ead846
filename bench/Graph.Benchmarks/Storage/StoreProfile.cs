using System.Diagnostics;
using System.Reflection;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Ingest.Synthetic;
using Graph.Storage.Embedded;
using Microsoft.Data.Sqlite;

namespace Graph.Benchmarks.Storage;

/// <summary>
/// Where the embedded store spends its time, method by method: the import's stages (stage, write, apply), the open's
/// loader scans, and what a 2-hop neighbourhood scans. It calls the store's internal steps by reflection, so it is tied
/// to the store's current internals and says which one it cannot find when they change. Diagnostics, not a benchmark.
/// </summary>
public static class StoreProfile
{
    public const string Command = "storage-profile";

    private const BindingFlags AnyMember = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly Assembly s_store = typeof(EmbeddedGraphStore).Assembly;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = StorageBenchmarkOptions.Parse(args);
        var workDir = Path.GetFullPath(options.WorkDir + "-profile");
        Directory.CreateDirectory(workDir);
        var dbPath = Path.Combine(workDir, "graph.db");
        Console.WriteLine($"Profile of the embedded store, {options.Relationships:N0} relationships; load average {LoadAverage()}");
        var linked = ProfileImport(dbPath, options);
        ProfileOpen(dbPath);
        await ProfileNeighbourhoodAsync(dbPath, Workload.Draw(linked, options.Queries, options.Seed));
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    /// <summary>The import as <c>WriteAsync</c> runs it, each stage timed: staging, DropUnchanged, SqliteWriter.Write, ApplyTo.</summary>
    private static List<string> ProfileImport(string path, StorageBenchmarkOptions options)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".index" })
        {
            File.Delete(path + suffix);
        }

        var indexType = Internal("Index.GraphIndex");
        var batchType = Internal("Storage.WriteBatch");
        var write = Method(Internal("Storage.SqliteWriter"), "Write");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Method(Internal("Storage.SqliteSchema"), "Prepare").Invoke(null, [connection, path, true]);
        var index = Activator.CreateInstance(indexType, nonPublic: true)!;
        var generator = new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = options.Relationships, Seed = options.Seed, BatchSize = options.Batch });
        var stages = new Dictionary<string, TimeSpan>();
        void Timed(string stage, Action action)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            stages[stage] = stages.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(start);
        }

        var linked = new HashSet<string>();
        foreach (var snapshot in generator.Generate())
        {
            var batch = Activator.CreateInstance(batchType, [index])!;
            var stageActor = Method(batchType, "StageActor").CreateDelegate<Action<Actor>>(batch);
            var stageDocument = Method(batchType, "StageDocument").CreateDelegate<Action<Document>>(batch);
            var stageEdge = Method(batchType, "StageEdge").CreateDelegate<Action<Relationship>>(batch);
            Timed("WriteBatch.StageActor", () => snapshot.Actors.ToList().ForEach(stageActor));
            Timed("WriteBatch.StageDocument", () => snapshot.Documents.ToList().ForEach(stageDocument));
            Timed("WriteBatch.StageEdge (validate + merge)", () => snapshot.Relationships.ToList().ForEach(stageEdge));
            Timed("WriteBatch.DropUnchanged", () => Method(batchType, "DropUnchanged").Invoke(batch, null));
            Timed("SqliteWriter.Write (rows + commit)", () => write.Invoke(null, [connection, batch, null, int.MaxValue, CancellationToken.None, true]));
            Timed("WriteBatch.ApplyTo (index update)", () => Method(batchType, "ApplyTo").Invoke(batch, [index]));
            foreach (var edge in snapshot.Relationships)
            {
                linked.Add(edge.From.Value);
                linked.Add(edge.To.Value);
            }
        }

        var total = stages.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine($"import: {total.TotalSeconds:F2} s in the store ({options.Relationships / total.TotalSeconds:N0} rel/s), batches of {options.Batch:N0}");
        foreach (var (stage, time) in stages.OrderByDescending(s => s.Value))
        {
            Console.WriteLine($"  {stage,-44}{time.TotalMilliseconds,10:F0} ms {time / total,6:P0}");
        }

        return [.. linked.Order(StringComparer.Ordinal)];
    }

    /// <summary>SqliteLoader.Load, cold (first call in this process) and warm; then its four scans one after another (Load overlaps them).</summary>
    private static void ProfileOpen(string path)
    {
        var loader = Internal("Storage.SqliteLoader");
        var indexType = Internal("Index.GraphIndex");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        foreach (var round in new[] { "cold", "warm" })
        {
            var watch = Stopwatch.StartNew();
            var loaded = Method(loader, "Load").Invoke(null, [connection])!;
            var total = watch.Elapsed.TotalMilliseconds;

            var actorSlots = (int)indexType.GetProperty("ActorSlots", AnyMember)!.GetValue(loaded)!;
            var edgeSlots = (int)indexType.GetProperty("EdgeSlots", AnyMember)!.GetValue(loaded)!;
            var index = Activator.CreateInstance(indexType, nonPublic: true)!;
            Method(indexType, "Reserve").Invoke(index, [actorSlots, edgeSlots, 0]);
            double Step(string name, object?[] arguments)
            {
                watch.Restart();
                Method(loader, name).Invoke(null, arguments);
                return watch.Elapsed.TotalMilliseconds;
            }

            var actors = Step("LoadActors", [connection, index]);
            var documents = Step("LoadDocuments", [connection, index]);
            var relationships = Step("LoadRelationships", [connection, index]);
            var evidence = Step("LoadEvidence", [connection, index, edgeSlots]);
            var isEdge = Method(indexType, "IsEdge").CreateDelegate<Func<int, bool>>(loaded);
            var peek = Method(indexType, "Record").CreateDelegate<Func<int, Relationship>>(loaded);
            watch.Restart();
            var built = 0;
            for (var seq = 1; seq < edgeSlots; seq++)
            {
                if (isEdge(seq))
                {
                    peek(seq);
                    built++;
                }
            }

            var build = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"open ({round}): GraphIndex.Record (Relationship record built on demand) x{built:N0}: {build:F0} ms, {build * 1000 / Math.Max(1, built):F2} us each");
            Console.WriteLine($"open ({round}): SqliteLoader.Load {total:F0} ms; one by one: LoadActors {actors:F0} ms, LoadDocuments {documents:F0} ms, LoadRelationships {relationships:F0} ms, LoadEvidence {evidence:F0} ms");
        }

        // The edge scans without building anything, and the evidence table in row order.
        Scan(connection, "relationships scan (ORDER BY seq)", "SELECT seq, type, from_seq, to_seq, qualifier, attributes FROM relationships ORDER BY seq");
        Scan(connection, "evidence scan (ORDER BY rel_seq, ord)", "SELECT rel_seq, doc_seq, start, \"end\", attributed_seq, stance, confidence, extractor, attributes FROM evidence ORDER BY rel_seq, ord");
        Scan(connection, "evidence scan (row order)", "SELECT rel_seq, doc_seq, start, \"end\", attributed_seq, stance, confidence, extractor, attributes FROM evidence");
        var json = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT attributes FROM relationships WHERE attributes IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                json.Add(reader.GetString(0));
            }
        }

        var edgeFromJson = Method(Internal("Storage.TextFields"), "EdgeFromJson").CreateDelegate<Func<string?, EdgeAttributes>>();
        var start = Stopwatch.GetTimestamp();
        json.ForEach(j => edgeFromJson(j));
        Console.WriteLine($"  TextFields.EdgeFromJson x{json.Count:N0} (edges with attributes, now only when a record is built): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
        var validity = Method(Internal("Storage.TextFields"), "ValidityFromJson").CreateDelegate<Func<string?, (PartialDate?, PartialDate?)>>();
        start = Stopwatch.GetTimestamp();
        json.ForEach(j => validity(j));
        Console.WriteLine($"  TextFields.ValidityFromJson x{json.Count:N0} (what opening parses): {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
    }

    private static void Scan(SqliteConnection connection, string name, string sql)
    {
        var start = Stopwatch.GetTimestamp();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        Console.WriteLine($"  {name}: {rows:N0} rows in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
    }

    /// <summary>
    /// Per neighbourhood: the store's total, NeighbourhoodSearch.Run alone, and how many adjacency entries its one pass scans
    /// (the whole adjacency of every returned actor below the last depth).
    /// </summary>
    private static async Task ProfileNeighbourhoodAsync(string path, Workload workload)
    {
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path });
        var index = typeof(EmbeddedGraphStore).GetField("_index", AnyMember)?.GetValue(store) ?? throw Missing("EmbeddedGraphStore._index");
        var indexType = index.GetType();
        var adjacencyCount = (int[])Field(indexType, "AdjacencyCount").GetValue(index)!;
        var seqOf = Method(indexType, "SeqOf").CreateDelegate<Func<ActorId, int>>(index);
        var filter = Activator.CreateInstance(Internal("Index.EdgeFilter"), RelationshipFilter.All)!;
        var search = Method(Internal("Traversal.NeighbourhoodSearch"), "Run");
        var rows = new List<(double Total, double Search, int Nodes, int Edges, long Scanned)>();
        foreach (var (i, centre) in workload.Neighbourhood.Select(ActorId.Parse).Index())
        {
            var start = Stopwatch.GetTimestamp();
            var subgraph = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(centre, workload.Depth, NodeLimit: workload.NodeLimit)
            {
                EdgesPerActor = NeighbourhoodRequest.MaxEdgesPerActor,
                EdgeLimit = NeighbourhoodRequest.MaxEdgeLimit,
            });
            var total = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var seq = seqOf(centre);
            start = Stopwatch.GetTimestamp();
            search.Invoke(null, [index, seq, workload.Depth, filter, workload.NodeLimit, NeighbourhoodRequest.MaxEdgesPerActor, NeighbourhoodRequest.MaxEdgeLimit]);
            var searchMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var scanned = subgraph.Nodes.Where(n => n.Depth < workload.Depth).Sum(n => (long)adjacencyCount[seqOf(n.Actor.Id)]);
            if (i >= 50)
            {
                rows.Add((total, searchMs, subgraph.Nodes.Count, subgraph.Edges.Count, scanned));
            }
        }

        void Line(string name, IReadOnlyCollection<(double Total, double Search, int Nodes, int Edges, long Scanned)> set) =>
            Console.WriteLine($"  {name,-18} n={set.Count,5}: total median {Median(set.Select(r => r.Total)):F3} ms, mean {set.Average(r => r.Total):F3} ms; NeighbourhoodSearch.Run mean {set.Average(r => r.Search):F3} ms; " +
                $"{set.Average(r => r.Nodes):F0} nodes, {set.Average(r => r.Edges):F0} edges; adjacency entries scanned {set.Average(r => r.Scanned):F0}");
        Console.WriteLine($"2-hop neighbourhood (cap {workload.NodeLimit}), first 50 queries as warm-up:");
        Line("all", rows);
        Line("at the cap", [.. rows.Where(r => r.Nodes == workload.NodeLimit)]);
        Line("below the cap", [.. rows.Where(r => r.Nodes < workload.NodeLimit)]);
        Line("slowest 1%", [.. rows.OrderByDescending(r => r.Total).Take(Math.Max(1, rows.Count / 100))]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    /// <summary>The 1-, 5- and 15-minute load averages: figures taken on a busy machine say so.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static Type Internal(string name) => s_store.GetType("Graph.Storage.Embedded." + name) ?? throw Missing(name);

    private static MethodInfo Method(Type type, string name) => type.GetMethod(name, AnyMember) ?? throw Missing($"{type.Name}.{name}");

    private static FieldInfo Field(Type type, string name) => type.GetField(name, AnyMember) ?? throw Missing($"{type.Name}.{name}");

    private static BenchmarkUsageException Missing(string what) =>
        new($"The embedded store no longer has '{what}': its internals changed, so update bench/Graph.Benchmarks/Storage/StoreProfile.cs to match.");
}
