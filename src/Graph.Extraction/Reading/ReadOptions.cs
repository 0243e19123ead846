namespace Graph.Extraction.Reading;

/// <summary>How <see cref="DocumentReader"/> reads one document: the size limit, what the caller knows of the format, and metadata that wins over the document's own.</summary>
public sealed record ReadOptions
{
    /// <summary>The default size limit: 10 MiB.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>Documents larger than this are refused before any parsing.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// A file name or extension (<c>report.pdf</c>, <c>.md</c>, <c>html</c>) or a MIME content type
    /// (<c>text/html; charset=utf-8</c>); a charset parameter in it is used like <see cref="Charset"/>.
    /// Binary signatures in the content win over it.
    /// </summary>
    public string? FormatHint { get; init; }

    /// <summary>A text encoding the caller knows (an HTTP charset); a byte-order mark still wins, as browsers do.</summary>
    public string? Charset { get; init; }

    /// <summary>Metadata the caller states; each field set here replaces what the document says.</summary>
    public DocumentMetadata? Overrides { get; init; }
}
