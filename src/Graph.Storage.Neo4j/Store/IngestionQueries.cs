using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// Every Cypher statement of ingestion (documents as ingested, the proposal queue, full-text search). As in
/// <see cref="CypherQueries"/>, values are always parameters; the only text spliced in is fixed here.
/// </summary>
public static class IngestionQueries
{
    /// <summary>The full-text index over document titles and texts (cypher/schema.cypher).</summary>
    public const string DocumentTextIndex = "document_texts";

    /// <summary>The full-text index over evidence quotes (cypher/schema.cypher).</summary>
    public const string EvidenceQuoteIndex = "evidence_quotes";

    private const string StoredTail = $$"""
        OPTIONAL MATCH (d)-[:PREVIOUS_VERSION]->(prior:Document)
        RETURN d {{CypherQueries.DocumentColumns}} AS document, d {{IngestionProperties.RecordColumns}} AS record, prior.id AS previousId
        """;

    // ---- documents as ingested ----

    /// <summary>Ingested documents by id (a document only the graph holds has no ingestion record and is left out).</summary>
    public static CypherStatement StoredDocuments(IReadOnlyCollection<DocumentId> ids) => new(
        """
        UNWIND $ids AS id
        MATCH (d:Document {id: id})
        WHERE d.ingestedAt IS NOT NULL

        """ + StoredTail,
        new Dictionary<string, object?> { ["ids"] = ids.Select(i => i.Value).Distinct().ToArray() });

    /// <summary>The first document with this content hash (a curated one counts: it has no ingestion record).</summary>
    public static CypherStatement StoredByContentHash(string contentHash) => new(
        """
        MATCH (d:Document {contentHash: $contentHash})
        WITH d
        ORDER BY d.ingestedAt, d.id
        LIMIT 1

        """ + StoredTail,
        new Dictionary<string, object?> { ["contentHash"] = contentHash });

    /// <summary>The latest version at this URL (a curated document counts as version 1).</summary>
    public static CypherStatement LatestByUrl(string url) => new(
        """
        MATCH (d:Document {url: $url})
        WITH d
        ORDER BY coalesce(d.version, 1) DESC, d.ingestedAt DESC
        LIMIT 1

        """ + StoredTail,
        new Dictionary<string, object?> { ["url"] = url });

    /// <summary>
    /// Records how a document came in, once: a document already ingested keeps its record. Links it to the version it
    /// replaces.
    /// </summary>
    public static CypherStatement RecordIngestion(StoredDocument stored) => new(
        """
        MATCH (d:Document {id: $id})
        WHERE d.ingestedAt IS NULL
        SET d.format = $format, d.language = $language, d.publisherName = $publisherName, d.source = $source,
          d.version = $version, d.ingestedAt = $ingestedAt
        WITH d
        OPTIONAL MATCH (prior:Document {id: $previousId})
        FOREACH (p IN CASE WHEN prior IS NULL THEN [] ELSE [prior] END | MERGE (d)-[:PREVIOUS_VERSION]->(p))
        """,
        new Dictionary<string, object?>
        {
            ["id"] = stored.Document.Id.Value,
            ["format"] = stored.Format,
            ["language"] = stored.Language,
            ["publisherName"] = stored.PublisherName,
            ["source"] = stored.Source,
            ["version"] = (long)stored.Version,
            ["ingestedAt"] = IngestionProperties.Timestamp(stored.IngestedAt),
            ["previousId"] = stored.PreviousVersion?.Value,
        });

    // ---- proposals ----

    /// <summary>The ids of a document's proposals.</summary>
    public static CypherStatement ProposalIds(DocumentId document) => new(
        """
        MATCH (p:Proposal)-[:PROPOSED_FROM]->(:Document {id: $document})
        RETURN p.id AS id
        """,
        new Dictionary<string, object?> { ["document"] = document.Value });

    /// <summary>Creates proposals (rows from <see cref="IngestionProperties.Proposal"/>), each linked to its document.</summary>
    public static CypherStatement CreateProposals(IReadOnlyList<Dictionary<string, object?>> rows) => new(
        """
        UNWIND $rows AS row
        MATCH (d:Document {id: row.documentId})
        CREATE (p:Proposal)
        SET p = row
        CREATE (p)-[:PROPOSED_FROM]->(d)
        """,
        new Dictionary<string, object?> { ["rows"] = rows });

    /// <summary>Proposals by id.</summary>
    public static CypherStatement GetProposals(IReadOnlyCollection<string> ids) => new(
        $$"""
        UNWIND $ids AS id
        MATCH (p:Proposal {id: id})
        RETURN p {{IngestionProperties.ProposalColumns}} AS proposal
        """,
        new Dictionary<string, object?> { ["ids"] = ids.Distinct(StringComparer.Ordinal).ToArray() });

