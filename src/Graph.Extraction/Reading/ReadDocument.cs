using Graph.Core.Model;

namespace Graph.Extraction.Reading;

/// <summary>The formats a document can arrive in.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Markdown.</summary>
    Markdown,

    /// <summary>An HTML page (its main article text is kept).</summary>
    Html,

    /// <summary>PDF.</summary>
    Pdf,

    /// <summary>Word (Office Open XML).</summary>
    Docx,
}

/// <summary>What a document says about itself; every field may be missing, and the caller may override each.</summary>
public sealed record DocumentMetadata(string? Title = null, string? Publisher = null, string? Url = null, PartialDate? Published = null, string? Language = null)
{
    /// <summary>These fields, each replaced by the override's where the override has one.</summary>
    public DocumentMetadata OverriddenBy(DocumentMetadata? overrides) =>
        overrides is null
            ? this
            : new(overrides.Title ?? Title, overrides.Publisher ?? Publisher, overrides.Url ?? Url, overrides.Published ?? Published, overrides.Language ?? Language);
}

/// <summary>A document read into text: the text exactly as every later offset counts it, its format and metadata.</summary>
/// <param name="Source">Where it came from, for messages (a path, a URL, <c>stdin</c>, <c>api</c>).</param>
/// <param name="Format">The format detected.</param>
/// <param name="Text">The extracted text.</param>
/// <param name="Metadata">What the document says about itself.</param>
public sealed record ReadDocument(string Source, DocumentFormat Format, string Text, DocumentMetadata Metadata);

/// <summary>A document that cannot be read: names the source and what was wrong with it.</summary>
public sealed class DocumentReadException(string source, string problem)
    : Exception($"{source}: {problem}")
{
    /// <summary>The file, URL or input that failed.</summary>
    public string SourceName { get; } = source;

    /// <summary>What was wrong, and what is allowed.</summary>
    public string Problem { get; } = problem;
}
