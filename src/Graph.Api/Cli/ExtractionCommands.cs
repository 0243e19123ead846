using System.CommandLine;
using System.Text;
using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Extraction.Extractors;
using Graph.Ingest.Evaluation;
using Graph.Ingest.Knowledge;

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
        var file = new Argument<string>("file") { Description = "A UTF-8 text file (an article: title line, then the body)." };
        var published = new Option<string?>("--published") { Description = "Publication date (2024, 2024-10 or 2025-02-09), for resolving 'last year' or 'on Monday'." };
        var command = new Command("extract", "Print the rule extractor's proposals for one text document as a knowledge file (no store is touched).") { file, published };
        command.SetAction(result =>
        {
            try
            {
                var path = ResolveInput(result.GetRequiredValue(file));
                if (!File.Exists(path))
                {
                    throw new IOException($"File '{path}' does not exist.");
                }

                // Plain reading on purpose: the full format readers (html, pdf, docx) live elsewhere.
                var text = File.ReadAllText(path, new UTF8Encoding(false));
                var date = result.GetValue(published) is { } p ? PartialDate.Parse(p, "--published") : (PartialDate?)null;
                var title = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? Path.GetFileNameWithoutExtension(path);
                var document = new Document(DocumentId.Parse("doc:" + Slug.From(Path.GetFileNameWithoutExtension(path))), title, null, null, date, text);
                var extraction = new RuleExtractor([]).Extract(new ExtractionInput(document.Id, text, date));
                Console.Out.Write(PredictionWriter.Write(extraction, document, Path.GetRelativePath(CallerDirectory(), path)));
                return 0;
            }
            catch (Exception e) when (e is GraphException or IOException or UnauthorizedAccessException)
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
        var command = new Command("evaluate", "Run the rule extractor (with no known actors) over gold documents and score it: actors, relationships, per type, attribution, quotes.") { golds, output, quiet };
        command.SetAction(result =>
        {
            try
            {
                var files = result.GetValue(golds) is { Length: > 0 } given ? [.. given.Select(ResolveInput)] : DefaultGolds();
                var outDir = result.GetValue(output) is { } o ? Directory.CreateDirectory(Path.GetFullPath(o, CallerDirectory())).FullName : null;
                var extractor = new RuleExtractor([]);
                var scores = new List<DocumentScore>();
                foreach (var file in files)
                {
                    var gold = KnowledgeFile.Load(file);
                    foreach (var document in gold.Documents)
                    {
                        var extraction = extractor.Extract(new ExtractionInput(document.Id, document.Text, document.Published));
                        var predicted = PredictionWriter.ToSnapshot(extraction, document);
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
            catch (Exception e) when (e is GraphException or KnowledgeFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The directory the user typed the command in: <c>dotnet run --project</c> starts the app in the project's folder,
    /// but the shell's <c>PWD</c> still names where the user was.
    /// </summary>
    private static string CallerDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();

    /// <summary>An input path as the user meant it: absolute, else relative to where they typed the command, else to the working directory.</summary>
    private static string ResolveInput(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var fromCaller = Path.GetFullPath(path, CallerDirectory());
        return File.Exists(fromCaller) ? fromCaller : Path.GetFullPath(path);
    }

    private static string[] DefaultGolds()
    {
        // The repository's data folder, found from the working directory upwards, else the copy beside the binary.
        foreach (var start in new[] { CallerDirectory(), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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
