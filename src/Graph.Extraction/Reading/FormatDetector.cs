using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Extraction.Reading;

/// <summary>What a caller's hint says: a format, a charset, and how to name the hint in messages.</summary>
internal sealed record FormatHint(DocumentFormat? Format, string? Charset, string? Label)
{
    /// <summary>No hint.</summary>
    public static FormatHint None { get; } = new(null, null, null);
}

/// <summary>Which format a document is in, from its leading bytes first and the caller's extension or content type second.</summary>
internal static partial class FormatDetector
{
    /// <summary>How messages list the formats the reader takes.</summary>
    public const string Allowed = "allowed formats are plain text (.txt), Markdown (.md), HTML (.html, .htm), PDF (.pdf) and Word (.docx)";

    private static readonly (byte[] Magic, string What)[] _binarySignatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office binary file (.doc, .xls or .ppt; save it as .docx)"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ("MZ"u8.ToArray(), "a Windows executable"),
        ("BM"u8.ToArray(), "a BMP image"),
        ("SQLite format 3"u8.ToArray(), "an SQLite database"),
        ("ID3"u8.ToArray(), "an MP3 audio file"),
        ("OggS"u8.ToArray(), "an Ogg media file"),
        ("fLaC"u8.ToArray(), "a FLAC audio file"),
        ("wOFF"u8.ToArray(), "a web font"),
        ("{\\rtf"u8.ToArray(), "an RTF document (save it as .docx or .txt)"),
    ];

    /// <summary>The format a hint names, the charset it carries, and its text for messages.</summary>
    public static FormatHint ParseHint(string? hint, string? charset)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return new(null, charset, null);
        }

        hint = hint.Trim();
        if (hint.Contains('/') && !hint.Contains('\\') && MimeType().Match(hint) is { Success: true } mime)
        {
            var type = mime.Groups["type"].Value.ToLowerInvariant();
            var declared = CharsetParameter().Match(hint);
            var format = type switch
            {
                "text/html" or "application/xhtml+xml" => DocumentFormat.Html,
                "text/markdown" or "text/x-markdown" => DocumentFormat.Markdown,
                "text/plain" => DocumentFormat.Text,
                "application/pdf" or "application/x-pdf" => DocumentFormat.Pdf,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => DocumentFormat.Docx,
                _ => (DocumentFormat?)null,
            };
            return new(format, charset ?? (declared.Success ? declared.Groups["charset"].Value : null), $"content type '{type}'");
        }

        var extension = Path.GetExtension(hint);
        extension = (extension.Length > 0 ? extension[1..] : hint).ToLowerInvariant();
        var byExtension = extension switch
        {
            "html" or "htm" or "xhtml" or "shtml" => DocumentFormat.Html,
            "md" or "markdown" or "mdown" or "mkd" or "mkdn" => DocumentFormat.Markdown,
            "txt" or "text" => DocumentFormat.Text,
            "pdf" => DocumentFormat.Pdf,
            "docx" => DocumentFormat.Docx,
            _ => (DocumentFormat?)null,
        };
        return new(byExtension, charset, $"extension '.{extension}'");
    }

    /// <summary>PDF, DOCX, or null for a text format; throws for other binary content and for a hint the content contradicts.</summary>
    public static DocumentFormat? DetectBinary(ReadOnlySpan<byte> bytes, string source, FormatHint hint)
    {
        // The PDF header may follow a little junk, and PDF readers look for it within the first kilobyte; for a file
        // not named as a PDF it must come first, or an article quoting "%PDF-" would pass for one.
        var pdfAt = bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8);
        if (pdfAt == 0 || (pdfAt > 0 && (hint.Format == DocumentFormat.Pdf || bytes[..pdfAt].Trim(" \t\r\n"u8).IsEmpty)))
        {
            return DocumentFormat.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]))
        {
            return IsWordPackage(bytes, source, hint) ? DocumentFormat.Docx : throw NotWord(source);
        }

        // Short signatures such as "MZ" or "BM" also start words, so they count only where the bytes are not plain ASCII text.
        var head = bytes[..Math.Min(bytes.Length, 512)];
        var plainAscii = !head.ContainsAnyExceptInRange((byte)0x09, (byte)0x7E);
        foreach (var (magic, what) in _binarySignatures)
        {
            if (bytes.StartsWith(magic) && (!plainAscii || magic[0] == (byte)'{'))
            {
                if (magic[0] == 0xD0 && hint.Format == DocumentFormat.Docx)
                {
                    // Word stores a password-protected .docx inside an OLE compound file.
                    throw new DocumentReadException(source, "is a password-protected (encrypted) Word document, or an old .doc renamed; remove the password or save it as .docx from Word, then read it again.");
                }

                throw new DocumentReadException(source, $"looks like {what}, not a document; {Allowed}.");
            }
        }

        return hint.Format switch
        {
            DocumentFormat.Pdf => throw new DocumentReadException(source, $"has the {hint.Label} of a PDF but does not start with '%PDF-': it is not a PDF, or its start is damaged; {Allowed}."),
            DocumentFormat.Docx => throw new DocumentReadException(source, $"has the {hint.Label} of a Word document but is not a ZIP package (no 'PK' header): the .docx is broken; {Allowed}."),
            _ => null,
        };
    }

    /// <summary>Throws when decoded text is really binary data: NUL or control characters a text never has.</summary>
    public static void RejectBinaryText(string text, string source)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        if ((control >= 2 && control * 100 > sample.Length) || (control > 0 && control == sample.Length))
        {
            throw new DocumentReadException(source, $"looks like binary data, not text ({control} control or undecodable characters in the first {sample.Length}); {Allowed}.");
        }
    }

    /// <summary>HTML, Markdown or plain text for decoded text, the hint deciding when it names a text format.</summary>
    public static DocumentFormat DetectText(string text, FormatHint hint)
    {
        if (hint.Format is DocumentFormat.Html or DocumentFormat.Markdown or DocumentFormat.Text)
        {
            return hint.Format.Value;
        }

        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (HtmlStart().IsMatch(head) || HtmlFragment().IsMatch(head))
        {
            return DocumentFormat.Html;
        }

        return MarkdownText.HasStrongCues(text) ? DocumentFormat.Markdown : DocumentFormat.Text;
    }

    /// <summary>The charset an HTML meta tag or XML declaration names in the first kilobyte, read as ASCII.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var meta = MetaCharset().Match(head);
        if (meta.Success)
        {
            var name = meta.Groups["charset"].Value;

            // A page that reached us as ASCII-compatible bytes cannot be UTF-16, whatever its meta tag says (HTML spec).
            return name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) ? "utf-8" : name;
        }

        var xml = XmlEncoding().Match(head);
        return xml.Success ? xml.Groups["charset"].Value : null;
    }

    private static bool IsWordPackage(ReadOnlySpan<byte> bytes, string source, FormatHint hint)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException e)
        {
            var what = hint.Format == DocumentFormat.Docx ? "is a broken Word document" : "is a broken ZIP archive";
            throw new DocumentReadException(source, $"{what} ({e.Message.TrimEnd('.')}); a .docx must be a complete ZIP package with word/document.xml.");
        }
    }

    private static DocumentReadException NotWord(string source) =>
        new(source, $"is a ZIP archive but not a Word document (it has no word/document.xml); {Allowed}.");

    [GeneratedRegex(@"^(?<type>(?:text|application|image|audio|video|font|model|multipart|message)/[A-Za-z0-9.+\-]+)\s*(?:;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex MimeType();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex(@"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])|<html[\s>][\s\S]*<body[\s>]", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"^<(?:p|div|article|section|main|h[1-6]|title|meta|table|ul|ol|blockquote)[\s>][\s\S]*</(?:p|div|article|section|main|h[1-6]|title|table|ul|ol|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlFragment();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]+encoding\s*=\s*[""'](?<charset>[A-Za-z0-9_\-:.]+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
