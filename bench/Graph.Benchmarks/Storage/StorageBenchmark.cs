using System.Diagnostics;
using System.Text.Json;
using Graph.Core.Store;
using Graph.Ingest.Synthetic;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;

namespace Graph.Benchmarks.Storage;

/// <summary>
/// The storage benchmark: generates a synthetic graph, bulk-imports it into a fresh embedded store file (exporting the
/// same graph to CSV on the way), reopens the file in fresh child processes to time open + index and the traversals,
/// runs the same queries on the same graph in Kuzu, and prints both side by side against the targets.
/// </summary>
public static class StorageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = StorageBenchmarkOptions.Parse(args);
        var loadAtStart = StoreProfile.LoadAverage();
        var workDir = Path.GetFullPath(options.WorkDir);
        Directory.CreateDirectory(workDir);
        var dbPath = Path.Combine(workDir, "graph.db");
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".index" })
        {
            File.Delete(dbPath + suffix);
        }

        var generator = new SyntheticGraphGenerator(new SyntheticGraphOptions
        {
            Relationships = options.Relationships,
            Seed = options.Seed,
            BatchSize = options.Batch,
        });
        Console.Error.WriteLine($"Storage benchmark: {generator.RelationshipCount:N0} relationships, {generator.ActorCount:N0} actors, {generator.DocumentCount:N0} documents; files in {workDir}");

        var import = await ImportAsync(generator, dbPath, workDir);
        var repeated = await RepeatLoadsAsync(generator, workDir, options.LoadRepeats);
        var workload = Workload.Draw(import.LinkedActors, options.Queries, options.Seed);
        workload.Save(workDir);

        // Three fresh processes: the figures from the index snapshot the load saved, with the runtime's default GC
        // (workstation, concurrent); the same with Server GC, as the API host runs (its memory); and an open that
        // scans the tables instead, as after a write made the snapshot stale.
        var workloadPath = Path.Combine(workDir, Workload.FileName);
        Console.Error.WriteLine("Reopening the file in a fresh process for open + index and the traversals...");
        var query = await RunQueryPhaseAsync(dbPath, workloadPath, serverGc: false, fromTables: false);
        Console.Error.WriteLine("Again with Server GC, as the API runs...");
        var serverGc = await RunQueryPhaseAsync(dbPath, workloadPath, serverGc: true, fromTables: false);
        Console.Error.WriteLine("Again opening from the tables, without the snapshot...");
        var fromTables = await RunQueryPhaseAsync(dbPath, workloadPath, serverGc: false, fromTables: true);

        KuzuResult? kuzu = null;
        string? kuzuProblem = "skipped (--skip-kuzu)";
        if (!options.SkipKuzu)
        {
            Console.Error.WriteLine("Loading the same graph into Kuzu and running the same queries...");
            (kuzu, kuzuProblem) = await KuzuRunner.RunAsync(workDir);
        }

        new StorageReport(options, generator, import, repeated, workload, query, serverGc, fromTables, kuzu, kuzuProblem, loadAtStart).Print(Console.Out);
        return 0;
    }

    private static async Task<ImportFigures> ImportAsync(SyntheticGraphGenerator generator, string dbPath, string workDir)
    {
        using var csv = new GraphCsvExport(workDir);
        var pausesBefore = GC.GetTotalPauseDuration();
        var fullBefore = GC.CollectionCount(2);
        var (generate, export, write, figures) = await LoadAsync(generator, dbPath, csv);
        Console.Error.WriteLine($"  rows written in {figures.RowsTime.TotalSeconds:F2} s, indexes built in {figures.IndexTime.TotalSeconds:F2} s");

        var bytes = new[] { "", "-wal" }.Select(s => new FileInfo(dbPath + s)).Where(f => f.Exists).Sum(f => f.Length);
        using var self = Process.GetCurrentProcess();
        return new ImportFigures(generate, export, write, figures.RowsTime, figures.IndexTime, GC.GetTotalPauseDuration() - pausesBefore, GC.CollectionCount(2) - fullBefore, bytes, self.PeakWorkingSet64, csv.LinkedActors(), csv.MaxDegree);
    }

    /// <summary>
    /// Loads the generated graph again into scratch files, in this process: how fast the same load runs once the runtime
    /// has compiled its code and the process has its memory (the first load pays for both).
    /// </summary>
    private static async Task<IReadOnlyList<double>> RepeatLoadsAsync(SyntheticGraphGenerator generator, string workDir, int repeats)
    {
        var rates = new List<double>();
        for (var i = 1; i <= repeats; i++)
        {
            var path = Path.Combine(workDir, $"repeat-{i}.db");
            var (_, _, write, figures) = await LoadAsync(generator, path, csv: null);
            rates.Add(figures.Relationships / write.TotalSeconds);
            Console.Error.WriteLine($"  repeated load {i} of {repeats}: {rates[^1]:N0} relationships/s");
            foreach (var suffix in new[] { "", ".index" })
            {
                File.Delete(path + suffix);
            }
        }

        return rates;
    }

    /// <summary>The generator's batches into a new file through the bulk loader, timed apart: generating, exporting, storing.</summary>
    private static async Task<(TimeSpan Generate, TimeSpan Export, TimeSpan Write, BulkLoadFigures Figures)> LoadAsync(SyntheticGraphGenerator generator, string dbPath, GraphCsvExport? csv)
    {
        var generate = new Stopwatch();
        var export = new Stopwatch();
        var write = new Stopwatch();
        long relationships = 0, actors = 0;

        write.Start();
        // The generator knows the graph's size, as an import of a file does: the loader sizes its index once.
        await using var loader = EmbeddedBulkLoader.Create(dbPath, expected: new BulkLoadSize(generator.ActorCount, generator.DocumentCount, generator.RelationshipCount, generator.RelationshipCount));
        write.Stop();
        var progress = Stopwatch.StartNew();
        using (var batches = generator.Generate().GetEnumerator())
        {
            while (true)
            {
                generate.Start();
                var more = batches.MoveNext();
                generate.Stop();
                if (!more)
                {
                    break;
                }

                var batch = batches.Current;
                export.Start();
                csv?.Add(batch);
                export.Stop();

                write.Start();
                loader.Add(batch);
                write.Stop();

                relationships += batch.Relationships.Count;
                actors += batch.Actors.Count;
                if (progress.ElapsedMilliseconds > 2_000)
                {
                    Console.Error.WriteLine($"  imported {actors:N0} / {generator.ActorCount:N0} actors, {relationships:N0} / {generator.RelationshipCount:N0} relationships (store time so far {write.Elapsed.TotalSeconds:F1} s)");
                    progress.Restart();
                }
            }
        }

        // Building the indexes and moving the finished file into place are part of the load.
        write.Start();
        var figures = await loader.CompleteAsync();
        write.Stop();
        return (generate.Elapsed, export.Elapsed, write.Elapsed, figures);
    }

    /// <summary>Runs <see cref="EmbeddedQueryPhase"/> in a child process: the same program, fresh process state.</summary>
    private static async Task<QueryPhaseResult> RunQueryPhaseAsync(string dbPath, string workloadPath, bool serverGc, bool fromTables)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(StorageBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { EmbeddedQueryPhase.Command, "--db", dbPath, "--workload", workloadPath })
        {
            start.ArgumentList.Add(arg);
        }

        if (fromTables)
        {
            start.ArgumentList.Add("--from-tables");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{self}' for the query phase.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The query phase failed with exit code {process.ExitCode}; its messages are above.");
        }

        return JsonSerializer.Deserialize<QueryPhaseResult>(output) ?? throw new InvalidOperationException("The query phase printed no result.");
    }
}

/// <summary>What the import phase measured: time per part, file size, the import process's peak working set.</summary>
public sealed record ImportFigures(
    TimeSpan Generate,
    TimeSpan Export,
    TimeSpan Write,
    TimeSpan Rows,
    TimeSpan Indexes,
    TimeSpan GcPauses,
    int FullCollections,
    long FileBytes,
    long PeakWorkingSetBytes,
    IReadOnlyList<string> LinkedActors,
    int MaxDegree);
