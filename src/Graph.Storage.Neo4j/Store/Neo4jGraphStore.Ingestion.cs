using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// Ingestion on Neo4j is not built yet: every call refuses with <see cref="IngestionNotSupportedException"/>, so a
/// caller configured for Neo4j learns it plainly instead of getting a half-working review queue.
/// </summary>
public sealed partial class Neo4jGraphStore : IIngestionStore
{
    /// <inheritdoc />
    public Task<StoredDocument?> FindByContentHashAsync(string contentHash, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<StoredDocument?> FindLatestByUrlAsync(string url, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<StoredDocument?> GetStoredDocumentAsync(DocumentId id, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task SaveIngestedAsync(StoredDocument document, IReadOnlyCollection<ProposalRecord> proposals, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<TextHit>> SearchTextAsync(string query, int limit = 20, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> GetProposalsAsync(ProposalQuery query, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<ProposalRecord?> GetProposalAsync(string id, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> GetRejectedProposalIdsAsync(DocumentId document, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<ProposalRecord> UpdateProposalAsync(string id, Proposal edited, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> AcceptProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<ProposalRecord>> RejectProposalsAsync(IReadOnlyCollection<string> ids, string? note = null, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<RulePrecision>> GetRulePrecisionAsync(CancellationToken cancellationToken = default) => throw NotBuilt();

    private static IngestionNotSupportedException NotBuilt() => new();
}

/// <summary>Ingestion (documents as ingested, proposals, full-text search) is not built for the Neo4j store yet.</summary>
public sealed class IngestionNotSupportedException()
    : GraphException("NOT_SUPPORTED", "Ingestion on Neo4j is not built yet: ingest and review with the embedded store (Graph__Store=embedded), then copy the graph with 'sync'.")
{
}
