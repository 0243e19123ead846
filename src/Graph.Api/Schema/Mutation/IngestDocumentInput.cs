using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>IngestDocumentInput</c> input type: a document to ingest and what the caller knows about it.</summary>
internal static class IngestDocumentInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("IngestDocumentInput", t => t
        .Description("A document to ingest: its text, or its file's bytes in base64 (text, Markdown, HTML, PDF or DOCX), and what the caller knows about it. What the caller gives wins over what the document says.")
        .Field("text", Scalars.String, f => f.Description("The document as text (plain, Markdown or HTML). Give exactly one of `text` and `contentBase64`."))
        .Field("contentBase64", Scalars.String, f => f.Description("The file's bytes in base64 (any supported format; the format and encoding are detected)."))
        .Field("fileName", Scalars.String, f => f.Description("The file's name, a hint for the format (`report.pdf`)."))
        .Field("title", Scalars.String, f => f.Description("The title, instead of the one the document gives."))
        .Field("publisher", Scalars.String, f => f.Description("The publisher's name."))
        .Field("url", Scalars.String, f => f.Description("Where it was published (http or https). A new text at a known URL is a new version."))
        .Field("published", Types.Ref("PartialDate"), f => f.Description("Publication date: `2025`, `2025-02` or `2025-02-09`."))
        .Field("language", Scalars.String, f => f.Description("ISO 639-1 language code, e.g. `en`."))
        .Field("autoAcceptAbove", Scalars.Float, f => f.Description("Accept proposals at or above this confidence (0..1) at once; by default every proposal waits for review.")));
}
