using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Graph.Extraction.Reading;

/// <summary>
/// A PDF's text layer with its lines and paragraphs rebuilt: words on one baseline make a line, lines with the usual
/// spacing make a paragraph, a wider gap or a change of font size starts the next; title and creation date from the
/// info dictionary.
/// </summary>
internal static partial class PdfText
{
    /// <summary>The text and metadata, or a <see cref="DocumentReadException"/> for an encrypted, broken or image-only PDF.</summary>
    public static (string Text, DocumentMetadata Metadata) Read(ReadOnlyMemory<byte> content, string source)
    {
        var bytes = content.Span;
        var tail = bytes[Math.Max(0, bytes.Length - 2048)..];
        var declaresEncryption = bytes.IndexOf("/Encrypt"u8) >= 0;
        if (tail.IndexOf("%%EOF"u8) < 0 && !declaresEncryption)
        {
            throw new DocumentReadException(source, $"is a truncated or broken PDF: it has no '%%EOF' end marker ({bytes.Length} bytes); a complete PDF file is required.");
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted(source);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw declaresEncryption ? Encrypted(source) : Broken(source, e);
        }

        using (document)
        {
            var text = new StringBuilder();
            var pages = 0;
            try
            {
                foreach (var page in document.GetPages())
                {
                    pages++;
                    var pageText = PageText(page);
                    if (pageText.Length > 0)
                    {
                        text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(pageText);
                    }
                }
            }
            catch (PdfDocumentEncryptedException)
            {
                throw Encrypted(source);
            }
            catch (Exception e) when (IsParseFailure(e))
            {
                throw declaresEncryption ? Encrypted(source) : Broken(source, e);
            }

            if (text.Length == 0)
            {
                throw new DocumentReadException(source, $"is a PDF with no text layer ({pages} page{(pages == 1 ? string.Empty : "s")} of images only; it is probably scanned): run OCR on it first, or give the text as .txt.");
            }

            var info = document.Information;
            DateTimeOffset? created = null;
            try
            {
                created = info.GetCreatedDateTimeOffset();
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // A malformed CreationDate only loses the date.
            }

            var metadata = new DocumentMetadata(
                Title: UsefulTitle(info.Title),
                Published: created is { } c ? DateText.From(c.DateTime) : DateText.Parse(info.CreationDate),
                Author: string.IsNullOrWhiteSpace(info.Author) ? null : info.Author.Trim());
            return (text.ToString(), metadata);
        }
    }

    /// <summary>The info dictionary's title unless it is a producer's placeholder ("Microsoft Word - draft.docx", "untitled").</summary>
    private static string? UsefulTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = title.Trim();
        const string wordPrefix = "Microsoft Word - ";
        if (title.StartsWith(wordPrefix, StringComparison.OrdinalIgnoreCase))
        {
            title = title[wordPrefix.Length..].Trim();
        }

