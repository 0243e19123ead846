using System.Globalization;

namespace Graph.Extraction.Reading;

/// <summary>
/// Reads a document's bytes into text and metadata: detects the format (PDF, DOCX, HTML, Markdown, plain text) and the
/// text encoding, keeps an HTML page's article only, and normalizes line endings to '\n' so later offsets count in
/// the text as stored. A pure function of the bytes: no network, no files, no store.
/// </summary>
public static class DocumentReader
{
    /// <summary>
    /// Reads one document. <paramref name="source"/> names it in messages and, when it is an http(s) URL, resolves
    /// relative links. Throws <see cref="DocumentReadException"/> (naming the source, the problem and what is allowed)
    /// for empty, blank, oversized, binary, encrypted or broken input and for a format the reader does not take.
    /// </summary>
    public static ReadDocument Read(ReadOnlyMemory<byte> content, string source, ReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        options ??= new ReadOptions();
        if (options.MaxBytes <= 0)
        {
            throw new DocumentReadException(source, $"the size limit must be positive, not {options.MaxBytes} bytes.");
        }

        if (content.Length == 0)
        {
            throw new DocumentReadException(source, $"is empty (0 bytes); a document with text is required ({FormatDetector.Allowed}).");
        }

        if (content.Length > options.MaxBytes)
        {
            throw TooLarge(source, content.Length, options.MaxBytes);
        }

        try
        {
            return ReadChecked(content, source, options);
        }
        catch (Exception e) when (e is not (DocumentReadException or OutOfMemoryException or OperationCanceledException))
        {
            // A parser's own failure on odd input is still a bad document to the caller, not a crash of its batch.
            throw new DocumentReadException(source, $"could not be read ({e.GetType().Name}: {e.Message.TrimEnd('.')}); check that the file is a complete, well-formed document; {FormatDetector.Allowed}.");
        }
    }

    /// <summary>Text with every CRLF and lone CR turned into LF.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static ReadDocument ReadChecked(ReadOnlyMemory<byte> content, string source, ReadOptions options)
    {
        var hint = FormatDetector.ParseHint(options.FormatHint ?? ExtensionOf(source), options.Charset);
        var format = FormatDetector.DetectBinary(content.Span, source, hint);
        var baseUrl = options.Overrides?.Url ?? (IsHttpUrl(source) ? source : null);

        (string Text, DocumentMetadata Metadata) read;
        if (format == DocumentFormat.Pdf)
        {
            read = PdfText.Read(content, source);
        }
        else if (format == DocumentFormat.Docx)
        {
            read = DocxText.Read(content, source);
        }
        else
        {
            var declared = hint.Charset ?? FormatDetector.DeclaredCharset(content.Span);
            var (encoding, bomLength) = TextDecoder.Detect(content.Span, declared);
            var decoded = NormalizeLineEndings(TextDecoder.Decode(content.Span, encoding, bomLength));
            FormatDetector.RejectBinaryText(decoded, source);
            RejectBlank(decoded, source);

            format = FormatDetector.DetectText(decoded, hint);
            read = format switch
            {
                DocumentFormat.Html => HtmlArticle.Read(decoded, baseUrl),
                DocumentFormat.Markdown => MarkdownText.Read(decoded),
                _ => (decoded, DocumentMetadata.Empty),
            };
        }

        var text = NormalizeLineEndings(read.Text);
        if (format != DocumentFormat.Text)
        {
            RejectBlank(text, source, format);
        }

        var found = Fill(read.Metadata, TextMetadata.FromText(text));
        if (found.Language is null && LanguageGuesser.Guess(text) is { } language)
        {
            found = found with { Language = language };
        }

        return new ReadDocument(source, format.Value, text, found.OverriddenBy(options.Overrides));
    }

    /// <summary>The error for content over the limit, in the words every source uses.</summary>
    public static DocumentReadException TooLarge(string source, long size, long limit) =>
        new(source, $"is too large: {Size(size)} is over the limit of {Size(limit)}; split the document or raise the size limit.");

    /// <summary>A byte count for people: "12.3 MB (12,897,484 bytes)".</summary>
    public static string Size(long bytes) =>
        bytes switch
        {
            >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB ({bytes:N0} bytes)"),
            >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB ({bytes:N0} bytes)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
        };

    private static void RejectBlank(string text, string source, DocumentFormat? format = null)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var problem = format switch
        {
            DocumentFormat.Html => "is an HTML page with no article text (nothing readable remains once menus, scripts and boilerplate are removed)",
            DocumentFormat.Markdown => "is a Markdown document with no text (only front matter, images or markup)",
            DocumentFormat.Docx => "is a Word document with no text",
            DocumentFormat.Pdf => "is a PDF with no text",
            _ => "contains only whitespace",
        };
        throw new DocumentReadException(source, $"{problem}; a document with text is required.");
    }

    /// <summary>Each field the format left missing, taken from what the text's own lines say.</summary>
    private static DocumentMetadata Fill(DocumentMetadata primary, DocumentMetadata fallback) =>
        new(
            primary.Title ?? fallback.Title,
            primary.Publisher ?? fallback.Publisher,
            primary.Url ?? fallback.Url,
            primary.Published ?? fallback.Published,
            primary.Language ?? fallback.Language,
            primary.Author ?? fallback.Author);

    /// <summary>The extension of a path or URL source (".pdf"), so a named file needs no separate hint.</summary>
    private static string? ExtensionOf(string source)
    {
        var path = IsHttpUrl(source) ? new Uri(source).AbsolutePath : source;
        try
        {
            var extension = Path.GetExtension(path);
            return extension.Length > 1 ? extension : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsHttpUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
