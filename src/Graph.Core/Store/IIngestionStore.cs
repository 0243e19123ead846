using Graph.Core.Model;

namespace Graph.Core.Store;

/// <summary>
/// What ingestion keeps beside the graph: each document as ingested (format, language, version chain, content hash),
/// full-text search over documents and quotes, and the review queue of proposals. Every write is one transaction: a
/// refused write stores nothing.
/// </summary>
public interface IIngestionStore
{
    /// <summary>The document with this exact text, or null; a document loaded from curated knowledge counts (format <c>curated</c>, version 1).</summary>
    Task<StoredDocument?> FindByContentHashAsync(string contentHash, CancellationToken cancellationToken = default);

    /// <summary>The latest version of the document at this URL (curated documents count as version 1), or null.</summary>
    Task<StoredDocument?> FindLatestByUrlAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>An ingested document by id (with its version links), or null.</summary>
    Task<StoredDocument?> GetStoredDocumentAsync(DocumentId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the document (to the graph's documents too), its ingestion record and its proposals, in one transaction.
    /// Saving a stored document again adds only proposals with new ids (re-extraction); its ingestion record stays.
    /// A proposal saved as <see cref="ProposalStatus.Accepted"/> is written to the graph as accepting it would
    /// (auto-accept), in the same transaction.
    /// </summary>
    Task SaveIngestedAsync(StoredDocument document, IReadOnlyCollection<ProposalRecord> proposals, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over document texts and evidence quotes, best match first.</summary>
    Task<IReadOnlyList<TextHit>> SearchTextAsync(string query, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Proposals passing the filter, in document order.</summary>
    Task<IReadOnlyList<ProposalRecord>> GetProposalsAsync(ProposalQuery query, CancellationToken cancellationToken = default);

    /// <summary>A proposal by id, or null.</summary>
    Task<ProposalRecord?> GetProposalAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Ids of the proposals ever rejected for the document (so re-extraction does not propose them again).</summary>
    Task<IReadOnlySet<string>> GetRejectedProposalIdsAsync(DocumentId document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a pending proposal (an analyst's edit); refused for one already decided, for another document, or for a
    /// quote not verbatim at its span. When the edit changes the proposal's id, the record is re-keyed (the old id kept as
    /// <see cref="ProposalRecord.OriginalId"/>); an edit that makes it identical to another proposal is refused.
    /// </summary>
    Task<ProposalRecord> UpdateProposalAsync(string id, Proposal edited, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts proposals in one transaction: creates the actors they name that the graph lacks, writes each as evidence on
    /// its relationship (corroboration and conflicting figures as any write), and marks them accepted.
    /// </summary>
    Task<IReadOnlyList<ProposalRecord>> AcceptProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Rejects proposals in one transaction; they stay remembered.</summary>
    Task<IReadOnlyList<ProposalRecord>> RejectProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default);

    /// <summary>Review decisions per extractor rule: accepted, rejected, pending and the precision so far.</summary>
    Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default);
}

/// <summary>A document as ingested: the graph's document plus how it came in.</summary>
/// <param name="Document">The document (text verbatim, offsets count in it).</param>
/// <param name="Format">The format it was read from (<c>text</c>, <c>markdown</c>, <c>html</c>, <c>pdf</c>, <c>docx</c>).</param>
/// <param name="Language">ISO 639-1 language code, when known.</param>
/// <param name="PublisherName">The publisher as the document or caller names it (the graph's publisher is an actor id).</param>
/// <param name="Source">Where it was read from: a path, a URL, <c>stdin</c>, <c>api</c>.</param>
/// <param name="Version">1 for the first text seen at its URL, then 2, 3...</param>
/// <param name="PreviousVersion">The document this one replaces (same URL, different text), if any.</param>
/// <param name="IngestedAt">When it was ingested.</param>
public sealed record StoredDocument(
    Document Document,
    string Format,
    string? Language,
    string? PublisherName,
    string? Source,
    int Version,
    DocumentId? PreviousVersion,
    DateTimeOffset IngestedAt);

/// <summary>A proposal in the review queue.</summary>
/// <param name="Proposal">The proposal as it stands (after any edit).</param>
/// <param name="Status">Pending, accepted or rejected.</param>
/// <param name="CreatedAt">When it was proposed.</param>
/// <param name="ReviewedAt">When it was accepted or rejected.</param>
/// <param name="ReviewNote">The reviewer's note.</param>
/// <param name="Edited">True once an analyst edited it.</param>
/// <param name="OriginalId">
/// The id the extractor gave it, when an edit changed its id (an edit of type, ends or span makes another reading, so
/// another id); null when unedited. Re-extraction skips both ids.
/// </param>
public sealed record ProposalRecord(Proposal Proposal, ProposalStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt = null, string? ReviewNote = null, bool Edited = false, string? OriginalId = null)
{
    /// <summary>The proposal's id.</summary>
    public string Id => Proposal.Id;
}

/// <summary>Which proposals to list.</summary>
public sealed record ProposalQuery(DocumentId? Document = null, ProposalStatus? Status = null, double MinConfidence = 0, string? Rule = null, int Limit = 100, int Offset = 0)
{
    /// <summary>Most proposals one query returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Checks the paging bounds, naming what is allowed; every store calls it.</summary>
    public ProposalQuery Validated() =>
        Limit is < 1 or > MaxLimit || Offset < 0
            ? throw new Errors.InvalidArgumentException("limit", $"limit must be between 1 and {MaxLimit} and offset 0 or more; got limit {Limit}, offset {Offset}.")
            : this;
}

/// <summary>A full-text hit: a document, or a quote of an edge's evidence, with a snippet around the match.</summary>
/// <param name="Document">The document the hit is in.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Snippet">Text around the match, with the matched words marked by [ and ].</param>
/// <param name="Edge">The relationship whose evidence quote matched; null for a match in a document's text.</param>
/// <param name="Start">Offset of the quote in the document for a quote hit; null for a document hit.</param>
/// <param name="Rank">Relevance, higher is better.</param>
public sealed record TextHit(DocumentId Document, string Title, string Snippet, RelationshipKey? Edge, int? Start, double Rank);

/// <summary>How analysts have judged one extractor rule.</summary>
public sealed record RulePrecision(string Rule, int Accepted, int Rejected, int Pending)
{
    /// <summary>Accepted over decided; null before any decision.</summary>
    public double? Precision => Accepted + Rejected == 0 ? null : (double)Accepted / (Accepted + Rejected);
}
