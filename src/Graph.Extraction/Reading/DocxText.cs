using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Graph.Extraction.Reading;

/// <summary>A Word document's body in order (headings, paragraphs, list items, table rows as lines) and its core properties.</summary>
internal static class DocxText
{
    /// <summary>The text and metadata, or a <see cref="DocumentReadException"/> for a package Word cannot open either.</summary>
    public static (string Text, DocumentMetadata Metadata) Read(ReadOnlyMemory<byte> content, string source)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var word = WordprocessingDocument.Open(stream, isEditable: false);
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException(source, "is a Word document without a body (word/document.xml has no <w:body>); save it again from Word.");

            var blocks = new List<(string Text, bool Tight)>();
            string? firstHeading = null;
            Collect(body, blocks, ref firstHeading);

            var text = new StringBuilder();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(blocks[i].Tight && blocks[i - 1].Tight ? "\n" : "\n\n");
                }

                text.Append(blocks[i].Text);
            }

            var properties = word.PackageProperties;
            var metadata = new DocumentMetadata(
                Title: string.IsNullOrWhiteSpace(properties.Title) ? firstHeading : properties.Title.Trim(),
                Published: DateText.From(properties.Created),
                Language: LanguageTag.Normalize(properties.Language),
                Author: string.IsNullOrWhiteSpace(properties.Creator) ? null : properties.Creator.Trim());
            return (text.ToString(), metadata);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException or InvalidOperationException)
        {
            throw new DocumentReadException(source, $"is a broken Word document ({e.Message.TrimEnd('.')}); a .docx must be a complete ZIP package with word/document.xml, as Word saves it.");
        }
    }

    private static void Collect(OpenXmlElement container, List<(string Text, bool Tight)> blocks, ref string? firstHeading)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    var text = ParagraphText(paragraph).Trim();
                    if (text.Length == 0)
                    {
                        break;
                    }

                    var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty;
                    if (firstHeading is null && (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase)))
                    {
                        firstHeading = text;
                    }

                    var listItem = paragraph.ParagraphProperties?.NumberingProperties is not null || style.StartsWith("List", StringComparison.OrdinalIgnoreCase);
                    blocks.Add((text, listItem));
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>()
                            .Select(cell => string.Join(' ', cell.Elements<Paragraph>().Select(p => ParagraphText(p).Trim()).Where(t => t.Length > 0)))
                            .Where(c => c.Length > 0)
                            .ToList();
                        if (cells.Count > 0)
                        {
                            blocks.Add((string.Join('\t', cells), true));
                        }
                    }

                    break;
                case SdtBlock or CustomXmlBlock:
                    // Content controls wrap ordinary paragraphs.
                    Collect(element.Descendants<SdtContentBlock>().FirstOrDefault() ?? element, blocks, ref firstHeading);
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }
}
