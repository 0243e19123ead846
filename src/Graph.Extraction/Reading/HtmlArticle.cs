using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Graph.Extraction.Reading;

/// <summary>
/// An HTML page to its article: metadata from the head (Open Graph, JSON-LD, canonical link, lang), the page cleared
/// of navigation, asides, captions, comments and footers, SmartReader's readability pass to find the article body,
/// and the body written as "Title", blank line, paragraphs separated by blank lines.
/// </summary>
internal static partial class HtmlArticle
{
    // Whole elements that are never the article's running text.
    private const string Boilerplate =
        "script, style, noscript, template, iframe, svg, canvas, nav, aside, form, button, select, figure, figcaption, footer, header, menu, " +
        "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], [aria-hidden=true], [hidden]";

    private static readonly HashSet<string> _blockTags =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "address", "center", "hr", "body",
    ];

    /// <summary>The article text and the page's metadata; <paramref name="baseUrl"/> resolves relative canonical links.</summary>
    public static (string Text, DocumentMetadata Metadata) Read(string html, string? baseUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var metadata = Metadata(document, baseUrl);
        RemoveBoilerplate(document);

        var blocks = ArticleBlocks(document, baseUrl);
        var title = metadata.Title;
        if (title is null && blocks.Count > 0 && blocks[0].Text.Length <= 200)
        {
            title = blocks[0].Text;
        }

        if (title is not null && blocks.Count > 0 && SameText(blocks[0].Text, title))
        {
            blocks.RemoveAt(0);
        }

        var text = new StringBuilder();
        if (title is not null)
        {
            text.Append(title);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (text.Length > 0)
            {
                text.Append(i > 0 && blocks[i].Tight && blocks[i - 1].Tight ? "\n" : "\n\n");
            }

            text.Append(blocks[i].Text);
        }

        return (text.ToString(), metadata with { Title = title });
    }

    private static DocumentMetadata Metadata(IHtmlDocument document, string? baseUrl)
    {
        var jsonLd = JsonLd(document);
        string? Meta(params string[] names)
        {
            foreach (var name in names)
            {
                var element = document.QuerySelector($"meta[property='{name}' i], meta[name='{name}' i], meta[itemprop='{name}' i]");
                var content = element?.GetAttribute("content") ?? element?.GetAttribute("datetime");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return Clean(content);
                }
            }

            return null;
        }

        var publisher = Meta("og:site_name") ?? jsonLd.Publisher ?? Meta("publisher", "article:publisher", "application-name", "dc.publisher");
        if (publisher is not null && Uri.TryCreate(publisher, UriKind.Absolute, out _))
        {
            // article:publisher is often a Facebook page URL: not a name.
            publisher = Meta("og:site_name") ?? jsonLd.Publisher;
        }

        var title = Meta("og:title") ?? jsonLd.Headline ?? Meta("twitter:title", "dc.title") ?? TitleElement(document, publisher);

        var published = DateText.Parse(Meta("article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time"))
            ?? DateText.Parse(jsonLd.DatePublished)
            ?? DateText.Parse(document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("datetime") ?? document.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content"))
            ?? DateText.Parse((document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[pubdate][datetime]") ?? document.QuerySelector("time[datetime]"))?.GetAttribute("datetime"));

        var url = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), baseUrl)
            ?? Absolute(Meta("og:url"), baseUrl)
            ?? Absolute(jsonLd.Url, baseUrl);

        var language = LanguageTag.Normalize(document.DocumentElement.GetAttribute("lang"))
            ?? LanguageTag.Normalize(document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content")?.Split(',')[0])
            ?? LanguageTag.Normalize(jsonLd.Language)
            ?? LanguageTag.Normalize(Meta("og:locale"));

        var author = Meta("author", "article:author", "dc.creator") ?? jsonLd.Author;
        if (author is not null && Uri.TryCreate(author, UriKind.Absolute, out _))
        {
            author = jsonLd.Author;
        }

        return new DocumentMetadata(title, publisher, url, published, language, author);
    }

    /// <summary>The &lt;title&gt; without the " | Site" or " - Site" suffix pages append.</summary>
    private static string? TitleElement(IHtmlDocument document, string? siteName)
    {
        var title = Clean(document.Title);
        if (title is null)
        {
            return null;
        }

        // "Headline | Site" is a site suffix; "Headline - Site" only when the site's name says so, since headlines use dashes too.
        var separator = TitleSeparator().Matches(title).LastOrDefault();
        if (separator is null)
        {
            return title;
        }

        var last = title[(separator.Index + separator.Length)..].Trim();
        var isPipe = separator.Value.Trim() is "|" or "·";
        return (siteName is not null && SameText(last, siteName)) || (isPipe && last.Length <= 40)
            ? title[..separator.Index].Trim()
            : title;
    }

    private static (string? Headline, string? DatePublished, string? Publisher, string? Url, string? Language, string? Author) JsonLd(IHtmlDocument document)
    {
        string? headline = null, date = null, publisher = null, url = null, language = null, author = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var node in Objects(json.RootElement))
                {
                    if (!IsArticle(node))
                    {
                        continue;
                    }

                    headline ??= String(node, "headline") ?? String(node, "name");
                    date ??= String(node, "datePublished") ?? String(node, "dateCreated");
                    url ??= String(node, "url") ?? String(node, "mainEntityOfPage");
                    language ??= String(node, "inLanguage");
                    publisher ??= Name(node, "publisher") ?? Name(node, "sourceOrganization");
                    author ??= Name(node, "author");
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block only loses what it would have said.
            }
        }

        return (Clean(headline), date, Clean(publisher), url, language, Clean(author));
    }

    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return types.Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "WebPage" or "LiveBlogPosting");
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().SelectMany(Objects))
            {
                yield return item;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var item in Objects(graph))
                {
                    yield return item;
                }
            }
        }
    }

    private static string? String(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        } : null;

    private static string? Name(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var first = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().FirstOrDefault() : value;
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => String(first, "name"),
            _ => null,
        };
    }

    private static void RemoveBoilerplate(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll(Boilerplate).ToList())
        {
            // A header or footer that wraps the whole article is a layout box, not boilerplate.
            if (!ContainsArticle(element))
            {
                element.Remove();
            }
        }

        foreach (var element in document.QuerySelectorAll("[class], [id]").ToList())
        {
            if (element.LocalName is "html" or "body" or "article" or "main" || element.Parent is null || ContainsArticle(element))
            {
                continue;
            }

            var names = $"{element.GetAttribute("id")} {element.GetAttribute("class")}";
            if (BoilerplateName().IsMatch(names))
            {
                element.Remove();
            }
        }
    }

    private static bool ContainsArticle(IElement element) =>
        element.QuerySelector("article, main, [itemprop=articleBody], [role=main]") is not null;

    private static List<(string Text, bool Tight)> ArticleBlocks(IHtmlDocument document, string? baseUrl)
    {
        IElement? root = null;
        try
        {
            // SmartReader rewrites the document it is given; it gets a copy so the fallback below sees the page intact.
            var copy = new HtmlParser().ParseDocument(document.DocumentElement.OuterHtml);
            using var reader = new Reader(baseUrl ?? "https://localhost/", copy) { ContinueIfNotReadable = true };
            var article = reader.GetArticle();
            if (article.Completed && !string.IsNullOrWhiteSpace(article.Content))
            {
                root = new HtmlParser().ParseDocument(article.Content).Body;
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // SmartReader gives up on odd pages; the cleaned page itself is the fallback.
        }

        var blocks = root is null ? [] : Blocks(root);
        if (blocks.Sum(b => b.Text.Length) < 200)
        {
            var fallback = Blocks(document.QuerySelector("article, main, [itemprop=articleBody], [role=main]") ?? document.Body ?? document.DocumentElement);
            if (fallback.Sum(b => b.Text.Length) > blocks.Sum(b => b.Text.Length))
            {
                blocks = fallback;
            }
        }

        return blocks;
    }

    /// <summary>The block-level texts under <paramref name="root"/> in document order; list items and table rows are "tight" (one line each).</summary>
    private static List<(string Text, bool Tight)> Blocks(IElement root)
    {
        var blocks = new List<(string Text, bool Tight)>();
        var inline = new StringBuilder();
        var tight = false;

        void Flush()
        {
            var text = Collapse(inline.ToString());
            if (text.Length > 0)
            {
                blocks.Add((text, tight));
            }

            inline.Clear();
        }

        void Walk(INode node)
        {
            if (node.NodeType == NodeType.Text)
            {
                inline.Append(node.TextContent);
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                case "br":
                    inline.Append('\n');
                    return;
                case "img" or "picture" or "video" or "audio" or "source" or "script" or "style":
                    return;
                case "pre":
                    Flush();
                    var code = element.TextContent.Trim('\n');
                    if (code.Trim().Length > 0)
                    {
                        blocks.Add((code, false));
                    }

                    return;
                case "tr":
                    Flush();
                    var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => Collapse(c.TextContent)).Where(c => c.Length > 0).ToList();
                    if (cells.Count > 0)
                    {
                        blocks.Add((string.Join('\t', cells), true));
                    }

                    return;
            }

            var isBlock = _blockTags.Contains(element.LocalName);
            if (isBlock)
            {
                Flush();
            }

            var wasTight = tight;
            tight = element.LocalName is "li" or "dt" or "dd" || (tight && !isBlock);
            foreach (var child in element.ChildNodes)
            {
                Walk(child);
            }

            if (isBlock)
            {
                Flush();
            }

            tight = wasTight;
        }

        Walk(root);
        Flush();
        return blocks;
    }

    /// <summary>Runs of spaces become one; a &lt;br&gt; stays a line break.</summary>
    private static string Collapse(string text) =>
        string.Join('\n', text.Split('\n').Select(line => Whitespace().Replace(line, " ").Trim()).Where(line => line.Length > 0));

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static string? Absolute(string? url, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute.AbsoluteUri;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, url.Trim(), out var resolved)
            ? resolved.AbsoluteUri
            : null;
    }

    private static bool SameText(string a, string b) =>
        string.Equals(Whitespace().Replace(a, " ").Trim(), Whitespace().Replace(b, " ").Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|\u2013\u2014\-·:]\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"(?:^|[\s_\-])(?:comments?|comment-list|disqus|related|recommended|more-stories|read-more|share|sharing|social|newsletter|subscribe|signup|promo|advert|ads?|sponsored|cookie|consent|breadcrumbs?|sidebar|widget|menu|navbar|nav|masthead|site-header|site-footer|footer|caption|credits?|tags|tag-list|paywall|popup|modal|outbrain|taboola)(?:$|[\s_\-])", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();
}
