using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The names the graph uses in Neo4j: labels, relationship types and property keys. The Cypher linter checks every
/// statement against exactly these, so a misspelt label or key fails the build instead of matching nothing at run time.
/// </summary>
public static class Neo4jGraphSchema
{
    /// <summary>Links that are not assertions: provenance and publishing.</summary>
    public static readonly IReadOnlyList<string> ProvenanceTypes = ["PUBLISHED", "CITES", "ABOUT", "ATTRIBUTED_TO"];

    /// <summary>Links of ingestion: a document's earlier version, a proposal's document.</summary>
    public static readonly IReadOnlyList<string> IngestionTypes = ["PREVIOUS_VERSION", "PROPOSED_FROM"];

    /// <summary>
    /// <c>Actor</c>, a label per node kind, <c>Document</c>, <c>Evidence</c>, ingestion's <c>Proposal</c> and the schema
    /// version marker's <c>GraphSchema</c>.
    /// </summary>
    public static IReadOnlyList<string> Labels =>
        ["Actor", .. GraphOntology.Kinds.Select(GraphProperties.Label), "Document", "Evidence", "Proposal", "GraphSchema"];

    /// <summary>Every ontology relationship type (UPPER_SNAKE), the provenance links and ingestion's links.</summary>
    public static IReadOnlyList<string> RelationshipTypes =>
        [.. GraphOntology.Rules.Select(r => r.Name), .. ProvenanceTypes, .. IngestionTypes];

    /// <summary>Keys of the parameter maps the store's statements unwind (<c>row.from</c>, <c>row.props</c>): the linter checks map keys like property keys.</summary>
    public static readonly IReadOnlyList<string> ParameterMapKeys = ["from", "to", "props"];

    /// <summary>Every property key written on nodes and relationships.</summary>
    public static IReadOnlyList<string> PropertyKeys =>
    [
        .. new[]
        {
            // actors
            "id", "kind", "name", "aliases", "aliasText", "foldedName", "foldedNames", "nameKeys", "description", "attributesJson",
            // documents
            "title", "publisher", "url", "published", "publishedKey", "text", "contentHash",
            // edges
            "qualifier", "confidence", "evidenceCount", "documents", "validStart", "validEnd",
            // evidence and its links
            "edgeId", "type", "ordinal", "documentId", "quote", "foldedQuote", "start", "end", "attributedTo", "stance", "extractor",
            // ingestion: a document's record, proposals
            "format", "language", "publisherName", "source", "version", "ingestedAt",
            "status", "rule", "createdAt", "reviewedAt", "reviewNote", "edited", "originalId", "json",
            // the schema version marker (version is also a document's)
            "key",
        }.Concat(EdgeAttributes.FieldNames).Distinct(StringComparer.Ordinal),
    ];
}
