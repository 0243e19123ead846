using System.Security.Cryptography;
using System.Text;
using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Extraction.Extractors;
using Graph.Extraction.Reading;

namespace Graph.Ingest.Ingestion;

/// <summary>
/// Turns a read document into a stored document and a queue of proposals: detects a duplicate by content hash and a
/// new version by URL, names the document, runs the extractor over every actor the graph knows, and saves everything
/// in one store transaction (nothing when extraction fails). Ingestions run one at a time, so two never take one id.
/// </summary>
public sealed class IngestionService
{
    private readonly IGraphStore _graph;
    private readonly IIngestionStore _ingestion;
    private readonly Func<IReadOnlyCollection<Actor>, IExtractor> _extractorFactory;
    private readonly TimeProvider _time;
    private readonly IngestionOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IExtractor? _extractor;
    private string? _actorsFingerprint;

    /// <summary>A service over a graph store and its ingestion store (for the embedded store, the same object).</summary>
    /// <param name="graph">The graph: actors for the extractor's gazetteer, publishers, document ids.</param>
    /// <param name="ingestion">Where documents and proposals are kept.</param>
    /// <param name="extractorFactory">Builds the extractor for the graph's actors; called again only when they change.</param>
    /// <param name="timeProvider">The clock for ingestion and auto-accept times; the system clock when null.</param>
    /// <param name="options">Defaults; auto-accept off when null.</param>
    public IngestionService(IGraphStore graph, IIngestionStore ingestion, Func<IReadOnlyCollection<Actor>, IExtractor> extractorFactory, TimeProvider? timeProvider = null, IngestionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(extractorFactory);
        _graph = graph;
        _ingestion = ingestion;
        _extractorFactory = extractorFactory;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new IngestionOptions();
        CheckThreshold(_options.AutoAcceptThreshold);
    }

    /// <summary>How many times the extractor was built (once, then once per change of the graph's actors).</summary>
    public int ExtractorBuilds { get; private set; }

    /// <summary>
    /// Ingests a read document: a duplicate of a stored text writes nothing; a URL seen before with another text makes a
    /// new version linked to the latest one; otherwise a new document. Metadata overrides win over the document's own.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(ReadDocument read, IngestRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        request ??= new IngestRequest();
        if (string.IsNullOrWhiteSpace(read.Text))
        {
            throw new InvalidArgumentException("text", $"{read.Source}: the document has no text to ingest.");
        }

        var threshold = request.AutoAcceptThreshold ?? _options.AutoAcceptThreshold;
        CheckThreshold(threshold);
        var metadata = (read.Metadata ?? new DocumentMetadata()).OverriddenBy(request.Overrides);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var hash = Document.Hash(read.Text);
            if (await _ingestion.FindByContentHashAsync(hash, cancellationToken).ConfigureAwait(false) is { } same)
            {
                return new IngestionResult(IngestOutcome.Duplicate, same.Document.Id, same.PreviousVersion, 0, 0, 0, 0, new Dictionary<string, int>());
            }

            // The store finds curated documents too (no ingestion record: format 'curated', version 1), by index.
            var url = string.IsNullOrWhiteSpace(metadata.Url) ? null : metadata.Url.Trim();
            var previous = url is null ? null : await _ingestion.FindLatestByUrlAsync(url, cancellationToken).ConfigureAwait(false);
            var title = TitleOf(metadata, read);
            var id = await FreeIdAsync(title, cancellationToken).ConfigureAwait(false);
            var publisherName = string.IsNullOrWhiteSpace(metadata.Publisher) ? null : metadata.Publisher.Trim();
            var publisher = publisherName is null ? null : await ActorNames.FindAsync(_graph, publisherName, cancellationToken).ConfigureAwait(false);
            var document = new Document(id, title, publisher?.Id, url, metadata.Published, read.Text);
            var stored = new StoredDocument(document, read.Format.ToString().ToLowerInvariant(), metadata.Language, publisherName, read.Source,
                previous is null ? 1 : previous.Version + 1, previous?.Document.Id, _time.GetUtcNow());

