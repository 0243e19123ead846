using System.Diagnostics;
using System.Globalization;
using Graph.Core.Model;
using Graph.Extraction.Extractors;
using Graph.Extraction.Text;

namespace Graph.Benchmarks.Extraction;

/// <summary>
/// Throughput of the rule extractor on one thread: articles of about 300 words built by sampling sentences of the
/// seed texts, read one after another; prints articles and words per second, bytes allocated per article and the
/// working set.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Runs it: <c>extraction [--articles N] [--seed S]</c>.</summary>
    public static Task RunAsync(string[] args)
    {
        var articles = 3000;
        var seed = 7;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--articles" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    articles = n;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    throw new BenchmarkUsageException($"Unknown option '{args[i]}'. Usage: extraction [--articles N] [--seed S].");
            }
        }

        var corpus = BuildArticles(articles, seed);
        var words = corpus.Sum(a => a.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length);
        var extractor = new RuleExtractor([]);
        var published = PartialDate.Parse("2025-02");
        var document = DocumentId.Parse("doc:benchmark");

        // Warm up (JIT, the gazetteer, tiered compilation) on a slice of the corpus.
        for (var i = 0; i < Math.Min(200, corpus.Count); i++)
        {
            extractor.Extract(new ExtractionInput(document, corpus[i], published));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var proposals = 0;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var article in corpus)
        {
            proposals += extractor.Extract(new ExtractionInput(document, article, published)).Proposals.Count;
        }

        clock.Stop();
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant($"extraction: {corpus.Count} articles, {words / (double)corpus.Count:0} words each on average, one thread"));
        Console.WriteLine(FormattableString.Invariant($"  time            {seconds:0.000} s"));
        Console.WriteLine(FormattableString.Invariant($"  articles/second {corpus.Count / seconds:0} wall clock; {corpus.Count / cpu:0} per CPU second (the machine may be shared)"));
        Console.WriteLine(FormattableString.Invariant($"  words/second    {words / seconds:0}"));
        Console.WriteLine(FormattableString.Invariant($"  proposals       {proposals} ({proposals / (double)corpus.Count:0.0} per article)"));
        Console.WriteLine(FormattableString.Invariant($"  allocated       {allocated / (double)corpus.Count / 1024:0.0} KiB per article"));
        Console.WriteLine(FormattableString.Invariant($"  working set     {process.WorkingSet64 / 1048576.0:0.0} MiB (peak {process.PeakWorkingSet64 / 1048576.0:0.0} MiB)"));
        return Task.CompletedTask;
    }

    /// <summary>Articles of at least 300 words, each a random draw of sentences from the seed texts.</summary>
    internal static List<string> BuildArticles(int count, int seed)
    {
        var sentences = new List<string>();
        foreach (var file in SeedTexts())
        {
            var text = File.ReadAllText(file);
            sentences.AddRange(SentenceSplitter.Split(text).Select(s => s.Of(text)).Where(s => s.Contains(' ', StringComparison.Ordinal)));
        }

        if (sentences.Count == 0)
        {
            throw new BenchmarkUsageException("No seed sentences found under data/seeds.");
        }

        var random = new Random(seed);
        var articles = new List<string>(count);
        for (var a = 0; a < count; a++)
        {
            var words = 0;
            var parts = new List<string>();
            while (words < 300)
            {
                var sentence = sentences[random.Next(sentences.Count)];
                parts.Add(sentence);
                words += sentence.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            }

            articles.Add(string.Join(' ', parts));
        }

        return articles;
    }

    private static IEnumerable<string> SeedTexts()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "data", "seeds");
                if (Directory.Exists(seeds))
                {
                    return Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal);
                }
            }
        }

        throw new BenchmarkUsageException("data/seeds not found above the working directory.");
    }
}
