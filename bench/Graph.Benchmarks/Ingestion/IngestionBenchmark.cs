using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Benchmarks.Extraction;
using Graph.Extraction.Extractors;
using Graph.Extraction.Reading;
using Graph.Ingest.Ingestion;
using Graph.Storage.Embedded;

namespace Graph.Benchmarks.Ingestion;

/// <summary>
/// Ingestion end to end into the embedded store: bytes read (format and encoding detection, metadata), extracted,
/// stored with their proposals in one transaction each, on a real SQLite file. Prints articles per second for the
/// review mode (proposals queued) and for auto-accept (every proposal written to the graph as evidence), with memory.
/// </summary>
public static class IngestionBenchmark
{
    /// <summary>Runs it: <c>ingestion [--articles N] [--durable]</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var articles = 1000;
        var durable = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    articles = n;
                    i++;
                    break;
                case "--durable":
                    durable = true;
                    break;
                default:
                    throw new BenchmarkUsageException($"Unknown option '{args[i]}'. Usage: ingestion [--articles N] [--durable].");
            }
        }

        // Each article gets its own title line, so no two texts are the same document.
        var corpus = ExtractionBenchmark.BuildArticles(articles, seed: 11)
            .Select((body, i) => Encoding.UTF8.GetBytes($"Benchmark article number {i + 1}\n\n{body}\n"))
            .ToList();
        Console.WriteLine(FormattableString.Invariant($"ingestion: {corpus.Count} articles of about 300 words, embedded store, {(durable ? "durable commits (fsync per document)" : "synchronous=NORMAL commits")}"));
        await MeasureAsync("review (proposals queued)", corpus, autoAccept: null, durable);
        await MeasureAsync("auto-accept (every proposal written)", corpus, autoAccept: 0.0, durable);
    }

    private static async Task MeasureAsync(string mode, List<byte[]> corpus, double? autoAccept, bool durable)
    {
        var folder = Directory.CreateTempSubdirectory("graph-ingest-bench-").FullName;
        try
        {
            await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(folder, "graph.db"), DurableCommits = durable });
            var service = new IngestionService(store, store, static actors => new RuleExtractor(actors), options: new IngestionOptions { AutoAcceptThreshold = autoAccept });

            // Warm up on documents that are not measured (JIT, SQLite statements, the extractor's gazetteer).
            for (var i = 0; i < 20; i++)
            {
                await service.IngestAsync(DocumentReader.Read(Encoding.UTF8.GetBytes($"Warm-up article {i}\n\nRussia and North Korea signed a treaty.\n"), "warm-up.txt"));
            }

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var proposals = 0;
            var accepted = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < corpus.Count; i++)
            {
                var read = DocumentReader.Read(corpus[i], $"article-{i}.txt");
                var result = await service.IngestAsync(read);
                proposals += result.Proposals;
                accepted += result.AutoAccepted;
            }

            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var stats = await store.GetStatsAsync();
            using var process = Process.GetCurrentProcess();
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant($"  {mode}"));
            Console.WriteLine(FormattableString.Invariant($"    time            {seconds:0.000} s"));
            Console.WriteLine(FormattableString.Invariant($"    articles/second {corpus.Count / seconds:0}"));
            Console.WriteLine(FormattableString.Invariant($"    proposals       {proposals} ({accepted} accepted); graph now {stats.Actors} actors, {stats.Relationships} relationships, {stats.Evidence} evidence"));
            Console.WriteLine(FormattableString.Invariant($"    allocated       {allocated / (double)corpus.Count / 1024:0.0} KiB per article"));
            Console.WriteLine(FormattableString.Invariant($"    working set     {process.WorkingSet64 / 1048576.0:0.0} MiB (peak {process.PeakWorkingSet64 / 1048576.0:0.0} MiB); store file {new FileInfo(Path.Combine(folder, "graph.db")).Length / 1048576.0:0.0} MiB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
