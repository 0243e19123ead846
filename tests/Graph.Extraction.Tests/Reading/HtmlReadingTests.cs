using Graph.Core.Model;
using Graph.Extraction.Reading;

namespace Graph.Extraction.Tests.Reading;

using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class HtmlReadingTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>North Korean troops pulled from front | Forces News</title>
          <meta property="og:title" content="North Korean troops are pulled from Russian frontline amid heavy losses">
          <meta property="og:site_name" content="Forces News">
          <meta property="og:url" content="https://www.forcesnews.com/ukraine/nk-troops">
          <meta property="article:published_time" content="2025-02-09T14:30:00+00:00">
          <meta name="author" content="Jane Doe">
          <link rel="canonical" href="/ukraine/north-korean-troops-pulled">
          <script>window.dataLayer = [{ page: "article" }];</script>
          <style>body { font-family: sans-serif; }</style>
        </head>
        <body>
          <header class="site-header">
            <a href="/">Forces News</a>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/ukraine">Ukraine</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          </header>
          <div class="layout">
            <main>
              <article>
                <header><h1>North Korean troops are pulled from Russian frontline amid heavy losses</h1><p class="byline">By Jane Doe</p></header>
                <figure><img src="/img/troops.jpg" alt="Soldiers"><figcaption>Soldiers seen in an undated photograph released by Kyiv.</figcaption></figure>
                <p>North Korean troops, deployed to fight in Russia's Kursk region since November, have now been pulled back from the frontline, according to new reports.</p>
                <p>President Volodymyr Zelensky recently said that more than a third of the 11,000 soldiers North Korea provided to Moscow have been killed or injured.</p>
                <p>The North Korean forces were sent to assist Russia, fighting in the Kursk region, in its efforts to expel Ukrainian troops from a pocket of territory seized by Kyiv last summer.</p>
                <h2>Heavy losses</h2>
                <p>Of the 4,000 soldiers who have become casualties, around 1,000 are reported to have been killed, officials in Seoul said.</p>
                <ul><li>Drones caused most casualties.</li><li>Many carried fake identity papers.</li></ul>
                <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
              </article>
              <section id="comments" class="comments">
                <h3>Leave a Reply</h3>
                <p>Your email address will not be published. Required fields are marked *</p>
                <div class="comment"><p>Great article, thanks for sharing this news with all of us here!</p></div>
                <form><textarea></textarea><button>Post Comment</button></form>
              </section>
            </main>
            <aside class="sidebar">
              <h3>Related stories</h3>
              <ul>
                <li><a href="/a">Ukraine strikes oil depot deep inside Russia in overnight raid</a></li>
                <li><a href="/b">How the British Army trains Ukrainian recruits on Salisbury Plain</a></li>
              </ul>
            </aside>
          </div>
          <footer><p>Copyright 2025 Forces Media Group. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
        </body>
        </html>
        """;

    [Fact]
    public void The_article_is_kept_and_menus_captions_comments_related_links_and_footer_are_dropped()
    {
        var document = DocumentReader.Read(TestDocuments.Utf8(Page), "https://www.forcesnews.com/ukraine/north-korean-troops-pulled?ref=home");

        Assert.Equal(DocumentFormat.Html, document.Format);
        var text = document.Text;
        Assert.StartsWith("North Korean troops are pulled from Russian frontline amid heavy losses\n\nNorth Korean troops, deployed to fight", text);
        Assert.Contains("\n\nPresident Volodymyr Zelensky recently said that more than a third of the 11,000 soldiers North Korea provided to Moscow have been killed or injured.\n\n", text);
        Assert.Contains("seized by Kyiv last summer.", text);
        Assert.Contains("around 1,000 are reported to have been killed, officials in Seoul said.", text);
        Assert.Contains("Drones caused most casualties.\nMany carried fake identity papers.", text);

        foreach (var boilerplate in new[] { "Sport", "Soldiers seen in an undated photograph", "Share on", "Leave a Reply", "Great article", "Post Comment", "Related stories", "Ukraine strikes oil depot", "Salisbury Plain", "Copyright", "Privacy policy", "dataLayer", "font-family" })
        {
            Assert.DoesNotContain(boilerplate, text);
        }

        // The title line is not repeated by the article's own <h1>.
        Assert.Single(text.Split('\n'), line => line.StartsWith("North Korean troops are pulled", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_comes_from_the_meta_tags_and_the_canonical_link()
    {
        var metadata = DocumentReader.Read(TestDocuments.Utf8(Page), "https://www.forcesnews.com/ukraine/north-korean-troops-pulled?ref=home").Metadata;

        Assert.Equal("North Korean troops are pulled from Russian frontline amid heavy losses", metadata.Title);
        Assert.Equal("Forces News", metadata.Publisher);
        Assert.Equal(PartialDate.OfDay(2025, 2, 9), metadata.Published);
        Assert.Equal("https://www.forcesnews.com/ukraine/north-korean-troops-pulled", metadata.Url);
        Assert.Equal("en-GB", metadata.Language);
        Assert.Equal("Jane Doe", metadata.Author);
    }

    [Fact]
    public void Json_ld_and_time_elements_give_metadata_when_meta_tags_do_not()
    {
        const string html = """
            <html><head><title>Veto ends UN panel - Example Wire</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Wire"},
             {"@type":"NewsArticle","headline":"Russia vetoes renewal of UN sanctions panel","datePublished":"2024-03-28T18:00:00Z",
              "publisher":{"@type":"Organization","name":"Example Wire"},"url":"https://wire.example.com/un-panel","inLanguage":"en"}]}
            </script></head>
            <body><article><p>Russia vetoed a draft resolution on Thursday that would have renewed the mandate of the panel of experts, ending fifteen years of independent monitoring.</p>
            <p>The vote in the Security Council was thirteen in favour, one against and one abstention, diplomats said after the meeting in New York.</p>
            <time datetime="2024-03-29">29 March</time></article></body></html>
            """;

        var document = DocumentReader.Read(TestDocuments.Utf8(html), "page.html");

        Assert.Equal("Russia vetoes renewal of UN sanctions panel", document.Metadata.Title);
        Assert.Equal("Example Wire", document.Metadata.Publisher);
        Assert.Equal(PartialDate.OfDay(2024, 3, 28), document.Metadata.Published);
        Assert.Equal("https://wire.example.com/un-panel", document.Metadata.Url);
        Assert.Equal("en", document.Metadata.Language);
        Assert.StartsWith("Russia vetoes renewal of UN sanctions panel\n\nRussia vetoed a draft resolution", document.Text);
    }

    [Fact]
    public void The_title_element_loses_its_site_suffix_and_a_bare_page_still_reads()
    {
        const string html = "<html><head><title>Talks resume in Geneva | Daily Example</title></head><body><p>Negotiators met again on Tuesday.</p></body></html>";

        var document = DocumentReader.Read(TestDocuments.Utf8(html), "bare.html");

        Assert.Equal("Talks resume in Geneva", document.Metadata.Title);
        Assert.Equal("Talks resume in Geneva\n\nNegotiators met again on Tuesday.", document.Text);
    }

    [Fact]
    public void In_a_page_of_plain_divs_the_densest_text_is_the_article()
    {
        const string html = """
            <html><head><title>Seoul: workers sent to Russia</title></head><body>
            <div class="top"><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a> <a href="/opinion">Opinion</a></div>
            <div class="wrap">
              <div class="col-a">
                <div class="x1"><p>South Korea's spy agency said on Monday that North Korea had sent thousands of workers to Russia this year, many of them on student visas, in breach of United Nations sanctions.</p>
                <p>The agency told lawmakers that the workers were employed mainly in construction in Russia's Far East, where employers praised their long hours and low wages.</p>
                <p>Russia faces a shortage of labour as the war in Ukraine draws men into the army, officials in Seoul said in the closed briefing.</p></div>
              </div>
              <div class="col-b">
                <div><a href="/1">Markets fall as rates rise</a></div>
                <div><a href="/2">Ten things to do this weekend</a></div>
                <div><a href="/3">Celebrity chef opens restaurant</a></div>
              </div>
            </div>
            <div class="bottom">© Example Media 2025 · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></div>
            </body></html>
            """;

        var text = DocumentReader.Read(TestDocuments.Utf8(html), "divs.html").Text;

        Assert.StartsWith("Seoul: workers sent to Russia\n\nSouth Korea's spy agency said on Monday", text);
        Assert.Contains("in breach of United Nations sanctions.\n\nThe agency told lawmakers", text);
        Assert.EndsWith("officials in Seoul said in the closed briefing.", text);
        Assert.DoesNotContain("Markets fall", text);
        Assert.DoesNotContain("Terms", text);
        Assert.DoesNotContain("Opinion", text);
    }

    [Fact]
    public void A_dash_in_a_headline_is_kept_unless_the_site_name_follows_it()
    {
        const string html = "<html><head><title>Kim Jong Un - Putin summit ends</title></head><body><p>The leaders met for two days.</p></body></html>";

        Assert.Equal("Kim Jong Un - Putin summit ends", DocumentReader.Read(TestDocuments.Utf8(html), "a.html").Metadata.Title);
    }

    [Fact]
    public void A_page_claiming_utf8_over_latin1_bytes_is_read_as_latin1()
    {
        var html = "<html><head><meta charset=\"utf-8\"><title>Gen\u00e8ve</title></head><body><p>R\u00e9union pr\u00e9vue mardi.</p></body></html>";

        var document = DocumentReader.Read(System.Text.Encoding.Latin1.GetBytes(html), "a.html");

        Assert.Equal("Genève\n\nRéunion prévue mardi.", document.Text);
    }

    [Fact]
    public void A_page_without_article_text_is_refused()
    {
        const string html = "<!doctype html><html><head><title></title><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>";

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(TestDocuments.Utf8(html), "empty.html"));

        Assert.Contains("no article text", error.Message);
    }
}