    /// <summary>
    /// Proposals passing the filter, in document order (document, quote start, id), paged. Always anchored on the
    /// range index <c>proposal_document</c>: a seek for one document, otherwise <c>p.documentId IS NOT NULL</c>, an
    /// index scan that returns the proposals in <c>documentId</c> order, so the sort only orders each document's
    /// proposals by start and id (a partial sort) and LIMIT stops once the page is full instead of sorting the whole
    /// queue. Every proposal has a <c>documentId</c> (<see cref="CreateProposals"/> creates one only for a row whose
    /// document it matched, and nothing removes it), so the predicate leaves no proposal out.
    /// </summary>
    public static CypherStatement QueryProposals(ProposalQuery query)
    {
        var parameters = new Dictionary<string, object?> { ["minConfidence"] = query.MinConfidence };
        var text = "MATCH (p:Proposal)\n";
        if (query.Document is { Value: not null } document)
        {
            text += "WHERE p.documentId = $document";
            parameters["document"] = document.Value;
        }
        else
        {
            text += "WHERE p.documentId IS NOT NULL";
        }

        text += "\n  AND p.confidence >= $minConfidence";

        if (query.Status is { } status)
        {
            text += "\n  AND p.status = $status";
            parameters["status"] = IngestionProperties.Status(status);
        }

        if (query.Rule is { } rule)
        {
            text += "\n  AND p.rule = $rule";
            parameters["rule"] = rule;
        }

        text += $$"""

            RETURN p {{IngestionProperties.ProposalColumns}} AS proposal
            ORDER BY p.documentId, p.start, p.id
            SKIP $offset
            LIMIT $limit
            """;
        parameters["offset"] = (long)query.Offset;
        parameters["limit"] = (long)query.Limit;
        return new CypherStatement(text, parameters);
    }

    /// <summary>The ids (current and original) of a document's rejected proposals.</summary>
    public static CypherStatement RejectedIds(DocumentId document) => new(
        """
        MATCH (p:Proposal)-[:PROPOSED_FROM]->(:Document {id: $document})
        WHERE p.status = $status
        RETURN p.id AS id, p.originalId AS originalId
        """,
        new Dictionary<string, object?> { ["document"] = document.Value, ["status"] = IngestionProperties.Status(ProposalStatus.Rejected) });

    /// <summary>Replaces a pending proposal with its edit; a changed id re-keys the node, the original kept.</summary>
    public static CypherStatement UpdateProposal(string id, ProposalRecord updated) => new(
        """
        MATCH (p:Proposal {id: $id})
        SET p.id = $newId, p.json = $json, p.rule = $rule, p.confidence = $confidence, p.start = $start,
          p.edited = true, p.originalId = $originalId
        """,
        new Dictionary<string, object?>
        {
            ["id"] = id,
            ["newId"] = updated.Id,
            ["json"] = IngestionProperties.Json(updated.Proposal),
            ["rule"] = updated.Proposal.Rule,
            ["confidence"] = updated.Proposal.Confidence,
            ["start"] = (long)updated.Proposal.Start,
            ["originalId"] = updated.OriginalId ?? updated.Id,
        });

    /// <summary>Marks proposals accepted or rejected.</summary>
    public static CypherStatement DecideProposals(IReadOnlyCollection<string> ids, ProposalStatus decision, DateTimeOffset at, string? note) => new(
        """
        UNWIND $ids AS id
        MATCH (p:Proposal {id: id})
        SET p.status = $status, p.reviewedAt = $reviewedAt, p.reviewNote = $note
        """,
        new Dictionary<string, object?>
        {
            ["ids"] = ids.Distinct(StringComparer.Ordinal).ToArray(),
            ["status"] = IngestionProperties.Status(decision),
            ["reviewedAt"] = IngestionProperties.Timestamp(at),
            ["note"] = note,
        });

    /// <summary>Accepted, rejected and pending counts per extractor rule.</summary>
    public static CypherStatement RulePrecision() => new(
        """
        MATCH (p:Proposal)
        RETURN p.rule AS rule,
          sum(CASE WHEN p.status = $accepted THEN 1 ELSE 0 END) AS accepted,
          sum(CASE WHEN p.status = $rejected THEN 1 ELSE 0 END) AS rejected,
          sum(CASE WHEN p.status = $pending THEN 1 ELSE 0 END) AS pending
        ORDER BY rule
        """,
        new Dictionary<string, object?>
        {
            ["accepted"] = IngestionProperties.Status(ProposalStatus.Accepted),
            ["rejected"] = IngestionProperties.Status(ProposalStatus.Rejected),
            ["pending"] = IngestionProperties.Status(ProposalStatus.Pending),
        });

    // ---- full-text search ----

    /// <summary>
    /// Both full-text indexes, up to <paramref name="limit"/> hits each: documents (their text) and evidence quotes
    /// (with the edge and the cited document). <paramref name="lucene"/> must come from <see cref="FullTextQuery"/>.
    /// </summary>
    public static CypherStatement SearchText(string lucene, int limit) => new(
        """
        CALL db.index.fulltext.queryNodes($documentIndex, $query, {limit: $limit}) YIELD node, score
        RETURN node.id AS documentId, node.title AS title, node.text AS text, null AS edgeId, null AS start, score
        UNION ALL
        CALL db.index.fulltext.queryNodes($quoteIndex, $query, {limit: $limit}) YIELD node, score
        MATCH (node)-[:CITES]->(d:Document)
        RETURN d.id AS documentId, d.title AS title, node.quote AS text, node.edgeId AS edgeId, node.start AS start, score
        """,
        new Dictionary<string, object?>
        {
            ["documentIndex"] = DocumentTextIndex,
            ["quoteIndex"] = EvidenceQuoteIndex,
            ["query"] = lucene,
            ["limit"] = (long)limit,
        });
}
