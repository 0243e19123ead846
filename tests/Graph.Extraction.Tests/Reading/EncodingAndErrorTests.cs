using System.Text;
using Graph.Core.Model;
using Graph.Extraction.Reading;

namespace Graph.Extraction.Tests.Reading;

using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class EncodingAndErrorTests
{
    private const string Sample = "Réunion à Genève\n\nLes envoyés se sont réunis mardi à Genève pour la résolution.\n";

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)] },
        { "UTF-8", Encoding.UTF8.GetBytes(Sample) },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)] },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)] },
        { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes(Sample) },
        { "UTF-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(Sample) },
        { "Latin-1", Encoding.Latin1.GetBytes(Sample) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_text_encoding_decodes_to_the_same_text_without_a_bom(string encoding, byte[] bytes)
    {
        var document = DocumentReader.Read(bytes, encoding + ".txt");

        Assert.Equal(Sample, document.Text);
        Assert.Equal(Graph.Core.Model.Document.Hash(Sample), document.ContentHash);
        Assert.Equal("Réunion à Genève", document.Metadata.Title);
        Assert.Equal("fr", document.Metadata.Language);
    }

    [Fact]
    public void Latin_1_bytes_read_as_accented_letters_and_windows_1252_quotes_as_quotes()
    {
        byte[] bytes = [.. "caf"u8, 0xE9, .. " "u8, 0x93, .. "quoted"u8, 0x94, .. " na"u8, 0xEF, .. "ve"u8];

        Assert.Equal("café “quoted” naïve", DocumentReader.Read(bytes, "old.txt").Text);
    }

    [Fact]
    public void A_declared_charset_is_honoured_from_the_caller_and_from_the_html_meta_tag()
    {
        var body = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Caf\u00e9 talks</title></head><body><p>Minist\u00e8re des Affaires \u00e9trang\u00e8res.</p></body></html>";
        var latin1 = Encoding.Latin1.GetBytes(body);

        var fromMeta = DocumentReader.Read(latin1, "page.html");
        Assert.Equal("Café talks\n\nMinistère des Affaires étrangères.", fromMeta.Text);

        // UTF-8 bytes read as Latin-1 when the caller says so (an HTTP charset wins over sniffing).
        var mojibake = DocumentReader.Read(Encoding.UTF8.GetBytes("caf\u00e9 au lait"), "x.txt", new ReadOptions { FormatHint = "text/plain; charset=ISO-8859-1" });
        Assert.Equal("cafÃ© au lait", mojibake.Text);
    }

    [Fact]
    public void An_xml_declaration_names_the_encoding_of_an_xhtml_page()
    {
        var xhtml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head><title>Déclaration</title></head><body><p>Le ministère a publié une déclaration.</p></body></html>";

        var document = DocumentReader.Read(Encoding.Latin1.GetBytes(xhtml), "page.xhtml");

        Assert.Equal(DocumentFormat.Html, document.Format);
        Assert.Equal("Déclaration\n\nLe ministère a publié une déclaration.", document.Text);
        Assert.Equal("fr", document.Metadata.Language);
    }

    [Fact]
    public void Crlf_and_lone_cr_become_lf()
    {
        var document = DocumentReader.Read(Encoding.UTF8.GetBytes("Title\r\n\r\nFirst line\rsecond line\r\n"), "dos.txt");

        Assert.Equal("Title\n\nFirst line\nsecond line\n", document.Text);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(ReadOnlyMemory<byte>.Empty, "/in/empty.txt"));

        Assert.Equal("/in/empty.txt", error.SourceName);
        Assert.Contains("is empty (0 bytes)", error.Message);
    }

    [Fact]
    public void Whitespace_only_text_is_refused()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(Encoding.UTF8.GetBytes(" \n\t\r\n  "), "blank.txt"));

        Assert.Equal("blank.txt: contains only whitespace; a document with text is required.", error.Message);
    }

    [Fact]
    public void Binary_garbage_is_refused_with_the_allowed_formats()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0x01;

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(bytes, "blob.dat"));

        Assert.Equal("blob.dat", error.SourceName);
        Assert.Contains("binary data", error.Message);
        Assert.Contains("PDF (.pdf)", error.Message);
        Assert.Contains("Word (.docx)", error.Message);
    }

    [Fact]
    public void A_known_binary_format_is_named()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(png, "photo.png"));

        Assert.Contains("looks like a PNG image", error.Message);
        Assert.Contains("allowed formats", error.Message);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_with_its_size_and_the_limit()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 2048));

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(bytes, "big.txt", new ReadOptions { MaxBytes = 1024 }));

        Assert.Equal("big.txt: is too large: 2 KB (2,048 bytes) is over the limit of 1 KB (1,024 bytes); split the document or raise the size limit.", error.Message);
    }

    [Fact]
    public void The_callers_overrides_win_over_what_the_document_says()
    {
        const string text = "Original headline\n\nPublished: 9 February 2025\n\nThe text of the article, which is in English and says little.\n\nSource: www.example.com\n";
        var overrides = DocumentMetadata.Parse("cli", title: "Given title", publisher: "Given Publisher", published: "2024-11", url: "https://given.example.org/a");

        var document = DocumentReader.Read(TestDocuments.Utf8(text), "a.txt", new ReadOptions { Overrides = overrides });

        Assert.Equal("Given title", document.Metadata.Title);
        Assert.Equal("Given Publisher", document.Metadata.Publisher);
        Assert.Equal(PartialDate.OfMonth(2024, 11), document.Metadata.Published);
        Assert.Equal("https://given.example.org/a", document.Metadata.Url);
        Assert.Equal("en", document.Metadata.Language);
        Assert.Equal(text, document.Text);
    }

    [Theory]
    [InlineData("9 Feb 2025")]
    [InlineData("2025-02-30")]
    [InlineData("yesterday")]
    public void A_date_override_that_is_not_a_date_names_the_field_and_the_allowed_forms(string date)
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentMetadata.Parse("--published", published: date));

        Assert.Equal("--published", error.SourceName);
        Assert.Contains($"the published date '{date}' is not a date", error.Message);
        Assert.Contains("'2025'", error.Message);
        Assert.Contains("'2025-02'", error.Message);
        Assert.Contains("'2025-02-09'", error.Message);
    }

    [Fact]
    public void Url_and_language_overrides_are_checked_too()
    {
        Assert.Contains("not an absolute http or https URL", Assert.Throws<DocumentReadException>(() => DocumentMetadata.Parse("api", url: "ftp://x/y")).Message);
        Assert.Contains("not a language tag", Assert.Throws<DocumentReadException>(() => DocumentMetadata.Parse("api", language: "english!")).Message);
        Assert.Equal(new DocumentMetadata(Published: PartialDate.OfYear(2025), Language: "pt-BR"), DocumentMetadata.Parse("api", title: " ", published: "2025", language: "pt_br"));
    }
}
