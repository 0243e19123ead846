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
/// <param name="Title">The headline.</param>
/// <param name="Publisher">Who published it (a site, an agency, a newspaper), not who wrote it.</param>
/// <param name="Url">Where it is published (canonical URL when the page names one).</param>
/// <param name="Published">When it was published, at the precision the document gives.</param>
/// <param name="Language">A language tag such as <c>en</c>.</param>
/// <param name="Author">Who wrote it (a byline), kept apart from the publisher.</param>
public sealed record DocumentMetadata(string? Title = null, string? Publisher = null, string? Url = null, PartialDate? Published = null, string? Language = null, string? Author = null)
{
    /// <summary>No metadata at all.</summary>
    public static DocumentMetadata Empty { get; } = new();

    /// <summary>These fields, each replaced by the override's where the override has one.</summary>
    public DocumentMetadata OverriddenBy(DocumentMetadata? overrides) =>
        overrides is null
            ? this
            : new(overrides.Title ?? Title, overrides.Publisher ?? Publisher, overrides.Url ?? Url, overrides.Published ?? Published, overrides.Language ?? Language, overrides.Author ?? Author);

    /// <summary>
    /// Metadata from text a caller typed (command-line switches, API fields): blanks become missing, and a malformed
    /// date, URL or language throws a <see cref="DocumentReadException"/> naming <paramref name="source"/> and the field.
    /// </summary>
    public static DocumentMetadata Parse(string source, string? title = null, string? publisher = null, string? url = null, string? published = null, string? language = null, string? author = null) =>
        new(Blank(title), Blank(publisher), ParseUrl(source, url), ParseDate(source, published), ParseLanguage(source, language), Blank(author));

    /// <summary>A date of year, month or day precision, or null for a blank; otherwise a <see cref="DocumentReadException"/> that shows the allowed forms.</summary>
    public static PartialDate? ParseDate(string source, string? text, string field = "published")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return PartialDate.TryParse(text.Trim(), out var date)
            ? date
            : throw new DocumentReadException(source, $"the {field} date '{text}' is not a date; allowed forms are a year '2025', a month '2025-02' or a day '2025-02-09'.");
    }

    /// <summary>An absolute http or https URL, or null for a blank; otherwise a <see cref="DocumentReadException"/>.</summary>
    public static string? ParseUrl(string source, string? text, string field = "url")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : throw new DocumentReadException(source, $"the {field} '{text}' is not an absolute http or https URL such as 'https://example.com/news/1'.");
    }

    /// <summary>A language tag such as <c>en</c> or <c>pt-BR</c> (lower-cased primary subtag), or null for a blank; otherwise a <see cref="DocumentReadException"/>.</summary>
    public static string? ParseLanguage(string source, string? text, string field = "language")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return LanguageTag.Normalize(text)
            ?? throw new DocumentReadException(source, $"the {field} '{text}' is not a language tag; allowed are two or three letters with an optional region, such as 'en', 'fr' or 'pt-BR'.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A document read into text: the text exactly as every later offset counts it, its format and metadata.</summary>
/// <param name="Source">Where it came from, for messages (a path, a URL, <c>stdin</c>, <c>api</c>).</param>
/// <param name="Format">The format detected.</param>
/// <param name="Text">The extracted text.</param>
/// <param name="Metadata">What the document says about itself.</param>
public sealed record ReadDocument(string Source, DocumentFormat Format, string Text, DocumentMetadata Metadata)
{
    /// <summary>SHA-256 of the UTF-8 text, lower-case hex, as <see cref="Document.Hash"/> computes it for stored documents.</summary>
    public string ContentHash => Document.Hash(Text);
}

/// <summary>A document that cannot be read: names the source and what was wrong with it.</summary>
public sealed class DocumentReadException(string source, string problem)
    : Exception($"{source}: {problem}")
{
    /// <summary>The file, URL or input that failed.</summary>
    public string SourceName { get; } = source;

    /// <summary>What was wrong, and what is allowed.</summary>
    public string Problem { get; } = problem;
}
