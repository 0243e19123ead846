using System.Text;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Extraction.Extractors;
using Graph.Extraction.Tests.Reading;
using Graph.Ingest.Ingestion;
using Graph.Ingest.Sources;
using Graph.Storage.Embedded;

namespace Graph.Ingest.Tests.Ingestion;

/// <summary>
/// Real files of every format, made by the test, taken from a folder through reading, the rule extractor and the
/// embedded store on a real SQLite file: what is stored is the text read, and every proposal quotes it verbatim.
/// </summary>
public sealed class EveryFormatIngestionTests : IAsyncLifetime
{
    private const string Html = """
        <!doctype html><html lang="en"><head><title>Envoys meet in Vienna | World Desk</title>
        <meta property="article:published_time" content="2025-05-02T08:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/markets">Markets and more menu</a></nav>
        <article><h1>Envoys meet in Vienna</h1>
        <p>Austrian Foreign Minister Beate Meinl-Reisinger met with Japanese Foreign Minister Takeshi Iwaya in Vienna on Friday, the Austrian foreign ministry said.</p>
        <p>Japan reportedly supplied radar equipment to the Philippines last year, according to officials in Manila who spoke to reporters after the meeting.</p></article>
        <aside><h3>Related</h3><a href="/x">Markets and more menu item</a></aside><footer>All rights reserved.</footer></body></html>
        """;

    private const string Text = """
        Chile and Peru resume border talks

        Chilean President Gabriel Boric said on Tuesday that Chile and Peru would resume talks on their maritime border.

        Peru's Foreign Minister Elmer Schialer told reporters the talks would begin in June.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("graph-ingest-formats-").FullName;
    private EmbeddedGraphStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(_folder, "graph.db") }, cancellationToken: Ct);
        var inbox = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        File.WriteAllBytes(Path.Combine(inbox, "panel.pdf"), TestDocuments.Pdf());
        File.WriteAllBytes(Path.Combine(inbox, "workers.docx"), TestDocuments.Docx());
        File.WriteAllText(Path.Combine(inbox, "envoys.html"), Html, Encoding.UTF8);
        File.WriteAllText(Path.Combine(inbox, "talks.md"), "---\ntitle: Chile and Peru resume border talks\ndate: 2025-03-11\n---\n\n# Chile and Peru resume border talks\n\n" + Text[Text.IndexOf('\n', StringComparison.Ordinal)..].Trim() + "\n", Encoding.UTF8);
        File.WriteAllBytes(Path.Combine(inbox, "talks-latin1.txt"), Encoding.Latin1.GetBytes(Text.Replace("Chile and Peru resume", "Perú and Chile resume", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IngestionService Service() => new(_store, _store, static actors => new RuleExtractor(actors));

    private async Task<List<IngestionResult>> IngestFolderAsync(IngestionService service)
    {
        var results = new List<IngestionResult>();
        await foreach (var item in DocumentSources.LoadAsync(Path.Combine(_folder, "inbox"), cancellationToken: Ct))
        {
            Assert.True(item.Outcome == SourceOutcome.Succeeded, $"{item.Source}: {item.Problem}");
            results.Add(await service.IngestAsync(item.Input!.Read(), cancellationToken: Ct));
        }

        return results;
    }

    [Fact]
    public async Task Every_format_is_stored_as_read_and_every_proposal_quotes_it_verbatim()
    {
        var results = await IngestFolderAsync(Service());
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal(IngestOutcome.Created, r.Outcome));

        var formats = new Dictionary<string, string>();
        foreach (var result in results)
        {
            var stored = (await _store.GetStoredDocumentAsync(result.Document, Ct))!;
            formats[stored.Format] = stored.Document.Text;
            var proposals = await _store.GetProposalsAsync(new ProposalQuery(result.Document, Limit: 1000), Ct);
            Assert.Equal(result.Proposals, proposals.Count);
            foreach (var p in proposals.Select(r => r.Proposal))
            {
                Assert.Equal(p.Quote, stored.Document.Text[p.Start..p.End]);
            }
        }

        Assert.Equal(["docx", "html", "markdown", "pdf", "text"], formats.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("thousands of North Korean workers had arrived in Russia", formats["docx"], StringComparison.Ordinal);
        Assert.Contains("China abstained and Russia voted against the draft.", formats["pdf"], StringComparison.Ordinal);
        Assert.Contains("met with Japanese Foreign Minister Takeshi Iwaya", formats["html"], StringComparison.Ordinal);
        Assert.DoesNotContain("Markets and more menu", formats["html"], StringComparison.Ordinal);
        Assert.Contains("Perú and Chile", formats["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("---", formats["markdown"], StringComparison.Ordinal);
        Assert.True(results.Sum(r => r.Proposals) >= 5, string.Join(", ", results.Select(r => $"{r.Document}: {r.Proposals}")));
    }

    [Fact]
    public async Task Ingesting_the_folder_again_stores_nothing_new()
    {
        var service = Service();
        await IngestFolderAsync(service);
        var before = await _store.GetStatsAsync(Ct);
        var again = await IngestFolderAsync(service);
        Assert.All(again, r => Assert.Equal(IngestOutcome.Duplicate, r.Outcome));
        Assert.Equal(before.Documents, (await _store.GetStatsAsync(Ct)).Documents);
    }
}
