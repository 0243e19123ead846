using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Graph.Extraction.Tests.Reading;

/// <summary>Real documents made the way their producers make them: a PDF by PdfPig's writer, a DOCX by the Open XML SDK.</summary>
internal static class TestDocuments
{
    public const string PdfTitle = "Panel of Experts mandate lapses";

    public static readonly string[][] PdfParagraphs =
    [
        ["The mandate of the Panel of Experts monitoring sanctions", "on North Korea expired on 30 April after a veto."],
        ["Thirteen members of the Security Council voted in favour,", "China abstained and Russia voted against the draft."],
        ["Diplomats said the panel's reports had documented", "violations of the arms embargo for fifteen years."],
    ];

    /// <summary>A one-page PDF with a heading, three two-line paragraphs and a page number, Title and CreationDate in its info dictionary.</summary>
    public static byte[] Pdf(bool withText = true)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = PdfTitle;
        builder.DocumentInformation.CreationDate = "D:20250209101500Z";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        if (!withText)
        {
            // A scanned page: drawn shapes, no text operators.
            page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
            return builder.Build();
        }

        var y = 780.0;
        page.AddText(PdfTitle, 18, new PdfPoint(50, y), bold);
        y -= 40;
        foreach (var paragraph in PdfParagraphs)
        {
            foreach (var line in paragraph)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 14;
            }

            y -= 14;
        }

        page.AddText("- 1 -", 9, new PdfPoint(290, 40), font);
        return builder.Build();
    }

    /// <summary>A DOCX with a title heading, a subheading, body paragraphs, a two-item list and a table, plus core properties.</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Paragraph("Seoul reports workers sent to Russia", "Heading1"),
                Paragraph("South Korea's intelligence service said on Monday that thousands of North Korean workers had arrived in Russia."),
                Paragraph("Background", "Heading2"),
                Paragraph("Most entered on student visas, the service said."),
                Paragraph("Construction in the Far East", "ListParagraph", numbered: true),
                Paragraph("Logging in Siberia", "ListParagraph", numbered: true),
                new Table(
                    new TableRow(Cell("Year"), Cell("Workers")),
                    new TableRow(Cell("2023"), Cell("1,300")),
                    new TableRow(Cell("2024"), Cell("15,000")))));
            word.PackageProperties.Title = "North Korean workers in Russia";
            word.PackageProperties.Created = new DateTime(2025, 2, 9, 8, 0, 0, DateTimeKind.Utc);
            word.PackageProperties.Language = "en-GB";
            word.PackageProperties.Creator = "Jane Doe";
        }

        return stream.ToArray();
    }

    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Paragraph Paragraph(string text, string? style = null, bool numbered = false)
    {
        var paragraph = new Paragraph();
        if (style is not null || numbered)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.ParagraphStyleId = new ParagraphStyleId { Val = style };
            }

            if (numbered)
            {
                properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 });
            }

            paragraph.AppendChild(properties);
        }

        paragraph.AppendChild(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
}
