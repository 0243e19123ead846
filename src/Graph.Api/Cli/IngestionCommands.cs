using System.CommandLine;
using System.Globalization;
using Graph.Api.Composition;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Extraction.Reading;
using Graph.Ingest.Ingestion;
using Graph.Ingest.Sources;

namespace Graph.Api.Cli;

/// <summary>
/// Taking documents in and reviewing what the extractor read from them: <c>ingest</c>, <c>proposals</c>,
/// <c>accept</c>, <c>reject</c>, <c>reextract</c>, <c>rules</c> and <c>search</c>.
/// </summary>
public static class IngestionCommands
{
    /// <summary>Every command of this family.</summary>
    public static IEnumerable<Command> All() =>
        [Ingest(), Proposals(), Accept(), Reject(), Reextract(), Rules(), Search()];

    private static Command Ingest()
    {
        var locations = new Argument<string[]>("location") { Description = "Files, folders (read recursively), http(s) URLs, or '-' for standard input.", Arity = ArgumentArity.OneOrMore };
        var title = new Option<string?>("--title") { Description = "The title, instead of the one the document gives." };
        var publisher = new Option<string?>("--publisher") { Description = "The publisher's name, instead of the one the document gives." };
        var url = new Option<string?>("--url") { Description = "Where it was published (http or https)." };
        var published = new Option<string?>("--published") { Description = "Publication date: 2025, 2025-02 or 2025-02-09." };
        var language = new Option<string?>("--language") { Description = "ISO 639-1 language code, e.g. en." };
        var format = new Option<string?>("--format") { Description = "The format when the name does not tell: txt, md, html, pdf or docx." };
        var autoAccept = new Option<double?>("--auto-accept-above") { Description = "Accept proposals at or above this confidence (0..1) at once; by default every proposal waits for review." };
        var command = new Command("ingest", "Read documents (text, Markdown, HTML, PDF, DOCX; a file, a folder, a URL or standard input), extract their actors and relationships, and queue the proposals for review.")
        {
            locations, title, publisher, url, published, language, format, autoAccept,
        };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, configuration) =>
        {
            var settings = IngestSettings.Read(configuration);
            var overrides = DocumentMetadata.Parse(
                "the command line", result.GetValue(title), result.GetValue(publisher), result.GetValue(url), result.GetValue(published), result.GetValue(language));
            var threshold = result.GetValue(autoAccept);
            if (threshold is < 0 or > 1)
            {
                throw new Core.Errors.InvalidArgumentException("--auto-accept-above", $"must be between 0 and 1; got {threshold}.");
            }

            var service = IngestionComposition.CreateIngestion(store, settings, configuration);
            var summary = new IngestSummary();
            using var fetcher = new UrlFetcher(options: new UrlFetcherOptions { MaxBytes = settings.MaxDocumentBytes, Timeout = TimeSpan.FromSeconds(settings.FetchTimeoutSeconds) });
            foreach (var location in result.GetRequiredValue(locations))
            {
                var total = Directory.Exists(location) ? CountDocuments(location) : 1;
                var progress = total > 1 ? new ConsoleProgress() : null;
                var done = 0;
                await foreach (var item in DocumentSources.LoadAsync(location, settings.MaxDocumentBytes, fetcher, formatHint: result.GetValue(format), cancellationToken: ct))
                {
                    await summary.IngestAsync(item, service, IngestionComposition.ReadOptionsFor(settings, overrides), new IngestRequest(overrides, threshold), ct);
                    if (item.Outcome != SourceOutcome.Skipped)
                    {
                        progress?.Report(new ImportProgress($"ingesting {location}", ++done, Math.Max(done, total)));
                    }
                }

                progress?.Finish();
            }

            Console.WriteLine(summary);
            return summary.Failed > 0 ? 1 : 0;
        }, ct));
        return command;
    }

    private static int CountDocuments(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
            .Count(f => FileSource.DocumentExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()));

    private static Command Proposals()
    {
        var document = new Option<string?>("--document") { Description = "Only proposals read from this document (doc:slug)." };
        var status = new Option<string>("--status") { Description = "pending (the default), accepted, rejected or all.", DefaultValueFactory = _ => "pending" };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Only proposals at least this sure, 0..1." };
        var rule = new Option<string?>("--rule") { Description = "Only proposals of this extractor rule." };
        var limit = new Option<int>("--limit") { Description = $"At most this many (1..{ProposalQuery.MaxLimit}).", DefaultValueFactory = _ => 100 };
        var command = new Command("proposals", "List the proposals waiting for review (or decided), with their quotes.") { document, status, minConfidence, rule, limit };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, _) =>
        {
            var query = new ProposalQuery(
                result.GetValue(document) is { } d ? DocumentId.Parse(d) : null,
                ParseStatus(result.GetRequiredValue(status)),
                result.GetValue(minConfidence),
                result.GetValue(rule),
                Math.Clamp(result.GetValue(limit), 1, ProposalQuery.MaxLimit));
            var records = await IngestionComposition.CreateReview(store).ListAsync(query, ct);
            var table = new TextTable("id", "status", "conf", "type", "from", "to", "stance", "rule", "quote");
            foreach (var r in records)
            {
                var p = r.Proposal;
                table.Add(r.Id, r.Status.ToString().ToLowerInvariant(), p.Confidence.ToString("0.00", CultureInfo.InvariantCulture), GraphOntology.RuleFor(p.Type).Name, p.From.Name, p.To.Name,
                    p.Stance.ToString().ToLowerInvariant(), p.Rule, Shorten(p.Quote, 70));
            }

            Console.WriteLine(table);
            Console.WriteLine($"{records.Count} proposal(s).");
            return 0;
        }, ct));
        return command;
    }

    private static Command Accept() => Decide("accept", "Accept proposals: each becomes evidence on its relationship (creating the actors it names).", accept: true);

    private static Command Reject() => Decide("reject", "Reject proposals: they are remembered, so reading the document again does not propose them again.", accept: false);

    private static Command Decide(string name, string description, bool accept)
    {
        var ids = new Argument<string[]>("id") { Description = "Proposal ids (proposal:...).", Arity = ArgumentArity.ZeroOrMore };
        var document = new Option<string?>("--document") { Description = "Every pending proposal of this document (with --min-confidence)." };
        var minConfidence = new Option<double>("--min-confidence") { Description = "With --document: only proposals at least this sure." };
        var note = new Option<string?>("--note") { Description = "A note kept with the decision." };
        var command = new Command(name, description) { ids, document, minConfidence, note };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, _) =>
        {
            var review = IngestionComposition.CreateReview(store);
            var chosen = result.GetValue(ids)?.ToList() ?? [];
            if (result.GetValue(document) is { } d)
            {
                chosen.AddRange(await review.PendingIdsAsync(DocumentId.Parse(d), result.GetValue(minConfidence), ct));
            }

            if (chosen.Count == 0)
            {
                throw new Core.Errors.InvalidArgumentException("id", $"Name the proposals to {name} (ids from 'proposals'), or give --document to {name} every pending proposal of a document.");
            }

            var decided = accept ? await review.AcceptAsync(chosen.Distinct().ToList(), result.GetValue(note), ct) : await review.RejectAsync(chosen.Distinct().ToList(), result.GetValue(note), ct);
            Console.WriteLine($"{(accept ? "Accepted" : "Rejected")} {decided.Count} proposal(s).");
            return 0;
        }, ct));
        return command;
    }

    private static Command Reextract()
    {
        var document = new Argument<string>("document") { Description = "The stored document (doc:slug)." };
        var command = new Command("reextract", "Read a stored document again with the current extractor; proposals rejected before are not proposed again.") { document };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, configuration) =>
        {
            var outcome = await IngestionComposition.CreateIngestion(store, IngestSettings.Read(configuration), configuration).ReextractAsync(DocumentId.Parse(result.GetRequiredValue(document)), cancellationToken: ct);
            Console.WriteLine(outcome.Describe());
            return 0;
        }, ct));
        return command;
    }

    private static Command Rules()
    {
        var command = new Command("rules", "How analysts have judged each extractor rule: accepted, rejected, pending and precision.");
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, _) =>
        {
            var table = new TextTable("rule", "accepted", "rejected", "pending", "precision");
            foreach (var r in await IngestionComposition.CreateReview(store).GetRulePrecisionAsync(ct))
            {
                table.Add(r.Rule, r.Accepted, r.Rejected, r.Pending, r.Precision is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : "-");
            }

            Console.WriteLine(table);
            return 0;
        }, ct));
        return command;
    }

    private static Command Search()
    {
        var text = new Argument<string>("text") { Description = "Words to find in document texts and evidence quotes." };
        var limit = new Option<int>("--limit") { Description = "At most this many hits (1..200).", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over the stored documents and the quotes of every relationship's evidence.") { text, limit };
        command.SetAction((result, ct) => GraphCommandLine.WithStoreAsync(result, async (store, _) =>
        {
            await GraphStoreFactory.WaitForTextIndexAsync(store, () => Console.Error.WriteLine("Filling the full-text index of the bulk-loaded file first (once)..."), ct);
            var hits = await IngestionComposition.IngestionStoreOf(store).SearchTextAsync(result.GetRequiredValue(text), Math.Clamp(result.GetValue(limit), 1, 200), ct);
            var table = new TextTable("document", "in", "snippet");
            foreach (var hit in hits)
            {
                table.Add(hit.Document, hit.Edge is { } edge ? edge.ToId() : "text", Shorten(hit.Snippet.ReplaceLineEndings(" "), 100));
            }

            Console.WriteLine(table);
            Console.WriteLine($"{hits.Count} hit(s).");
            return 0;
        }, ct));
        return command;
    }

    private static ProposalStatus? ParseStatus(string text) => text.ToLowerInvariant() switch
    {
        "pending" => ProposalStatus.Pending,
        "accepted" => ProposalStatus.Accepted,
        "rejected" => ProposalStatus.Rejected,
        "all" => null,
        _ => throw new Core.Errors.InvalidArgumentException("--status", $"'{text}' is not a status; use pending, accepted, rejected or all."),
    };

    private static string Shorten(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }

    /// <summary>Counts what a batch did, one line per failure, and prints the total.</summary>
    private sealed class IngestSummary
    {
        private readonly List<string> _lines = [];

        public int Created { get; private set; }

        public int Duplicates { get; private set; }

        public int Versions { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public int Proposals { get; private set; }

        public int AutoAccepted { get; private set; }

        /// <summary>Reads and ingests one item; a failure is counted and reported, never thrown, so the batch goes on.</summary>
        public async Task IngestAsync(SourceResult item, IngestionService service, ReadOptions options, IngestRequest request, CancellationToken cancellationToken)
        {
            if (item.Outcome == SourceOutcome.Skipped)
            {
                Skipped++;
                _lines.Add($"skipped: {item.Source}: {item.Problem}");
                return;
            }

            try
            {
                if (item.Outcome == SourceOutcome.Failed || item.Input is null)
                {
                    throw new DocumentReadException(item.Source, item.Problem ?? "could not be read.");
                }

                var read = item.Input.Read(options);
                var outcome = await service.IngestAsync(read, request, cancellationToken);
                switch (outcome.Outcome)
                {
                    case IngestOutcome.Duplicate: Duplicates++; break;
                    case IngestOutcome.NewVersion: Versions++; break;
                    default: Created++; break;
                }

                Proposals += outcome.Proposals;
                AutoAccepted += outcome.AutoAccepted;
                _lines.Add($"{item.Source}: {outcome.Describe()}");
            }
            catch (Exception e) when (e is DocumentReadException or Core.Errors.GraphException or IOException)
            {
                Failed++;
                _lines.Add(e is DocumentReadException ? $"failed: {e.Message}" : $"failed: {item.Source}: {e.Message}");
            }
        }

        public override string ToString() =>
            string.Join(Environment.NewLine, _lines) + Environment.NewLine
            + $"{Created} created, {Versions} new version(s), {Duplicates} duplicate(s), {Failed} failed, {Skipped} skipped; {Proposals} proposal(s), {AutoAccepted} auto-accepted.";
    }
}
