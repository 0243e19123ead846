using Graph.GraphQL.Type;
using Graph.Ingest.Ingestion;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>IngestOutcome</c> enum: what ingesting a document did.</summary>
public static class IngestOutcomeEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("IngestOutcome", e => e
        .Description("What ingesting a document did.")
        .Value("CREATED", IngestOutcome.Created, v => v.Description("A new document was stored and read."))
        .Value("DUPLICATE", IngestOutcome.Duplicate, v => v.Description("The same text is already stored: nothing was written."))
        .Value("NEW_VERSION", IngestOutcome.NewVersion, v => v.Description("The URL was ingested before with another text: a new version was stored, linked to the previous one."))
        .Value("REEXTRACTED", IngestOutcome.Reextracted, v => v.Description("A stored document was read again; only new proposals were added.")));
}
