using System.Text;
using Graph.Core.Model;
using Graph.Extraction.Reading;

namespace Graph.Extraction.Tests.Reading;

using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class PdfAndDocxReadingTests
{
    [Fact]
    public void A_pdf_is_read_with_its_lines_joined_into_paragraphs_and_its_info_dictionary()
    {
        var document = DocumentReader.Read(TestDocuments.Pdf(), "report.pdf");

        Assert.Equal(DocumentFormat.Pdf, document.Format);
        var expected = TestDocuments.PdfTitle + "\n\n" + string.Join("\n\n", TestDocuments.PdfParagraphs.Select(p => string.Join(' ', p)));
        Assert.Equal(expected, document.Text);
        Assert.Equal(TestDocuments.PdfTitle, document.Metadata.Title);
        Assert.Equal(PartialDate.OfDay(2025, 2, 9), document.Metadata.Published);
        Assert.Equal("en", document.Metadata.Language);
    }

    [Fact]
    public void A_two_column_pdf_reads_its_headline_then_the_left_column_then_the_right()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Council extends the sanctions regime for another year", 16, new UglyToad.PdfPig.Core.PdfPoint(50, 780), font);
        string[] left = ["The Security Council voted on", "Thursday to extend the regime", "for another twelve months.", "Two members abstained."];
        string[] right = ["Diplomats said the outcome was", "expected after weeks of talks", "between the permanent members", "of the council in New York."];
        for (var i = 0; i < 4; i++)
        {
            page.AddText(left[i], 10, new UglyToad.PdfPig.Core.PdfPoint(50, 740 - (i * 13)), font);
            page.AddText(right[i], 10, new UglyToad.PdfPig.Core.PdfPoint(320, 740 - (i * 13)), font);
        }

        var document = DocumentReader.Read(builder.Build(), "columns.pdf");

        Assert.Equal(
            "Council extends the sanctions regime for another year\n\n" + string.Join(' ', left) + "\n\n" + string.Join(' ', right),
            document.Text);
    }

    [Fact]
    public void A_pdf_is_detected_by_its_magic_bytes_whatever_the_name_says()
    {
        var document = DocumentReader.Read(TestDocuments.Pdf(), "upload.bin", new ReadOptions { FormatHint = "text/plain" });

        Assert.Equal(DocumentFormat.Pdf, document.Format);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_as_scanned()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(TestDocuments.Pdf(withText: false), "scan.pdf"));

        Assert.Equal("scan.pdf", error.SourceName);
        Assert.Contains("no text layer", error.Message);
        Assert.Contains("OCR", error.Message);
    }

    [Fact]
    public void A_truncated_pdf_is_refused_as_broken()
    {
        var pdf = TestDocuments.Pdf();
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(pdf.AsMemory(0, pdf.Length / 2), "cut.pdf"));

        Assert.StartsWith("cut.pdf: ", error.Message);
        Assert.Contains("truncated or broken PDF", error.Message);
    }

    [Fact]
    public void A_pdf_with_garbage_after_its_header_is_refused_as_broken()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n this is not a pdf body at all \n%%EOF\n");
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(bytes, "garbage.pdf"));

        Assert.Contains("broken PDF", error.Message);
    }

    [Fact]
    public void An_encrypted_pdf_is_refused_with_the_advice_to_decrypt_it()
    {
        var pdf = Encoding.Latin1.GetString(TestDocuments.Pdf());
        var trailer = pdf.LastIndexOf("trailer", StringComparison.Ordinal);
        Assert.True(trailer > 0, "PdfPig's writer emits a classic trailer");
        var open = pdf.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;

        // A standard security handler whose user password is not empty: the check value matches no password we try.
        var encrypt = "/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -3904 " +
            "/O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >> ";
        var encrypted = Encoding.Latin1.GetBytes(pdf.Insert(open, encrypt));

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(encrypted, "secret.pdf"));

        Assert.Equal("secret.pdf", error.SourceName);
        Assert.Contains("encrypted", error.Message);
        Assert.Contains("decrypt it first", error.Message);
    }

    [Fact]
    public void A_docx_is_read_in_order_with_headings_lists_and_table_rows_as_lines()
    {
        var document = DocumentReader.Read(TestDocuments.Docx(), "/data/workers.docx");

        Assert.Equal(DocumentFormat.Docx, document.Format);
        Assert.Equal(
            "Seoul reports workers sent to Russia\n\n" +
            "South Korea's intelligence service said on Monday that thousands of North Korean workers had arrived in Russia.\n\n" +
            "Background\n\n" +
            "Most entered on student visas, the service said.\n\n" +
            "Construction in the Far East\nLogging in Siberia\n" +
            "Year\tWorkers\n2023\t1,300\n2024\t15,000",
            document.Text);
        Assert.Equal("North Korean workers in Russia", document.Metadata.Title);
        Assert.Equal(PartialDate.OfDay(2025, 2, 9), document.Metadata.Published);
        Assert.Equal("en-GB", document.Metadata.Language);
        Assert.Equal("Jane Doe", document.Metadata.Author);
        Assert.Null(document.Metadata.Publisher);
    }

    [Fact]
    public void A_zip_that_is_not_a_docx_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes/readme.txt").Open());
            writer.Write("hello");
        }

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(stream.ToArray(), "archive.docx"));

        Assert.Equal("archive.docx", error.SourceName);
        Assert.Contains("ZIP archive but not a Word document", error.Message);
        Assert.Contains(".docx", error.Message);
    }

    [Fact]
    public void A_truncated_docx_is_refused_as_broken()
    {
        var docx = TestDocuments.Docx();
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(docx.AsMemory(0, docx.Length - 200), "cut.docx"));

        Assert.StartsWith("cut.docx: ", error.Message);
        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public void A_password_protected_docx_is_refused_as_encrypted()
    {
        // What Word writes for a .docx with a password: an OLE compound file around the encrypted package.
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(ole, "locked.docx"));

        Assert.Equal("locked.docx", error.SourceName);
        Assert.Contains("password-protected (encrypted) Word document", error.Message);
    }

    [Fact]
    public void A_placeholder_pdf_title_gives_way_to_the_first_line()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Microsoft Word - draft3.docx";
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Statement on the panel", 16, new UglyToad.PdfPig.Core.PdfPoint(50, 780), font);
        page.AddText("The ministry regrets the veto of the renewal.", 11, new UglyToad.PdfPig.Core.PdfPoint(50, 740), font);

        var document = DocumentReader.Read(builder.Build(), "statement.pdf");

        Assert.Equal("Statement on the panel\n\nThe ministry regrets the veto of the renewal.", document.Text);
        Assert.Equal("Statement on the panel", document.Metadata.Title);
    }

    [Fact]
    public void Any_cut_or_corrupted_pdf_or_docx_ends_in_a_document_or_a_read_error_never_another_exception()
    {
        var random = new Random(7);
        foreach (var (bytes, name) in new[] { (TestDocuments.Pdf(), "x.pdf"), (TestDocuments.Docx(), "x.docx") })
        {
            for (var i = 1; i <= 12; i++)
            {
                var cut = bytes.AsMemory(0, bytes.Length * i / 13);
                var corrupted = bytes.ToArray();
                for (var k = 0; k < 8; k++)
                {
                    corrupted[random.Next(16, corrupted.Length)] ^= 0x5A;
                }

                foreach (var variant in new[] { cut, corrupted.AsMemory() })
                {
                    try
                    {
                        var document = DocumentReader.Read(variant, name);
                        Assert.False(string.IsNullOrWhiteSpace(document.Text));
                    }
                    catch (DocumentReadException e)
                    {
                        Assert.StartsWith(name + ": ", e.Message);
                    }
                }
            }
        }
    }

    [Fact]
    public void A_docx_name_on_text_that_is_no_zip_is_refused()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(TestDocuments.Utf8("plain words"), "fake.docx", new ReadOptions { FormatHint = "fake.docx" }));

        Assert.Contains("not a ZIP package", error.Message);
    }
}
