using Graph.Core.Model;
using Graph.Extraction.Reading;

namespace Graph.Ingest.Ingestion;

/// <summary>How ingestion runs by default.</summary>
public sealed record IngestionOptions
{
    /// <summary>
    /// Proposals at or above this confidence are accepted as they are ingested; null (the default) leaves every
    /// proposal pending for an analyst.
    /// </summary>
    public double? AutoAcceptThreshold { get; init; }

    /// <summary>Longest slug taken from a title for a document id (before any disambiguating suffix).</summary>
    public int MaxIdSlugLength { get; init; } = 60;
}

/// <summary>What the caller adds to one ingestion.</summary>
/// <param name="Overrides">Metadata that wins over what the document says about itself (title, publisher, URL, date, language).</param>
/// <param name="AutoAcceptThreshold">This ingestion's auto-accept threshold; null uses <see cref="IngestionOptions.AutoAcceptThreshold"/>.</param>
public sealed record IngestRequest(DocumentMetadata? Overrides = null, double? AutoAcceptThreshold = null);

/// <summary>What an ingestion did with the document.</summary>
public enum IngestOutcome
{
    /// <summary>A new document was stored.</summary>
    Created,

    /// <summary>The same text is already stored: nothing was written; the result names the document holding it.</summary>
    Duplicate,

    /// <summary>The URL was ingested before with another text: a new document was stored, linked to the previous version.</summary>
    NewVersion,

    /// <summary>A stored document was read again by the current extractor; only new proposals were added.</summary>
    Reextracted,
}

/// <summary>The outcome of ingesting (or re-extracting) one document.</summary>
/// <param name="Outcome">Created, duplicate, new version or re-extracted.</param>
/// <param name="Document">The document stored, or for a duplicate the one already holding the text.</param>
/// <param name="PreviousVersion">For a new version, the document it replaces.</param>
/// <param name="Proposals">Proposals added to the review queue (auto-accepted ones included).</param>
/// <param name="AutoAccepted">Of those, accepted at once by the threshold.</param>
/// <param name="SkippedRejected">Proposals not added because an analyst rejected them before.</param>
/// <param name="SkippedExisting">Proposals not added because the queue already holds them (re-extraction).</param>
/// <param name="Dropped">Candidates the extractor dropped, counted by reason.</param>
public sealed record IngestionResult(
    IngestOutcome Outcome,
    DocumentId Document,
    DocumentId? PreviousVersion,
    int Proposals,
    int AutoAccepted,
    int SkippedRejected,
    int SkippedExisting,
    IReadOnlyDictionary<string, int> Dropped)
{
    /// <summary>One line for a console or a log.</summary>
    public string Describe() => Outcome switch
    {
        IngestOutcome.Duplicate => $"Duplicate: the same text is already stored as '{Document}'; nothing was written.",
        IngestOutcome.NewVersion => $"New version '{Document}' of '{PreviousVersion}': {Proposals} proposals, {AutoAccepted} auto-accepted.",
        IngestOutcome.Reextracted => $"Re-extracted '{Document}': {Proposals} new proposals, {AutoAccepted} auto-accepted, {SkippedRejected} skipped as rejected before, {SkippedExisting} already queued.",
        _ => $"Created '{Document}': {Proposals} proposals, {AutoAccepted} auto-accepted.",
    };
}
