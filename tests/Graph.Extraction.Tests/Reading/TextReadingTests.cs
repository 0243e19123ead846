using Graph.Core.Model;
using Graph.Extraction.Reading;

namespace Graph.Extraction.Tests.Reading;

using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class TextReadingTests
{
    [Fact]
    public void Markdown_becomes_plain_text_with_its_front_matter_as_metadata()
    {
        const string markdown = """
            ---
            title: "Seoul says 15,000 workers went to Russia"
            date: 2025-02-09
            publisher: Example Daily
            url: https://daily.example.com/workers
            lang: en
            ---
            # Seoul says 15,000 workers went to Russia

            South Korea's **National Intelligence Service** said on _Monday_ that workers
            arrived on [student visas](https://example.com/visas "visas").

            ![A train at the border](train.jpg)

            ## Where they work

            - Construction in the *Far East*
            - Logging in `Siberia`
            1. First item
            2. Second item

            > Quoted officials said more would follow.

            ```
            raw code stays
            ```
            """;

        var document = DocumentReader.Read(TestDocuments.Utf8(markdown), "notes.md");

        Assert.Equal(DocumentFormat.Markdown, document.Format);
        Assert.Equal(
            "Seoul says 15,000 workers went to Russia\n\n" +
            "South Korea's National Intelligence Service said on Monday that workers arrived on student visas.\n\n" +
            "Where they work\n\n" +
            "Construction in the Far East\nLogging in Siberia\n1. First item\n2. Second item\n\n" +
            "Quoted officials said more would follow.\n\n" +
            "raw code stays",
            document.Text);
        Assert.Equal(new DocumentMetadata("Seoul says 15,000 workers went to Russia", "Example Daily", "https://daily.example.com/workers", PartialDate.OfDay(2025, 2, 9), "en"), document.Metadata);
    }

    [Fact]
    public void Markdown_without_front_matter_takes_its_first_heading_as_title_and_is_detected_by_its_cues()
    {
        const string markdown = "## Talks in Geneva\n\nThe envoys met on **Tuesday** and agreed on [a timetable](https://example.com).\n";

        var document = DocumentReader.Read(TestDocuments.Utf8(markdown), "stdin");

        Assert.Equal(DocumentFormat.Markdown, document.Format);
        Assert.Equal("Talks in Geneva", document.Metadata.Title);
        Assert.Equal("Talks in Geneva\n\nThe envoys met on Tuesday and agreed on a timetable.", document.Text);
    }

    [Fact]
    public void Plain_text_keeps_its_text_verbatim_and_finds_title_date_byline_and_source()
    {
        const string text = "Kim bolsters Russia's workforce\n\nBy Jane Doe\nPublished: 9 February 2025\n\n" +
            "Kim Jong Un is sending North Korean workers to Russia, where the war has caused a shortage of labour.\n\n" +
            "About 15,000 have arrived this year, according to South Korean intelligence.\n\n" +
            "Original Source: www.hindustantimes.com\n";

        var document = DocumentReader.Read(TestDocuments.Utf8(text), "article.txt");

        Assert.Equal(DocumentFormat.Text, document.Format);
        Assert.Equal(text, document.Text);
        Assert.Equal("Kim bolsters Russia's workforce", document.Metadata.Title);
        Assert.Equal(PartialDate.OfDay(2025, 2, 9), document.Metadata.Published);
        Assert.Equal("Jane Doe", document.Metadata.Author);
        Assert.Equal("www.hindustantimes.com", document.Metadata.Publisher);
        Assert.Equal("en", document.Metadata.Language);
    }

    [Theory]
    [InlineData("February 9, 2025", 2025, 2, 9)]
    [InlineData("Updated: Feb. 9, 2025 10:30 GMT", 2025, 2, 9)]
    [InlineData("2025-02-09", 2025, 2, 9)]
    [InlineData("Sunday, 9th February 2025", 2025, 2, 9)]
    [InlineData("Posted on 2024-10-01T08:00:00Z", 2024, 10, 1)]
    public void A_date_line_near_the_top_is_the_published_date(string line, int year, int month, int day)
    {
        var text = $"Envoys meet in Geneva\n\n{line}\n\nThe envoys met on Tuesday and agreed on a timetable for the talks.\n";

        var document = DocumentReader.Read(TestDocuments.Utf8(text), "a.txt");

        Assert.Equal(PartialDate.OfDay(year, month, day), document.Metadata.Published);
    }

    [Fact]
    public void A_published_line_wins_over_an_updated_line_and_originally_published_names_the_publisher()
    {
        const string text = "Updated 10 March 2025\n\nThe council met again to discuss the sanctions regime and the panel.\n\nPublished 1 March 2025\nOriginally published by Example Wire.\n";

        var metadata = DocumentReader.Read(TestDocuments.Utf8(text), "a.txt").Metadata;

        Assert.Equal(PartialDate.OfDay(2025, 3, 1), metadata.Published);
        Assert.Equal("Example Wire", metadata.Publisher);
        Assert.Null(metadata.Title);
    }

    [Fact]
    public void Content_decides_when_there_is_no_hint_an_html_fragment_is_html_and_a_quoted_pdf_header_is_text()
    {
        var fragment = DocumentReader.Read(TestDocuments.Utf8("<p>The envoys met on <b>Tuesday</b>.</p><p>They agreed.</p>"), "stdin");
        Assert.Equal(DocumentFormat.Html, fragment.Format);
        Assert.Equal("The envoys met on Tuesday.\n\nThey agreed.", fragment.Text);

        var quoting = DocumentReader.Read(TestDocuments.Utf8("Every PDF file begins with the bytes %PDF-1.7 or similar.\n"), "stdin");
        Assert.Equal(DocumentFormat.Text, quoting.Format);

        var pathHint = DocumentReader.Read(TestDocuments.Utf8("Plain *words* here."), "stdin", new ReadOptions { FormatHint = "notes/today.md" });
        Assert.Equal(DocumentFormat.Markdown, pathHint.Format);
        Assert.Equal("Plain words here.", pathHint.Text);
    }

    [Fact]
    public void A_seed_article_reads_with_its_title_and_source_line()
    {
        var path = Path.Combine(RepositoryRoot(), "data", "seeds", "kim-bolsters-russia-workforce.txt");
        var bytes = File.ReadAllBytes(path);

        var document = DocumentReader.Read(bytes, path);

        Assert.Equal("Kim Jong Un Bolsters Russia’s Workforce with North Korean Migrant Laborers", document.Metadata.Title);
        Assert.Equal("www.hindustantimes.com", document.Metadata.Publisher);
        Assert.Equal("en", document.Metadata.Language);
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n").TrimStart('\uFEFF'), document.Text);
    }

    [Fact]
    public void Every_development_article_reads_verbatim_so_gold_offsets_still_hold_and_its_title_matches_the_gold()
    {
        var folder = Path.Combine(RepositoryRoot(), "data", "devset");
        var articles = Directory.GetFiles(folder, "*.txt");
        Assert.NotEmpty(articles);
        foreach (var path in articles)
        {
            var document = DocumentReader.Read(File.ReadAllBytes(path), path);
            using var meta = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".meta.json")));

            Assert.Equal(DocumentFormat.Text, document.Format);
            Assert.Equal(File.ReadAllText(path), document.Text);
            Assert.Equal(meta.RootElement.GetProperty("title").GetString(), document.Metadata.Title);
            Assert.Equal("en", document.Metadata.Language);
        }
    }

    [Theory]
    [InlineData("Le Conseil de sécurité a adopté une résolution sur la situation dans la péninsule et les sanctions qui sont en vigueur depuis des années.", "fr")]
    [InlineData("Der Sicherheitsrat hat die Resolution nicht verlängert, und die Sanktionen werden von den Mitgliedern auch weiterhin kritisiert.", "de")]
    [InlineData("El Consejo de Seguridad no renovó el mandato del grupo de expertos y la votación fue criticada por los países de la región.", "es")]
    [InlineData("Совет Безопасности не продлил мандат группы экспертов, и это было воспринято как победа для Москвы и Пхеньяна.", "ru")]
    [InlineData("국가정보원은 북한 노동자 수천 명이 러시아에 도착했다고 밝혔다. 이들은 대부분 학생 비자로 입국했다.", "ko")]
    public void The_language_is_guessed_from_common_words_or_the_script(string text, string language)
    {
        Assert.Equal(language, DocumentReader.Read(TestDocuments.Utf8(text), "a.txt").Metadata.Language);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Graph.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
    }
}
