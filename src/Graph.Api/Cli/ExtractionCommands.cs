using System.CommandLine;
using System.Text;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Api.Composition;
using Graph.Core;
using Graph.Extraction.Extractors;
using Graph.Extraction.Reading;
using Graph.Ingest.Evaluation;
using Graph.Ingest.Ingestion;
using Graph.Ingest.Knowledge;
using Graph.Ingest.Sources;
using Graph.Storage.Embedded;

namespace Graph.Api.Cli;

/// <summary>
/// The extractor's commands: <c>extract</c> prints the rule extractor's proposals for one text file as a knowledge
/// file (touching no store); <c>evaluate</c> scores the extractor against gold knowledge files.
/// </summary>
public static class ExtractionCommands
{
    /// <summary><c>extract &lt;file&gt; [--published DATE]</c>.</summary>
    public static Command Extract()
    {
        var file = new Argument<string>("file") { Description = "A document: text, Markdown, HTML, PDF or DOCX (read as `ingest` reads it)." };
        var published = new Option<string?>("--published") { Description = "Publication date (2024, 2024-10 or 2025-02-09), for resolving 'last year' or 'on Monday'; default: the date the document gives." };
        var command = new Command("extract", "Print the rule extractor's proposals for one document as a knowledge file (no store is touched).") { file, published };
        command.SetAction(result =>
        {
            try
            {
                var path = Path.GetFullPath(result.GetRequiredValue(file));
                var read = FileSource.Load(path).Read();
                var date = result.GetValue(published) is { } p ? PartialDate.Parse(p, "--published") : read.Metadata.Published;
                var title = read.Metadata.Title ?? Path.GetFileNameWithoutExtension(path);
                var document = new Document(DocumentId.Parse("doc:" + Slug.From(Path.GetFileNameWithoutExtension(path))), title, null, read.Metadata.Url, date, read.Text);
                var extraction = new RuleExtractor([]).Extract(new ExtractionInput(document.Id, read.Text, date));
                Console.Out.Write(PredictionWriter.Write(extraction, document, Path.GetRelativePath(Directory.GetCurrentDirectory(), path)));
                return 0;
            }
            catch (Exception e) when (e is GraphException or IOException or UnauthorizedAccessException or DocumentReadException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary><c>evaluate [gold.knowledge.json ...] [--out DIR]</c>.</summary>
    public static Command Evaluate()
    {
        var golds = new Argument<string[]>("gold") { Description = "Gold knowledge files (default: data/knowledge/seed-knowledge.json and data/devset/*.knowledge.json).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--out") { Description = "A folder to write each prediction into, as a knowledge file." };
        var quiet = new Option<bool>("--summary") { Description = "Print only the figures, without the lists of false positives and negatives." };
        var throughStore = new Option<bool>("--through-store") { Description = "Ingest each gold document into an empty embedded store, accept every proposal, and score the graph that results (the path an analyst takes)." };
        var command = new Command("evaluate", "Run the rule extractor (with no known actors) over gold documents and score it: actors, relationships, per type, attribution, quotes.") { golds, output, quiet, throughStore };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var files = result.GetValue(golds) is { Length: > 0 } given ? [.. given.Select(Path.GetFullPath)] : DefaultGolds();
                var outDir = result.GetValue(output) is { } o ? Directory.CreateDirectory(Path.GetFullPath(o)).FullName : null;
                var extractor = new RuleExtractor([]);
                var scores = new List<DocumentScore>();
                foreach (var file in files)
                {
                    var gold = KnowledgeFile.Load(file);
                    foreach (var document in gold.Documents)
                    {
                        var extraction = extractor.Extract(new ExtractionInput(document.Id, document.Text, document.Published));
                        var predicted = result.GetValue(throughStore)
                            ? await IngestAndAcceptAsync(document, ct)
                            : PredictionWriter.ToSnapshot(extraction, document);
                        var score = ExtractionScorer.Score(gold, predicted, document);
                        scores.Add(score);
                        Console.Out.Write(EvaluationReport.Format(score, $"{document.Id} ({Path.GetFileName(file)})", !result.GetValue(quiet)));
                        if (extraction.Dropped.Count > 0)
                        {
                            Console.Out.WriteLine("  dropped: " + string.Join(", ", extraction.Dropped.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}")));
                        }

                        if (outDir is not null)
                        {
                            var textFile = FindText(file, document);
                            var target = Path.Combine(outDir, document.Id.Value[4..] + ".knowledge.json");
                            File.WriteAllText(target, PredictionWriter.Write(extraction, document, Path.GetRelativePath(outDir, textFile)), new UTF8Encoding(false));
                        }
                    }
                }

                Console.Out.Write(EvaluationReport.Format(EvaluationReport.Total(scores), $"total over {scores.Count} documents", lists: false));
                return 0;
            }
            catch (Exception e) when (e is GraphException or KnowledgeFormatException or IOException or UnauthorizedAccessException or DocumentReadException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The analyst's path for one document: its text ingested into an empty embedded store (read as any document is),
    /// every proposal accepted, and the resulting graph as a snapshot citing the gold document's id.
    /// </summary>
    public static async Task<GraphSnapshot> IngestAndAcceptAsync(Document gold, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("graph-evaluate-").FullName;
        try
        {
            await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(folder, "graph.db"), DurableCommits = false }, cancellationToken: cancellationToken);
            var ingestion = IngestionComposition.CreateIngestion(store, new IngestSettings());
            var read = DocumentReader.Read(Encoding.UTF8.GetBytes(gold.Text), gold.Id + ".txt", new ReadOptions { Overrides = new DocumentMetadata(gold.Title, Url: gold.Url, Published: gold.Published) });
            var ingested = await ingestion.IngestAsync(read, cancellationToken: cancellationToken);
            var review = IngestionComposition.CreateReview(store);
            var pending = await review.PendingIdsAsync(ingested.Document, cancellationToken: cancellationToken);
            if (pending.Count > 0)
            {
                await review.AcceptAsync(pending, "evaluate --through-store", cancellationToken);
            }

            var graph = await store.ExportAsync(cancellationToken);
            var relationships = graph.Relationships
                .Select(r => r with { Evidence = [.. r.Evidence.Select(e => e.DocumentId == ingested.Document ? e with { DocumentId = gold.Id } : e)] })
                .ToList();
            return new GraphSnapshot(graph.Actors, [gold], relationships);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }


    private static string[] DefaultGolds()
    {
        // The repository's data folder, found from the working directory upwards, else the copy beside the binary.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seed = Path.Combine(dir.FullName, KnowledgeFile.SeedPath);
                var devset = Path.Combine(dir.FullName, "data", "devset");
                if (File.Exists(seed) && Directory.Exists(devset))
                {
                    return [seed, .. Directory.GetFiles(devset, "*.knowledge.json").Order(StringComparer.Ordinal)];
                }
            }
        }

        throw new IOException("No gold files given and none found: expected data/knowledge/seed-knowledge.json and data/devset/*.knowledge.json above the working directory.");
    }

    private static string FindText(string goldFile, Document document)
    {
        // The gold names the text file relative to itself; read it back from the JSON.
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(goldFile));
        foreach (var d in json.RootElement.GetProperty("documents").EnumerateArray())
        {
            if (d.GetProperty("id").GetString() == document.Id.Value)
            {
                return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(goldFile)!, d.GetProperty("file").GetString()!));
            }
        }

        throw new IOException($"Document '{document.Id}' has no file in '{goldFile}'.");
    }
}