            // Extraction runs before anything is written: if it throws, nothing is stored.
            var extraction = await ExtractAsync(document, cancellationToken).ConfigureAwait(false);
            var (records, accepted) = Queue(extraction.Proposals, id, threshold, new HashSet<string>(StringComparer.Ordinal));
            await _ingestion.SaveIngestedAsync(stored, records, cancellationToken).ConfigureAwait(false);
            return new IngestionResult(previous is null ? IngestOutcome.Created : IngestOutcome.NewVersion, id, previous?.Document.Id, records.Count, accepted, 0, 0, extraction.Dropped);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads a stored document again with the current extractor and queues the proposals it did not have: proposals an
    /// analyst rejected, and those already queued (under their id or, once edited, their original id), are skipped.
    /// </summary>
    public async Task<IngestionResult> ReextractAsync(DocumentId documentId, double? autoAcceptThreshold = null, CancellationToken cancellationToken = default)
    {
        var threshold = autoAcceptThreshold ?? _options.AutoAcceptThreshold;
        CheckThreshold(threshold);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _ingestion.GetStoredDocumentAsync(documentId, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("ingested document", documentId.Value ?? "");
            var rejected = await _ingestion.GetRejectedProposalIdsAsync(documentId, cancellationToken).ConfigureAwait(false);
            var present = new HashSet<string>(StringComparer.Ordinal);
            for (var offset = 0; ; offset += 1000)
            {
                var page = await _ingestion.GetProposalsAsync(new ProposalQuery(Document: documentId, Limit: 1000, Offset: offset), cancellationToken).ConfigureAwait(false);
                foreach (var record in page)
                {
                    present.Add(record.Id);
                    if (record.OriginalId is { } original)
                    {
                        present.Add(original);
                    }
                }

                if (page.Count < 1000)
                {
                    break;
                }
            }

            var extraction = await ExtractAsync(stored.Document, cancellationToken).ConfigureAwait(false);
            int skippedRejected = 0, skippedExisting = 0;
            var fresh = new List<Proposal>();
            foreach (var proposal in extraction.Proposals)
            {
                if (rejected.Contains(proposal.Id))
                {
                    skippedRejected++;
                }
                else if (present.Contains(proposal.Id))
                {
                    skippedExisting++;
                }
                else
                {
                    fresh.Add(proposal);
                }
            }

            var (records, accepted) = Queue(fresh, documentId, threshold, present);
            if (records.Count > 0)
            {
                await _ingestion.SaveIngestedAsync(stored, records, cancellationToken).ConfigureAwait(false);
            }

            return new IngestionResult(IngestOutcome.Reextracted, documentId, stored.PreviousVersion, records.Count, accepted, skippedRejected, skippedExisting, extraction.Dropped);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ExtractionResult> ExtractAsync(Document document, CancellationToken cancellationToken)
    {
        var extractor = await ExtractorAsync(cancellationToken).ConfigureAwait(false);
        var result = extractor.Extract(new ExtractionInput(document.Id, document.Text, document.Published), cancellationToken);
        foreach (var proposal in result.Proposals)
        {
            if (proposal.Document != document.Id)
            {
                throw new InvalidOperationException($"Extractor {extractor.Name}/{extractor.Version} proposed {proposal.Id} for '{proposal.Document}' while reading '{document.Id}'.");
            }
        }

        return result;
    }

    /// <summary>The proposals as queue records, each once; those at or above the threshold that obey the direction rule are accepted.</summary>
    private (List<ProposalRecord> Records, int Accepted) Queue(IEnumerable<Proposal> proposals, DocumentId document, double? threshold, HashSet<string> seen)
    {
        var now = _time.GetUtcNow();
        var records = new List<ProposalRecord>();
        var accepted = 0;
        foreach (var proposal in proposals)
        {
            if (!seen.Add(proposal.Id))
            {
                continue;
            }

            // A proposal breaking the direction rule stays for review rather than failing the whole document.
            if (threshold is { } t && proposal.Confidence >= t && Obeys(proposal))
            {
                records.Add(new ProposalRecord(proposal, ProposalStatus.Accepted, now, now, $"auto-accepted: confidence {proposal.Confidence:0.###} >= {t:0.###}"));
                accepted++;
            }
            else
            {
                records.Add(new ProposalRecord(proposal, ProposalStatus.Pending, now));
            }
        }

        return (records, accepted);
    }

    private static bool Obeys(Proposal proposal) =>
        proposal.From.Id != proposal.To.Id && GraphOntology.RuleFor(proposal.Type).Allows(proposal.From.Kind, proposal.To.Kind);

    /// <summary>The extractor for the graph's current actors: rebuilt only when their ids, kinds, names or aliases changed.</summary>
    private async Task<IExtractor> ExtractorAsync(CancellationToken cancellationToken)
    {
        var actors = new List<Actor>();
        ActorSearchKey? after = null;
        while (true)
        {
            var page = await _graph.SearchActorsAsync(new ActorSearch("", null, ActorSearch.MaxLimit, after), cancellationToken).ConfigureAwait(false);
            actors.AddRange(page.Select(m => m.Actor));
            if (page.Count < ActorSearch.MaxLimit)
            {
                break;
            }

            after = page[^1].Key;
        }

        var fingerprint = Fingerprint(actors);
        if (_extractor is null || fingerprint != _actorsFingerprint)
        {
            _extractor = _extractorFactory(actors);
            _actorsFingerprint = fingerprint;
            ExtractorBuilds++;
        }

        return _extractor;
    }

    private static string Fingerprint(IEnumerable<Actor> actors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var actor in actors.OrderBy(a => a.Id))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{actor.Id}\u0001{actor.Kind}\u0001{actor.Name}\u0001{string.Join('\u0002', actor.Aliases)}\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary><c>doc:</c> and the title's slug, cut at a hyphen to the configured length, then <c>-2</c>, <c>-3</c>... while taken.</summary>
    private async Task<DocumentId> FreeIdAsync(string title, CancellationToken cancellationToken)
    {
        var slug = Slug.From(title);
        if (slug.Length > _options.MaxIdSlugLength)
        {
            var cut = slug.LastIndexOf('-', _options.MaxIdSlugLength);
            slug = cut > 0 ? slug[..cut] : slug[.._options.MaxIdSlugLength].TrimEnd('-');
        }

        for (var n = 1; ; n++)
        {
            var id = DocumentId.Parse(n == 1 ? $"doc:{slug}" : $"doc:{slug}-{n}");
            if (await _graph.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return id;
            }
        }
    }

    /// <summary>The title given, else the first line of text (shortened), else the source's name.</summary>
    private static string TitleOf(DocumentMetadata metadata, ReadDocument read)
    {
        if (!string.IsNullOrWhiteSpace(metadata.Title))
        {
            return metadata.Title.Trim();
        }

        var line = read.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (!string.IsNullOrEmpty(line))
        {
            return line.Length <= 100 ? line : line[..97].TrimEnd() + "...";
        }

        return Path.GetFileNameWithoutExtension(read.Source) is { Length: > 0 } name ? name : "Untitled document";
    }

    private static void CheckThreshold(double? threshold)
    {
        if (threshold is { } t && (double.IsNaN(t) || t is < 0 or > 1))
        {
            throw new InvalidArgumentException("autoAcceptThreshold", $"The auto-accept threshold must be between 0 and 1 (or none to wait for review); got {t}.");
        }
    }
}