        var extension = Path.GetExtension(title).ToLowerInvariant();
        return title.Length == 0 || extension is ".doc" or ".docx" or ".pdf" or ".indd" or ".tex" or ".odt" || title.Equals("untitled", StringComparison.OrdinalIgnoreCase)
            ? null
            : title;
    }

    // PdfPig reports malformed input with many exception types; none of them is a bug of ours worth crashing a batch for.
    private static bool IsParseFailure(Exception e) => e is not (DocumentReadException or OutOfMemoryException or OperationCanceledException);

    private static DocumentReadException Encrypted(string source) =>
        new(source, "is an encrypted PDF (it has an /Encrypt dictionary and cannot be opened without its password); decrypt it first, for example with 'qpdf --decrypt in.pdf out.pdf', and read the decrypted file.");

    private static DocumentReadException Broken(string source, Exception e) =>
        new(source, $"is a broken PDF that cannot be parsed ({e.Message.TrimEnd('.')}); re-export or repair it (for example with 'qpdf in.pdf out.pdf').");

    private static string PageText(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
        {
            return string.Empty;
        }

        if (Gutter(words, page.Width) is not { } gutter)
        {
            return ColumnText(words);
        }

        // Two columns: the lines that cross the gutter at the top (a headline) first, then the left column, then the right.
        var rows = words.GroupBy(w => Math.Round(Baseline(w))).OrderByDescending(g => g.Key).ToList();
        var header = rows.TakeWhile(row => row.Any(w => Crosses(w, gutter))).SelectMany(row => row).ToList();
        var body = rows.Skip(rows.TakeWhile(row => row.Any(w => Crosses(w, gutter))).Count()).SelectMany(row => row).ToList();
        string[] parts =
        [
            ColumnText(header),
            ColumnText([.. body.Where(w => Center(w) < gutter)]),
            ColumnText([.. body.Where(w => Center(w) >= gutter)]),
        ];
        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    /// <summary>
    /// The x of a gutter between two columns: a strip in the middle of the page, wider than a space between words,
    /// that almost no word crosses, with a good share of the words on each side; null for a single column.
    /// </summary>
    private static double? Gutter(List<Word> words, double pageWidth)
    {
        if (words.Count < 20 || pageWidth <= 0)
        {
            return null;
        }

        double? best = null;
        var fewest = int.MaxValue;
        for (var x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2)
        {
            int crossing = 0, leftOf = 0, rightOf = 0;
            foreach (var word in words)
            {
                if (Crosses(word, x))
                {
                    crossing++;
                }
                else if (Center(word) < x)
                {
                    leftOf++;
                }
                else
                {
                    rightOf++;
                }
            }

            var balanced = leftOf >= words.Count * 0.25 && rightOf >= words.Count * 0.25;
            if (balanced && crossing <= Math.Max(2, words.Count / 40) && crossing < fewest)
            {
                (best, fewest) = (x, crossing);
            }
        }

        // The strip must hold across many baselines: lines on both sides of it, not two short lines with a lucky space.
        if (best is { } gutter)
        {
            var linesBothSides = words.GroupBy(w => Math.Round(Baseline(w)))
                .Count(g => !g.Any(w => Crosses(w, gutter)) && g.Any(w => Center(w) < gutter) && g.Any(w => Center(w) >= gutter));
            return linesBothSides >= 4 ? gutter : null;
        }

        return null;
    }

    private const double GutterHalfWidth = 6;

    private static bool Crosses(Word word, double x) => word.BoundingBox.Right > x - GutterHalfWidth && word.BoundingBox.Left < x + GutterHalfWidth;

    private static double Center(Word word) => (word.BoundingBox.Left + word.BoundingBox.Right) / 2;

    private static string ColumnText(List<Word> words)
    {
        if (words.Count == 0)
        {
            return string.Empty;
        }

        var lines = Lines(words);

        // A page number alone on the first or last line is furniture, not text.
        if (lines.Count > 1 && PageNumber().IsMatch(lines[^1].Text))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count > 1 && PageNumber().IsMatch(lines[0].Text))
        {
            lines.RemoveAt(0);
        }

        var gaps = new List<double>();
        for (var i = 1; i < lines.Count; i++)
        {
            var gap = lines[i - 1].Baseline - lines[i].Baseline;
            if (gap > 0)
            {
                gaps.Add(gap);
            }
        }

        gaps.Sort();
        // Most gaps are within paragraphs; the lower quartile is the line spacing even when paragraphs are short.
        var usual = gaps.Count > 0 ? gaps[gaps.Count / 4] : 0;
        var left = lines.Min(l => l.Left);

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                var previous = lines[i - 1];
                var gap = previous.Baseline - line.Baseline;
                var newParagraph = gap > Math.Max(usual * 1.3, previous.Size * 1.6)
                    || Math.Abs(line.Size - previous.Size) > Math.Max(1, previous.Size * 0.15)
                    || (line.Left - left > line.Size * 1.5 && previous.Left - left < line.Size * 0.5);
                if (newParagraph)
                {
                    text.Append("\n\n");
                }
                else if (text[^1] != '-')
                {
                    // A line ending in a hyphen joins the next without a space: "pro-" + "Russian".
                    text.Append(' ');
                }
            }

            text.Append(line.Text);
        }

        return text.ToString();
    }

    private static List<(double Baseline, double Left, double Size, string Text)> Lines(List<Word> words)
    {
        var ordered = words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left).ToList();
        var lines = new List<(double Baseline, double Left, double Size, List<Word> Words)>();
        foreach (var word in ordered)
        {
            var baseline = Baseline(word);
            var size = Size(word);
            var index = lines.FindIndex(l => Math.Abs(l.Baseline - baseline) <= Math.Max(1, Math.Min(l.Size, size) * 0.4));
            if (index < 0)
            {
                lines.Add((baseline, word.BoundingBox.Left, size, [word]));
            }
            else
            {
                lines[index].Words.Add(word);
            }
        }

        return [.. lines
            .OrderByDescending(l => l.Baseline)
            .Select(l =>
            {
                var inOrder = l.Words.OrderBy(w => w.BoundingBox.Left).ToList();
                return (l.Baseline, inOrder[0].BoundingBox.Left, l.Size, string.Join(' ', inOrder.Select(w => w.Text)));
            })];
    }

    private static double Baseline(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    private static double Size(Word word)
    {
        var size = word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : 0;
        return size > 0 ? size : Math.Max(1, word.BoundingBox.Height);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PageNumber();
}
