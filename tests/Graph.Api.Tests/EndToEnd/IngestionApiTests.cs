using System.Text;
using System.Text.Json.Nodes;
using Graph.Core.Store;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>ingestDocument, the review queue and full-text search over real HTTP on a real SQLite store.</summary>
public sealed class IngestionApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    // An invented article: nothing here comes from the seed or development documents.
    private const string Article = """
        Finland and Estonia sign a border security accord

        Finland and Estonia signed a border security agreement on Monday, the Finnish interior ministry said.

        Finnish President Alexander Stubb met with Estonian Prime Minister Kristen Michal in Helsinki. According to the ministry, Finland will deploy 300 border guards to Estonia next year.

        Russia reportedly supplied drones to Belarus last month, Estonian officials said.
        """;

    private const string Ingest = """
        mutation Ingest($input: IngestDocumentInput!) {
          ingestDocument(input: $input) {
            outcome message proposalCount autoAccepted
            document { documentId title published text ingestion { format language version source } }
            proposals { proposalId status type quote start end rule confidence extractor from { actorId name known } to { actorId name } }
          }
        }
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonNode> IngestAsync(object input)
    {
        var response = (await server.PostAsync(Ingest, new { input }, ApiServer.Key)).AssertOk();
        return response.Data!["ingestDocument"]!;
    }

    [Fact]
    public async Task Ingesting_a_text_stores_it_and_queues_proposals_whose_quotes_are_verbatim()
    {
        var text = Article.Replace("accord", "accord (1)", StringComparison.Ordinal);
        var result = await IngestAsync(new { text, published = "2025-03-05", publisher = "Baltic Wire", language = "en" });
        Assert.Equal("CREATED", (string?)result["outcome"]);
        var document = result["document"]!;
        Assert.Equal("2025-03-05", (string?)document["published"]);
        Assert.Equal("text", (string?)document["ingestion"]!["format"]);
        Assert.Equal(1, (int)document["ingestion"]!["version"]!);
        var stored = (string)document["text"]!;
        var proposals = result["proposals"]!.AsArray();
        Assert.True(proposals.Count >= 3, result.ToJsonString());
        Assert.Equal((int)result["proposalCount"]!, proposals.Count);
        foreach (var p in proposals)
        {
            var start = (int)p!["start"]!;
            var end = (int)p["end"]!;
            Assert.Equal((string)p["quote"]!, stored[start..end]);
            Assert.Equal("PENDING", (string?)p["status"]);
            Assert.StartsWith("rules/", (string)p["extractor"]!, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)p["rule"]));
        }

        Assert.Contains(proposals, p => (string?)p!["type"] == "LEADS" && (string?)p["from"]!["name"] == "Alexander Stubb" && (string?)p["to"]!["name"] == "Finland");
    }

    [Fact]
    public async Task The_same_text_twice_is_a_duplicate_and_writes_nothing()
    {
        var text = Article.Replace("accord", "accord (2)", StringComparison.Ordinal);
        var first = await IngestAsync(new { text });
        var before = await server.Store.ExportAsync(Token);
        var second = await IngestAsync(new { text });
        Assert.Equal("DUPLICATE", (string?)second["outcome"]);
        Assert.Equal((string?)first["document"]!["documentId"], (string?)second["document"]!["documentId"]);
        Assert.Contains("nothing was written", (string)second["message"]!, StringComparison.Ordinal);
        var after = await server.Store.ExportAsync(Token);
        Assert.Equal(before.Documents.Count, after.Documents.Count);
    }

    [Fact]
    public async Task A_new_text_at_a_known_url_is_a_new_version_linked_to_the_old()
    {
        const string url = "https://news.example.org/finland-estonia-accord";
        var first = await IngestAsync(new { text = Article.Replace("accord", "accord (3)", StringComparison.Ordinal), url });
        var second = await IngestAsync(new { text = Article.Replace("accord", "accord (3, updated)", StringComparison.Ordinal), url });
        Assert.Equal("NEW_VERSION", (string?)second["outcome"]);
        var id = (string)second["document"]!["documentId"]!;
        var response = (await server.PostAsync($$"""{ node: documents(first: 100) { nodes { documentId ingestion { version previousVersion { documentId } } } } }""")).AssertOk();
        var version = response.Data!["node"]!["nodes"]!.AsArray().Single(n => (string?)n!["documentId"] == id)!["ingestion"]!;
        Assert.Equal(2, (int)version["version"]!);
        Assert.Equal((string?)first["document"]!["documentId"], (string?)version["previousVersion"]!["documentId"]);
    }

    [Fact]
    public async Task An_html_page_sent_in_base64_keeps_the_article_and_drops_the_menus()
    {
        var html = $"""
            <!doctype html><html lang="en"><head><title>Accord signed | Baltic Wire</title>
            <meta property="og:site_name" content="Baltic Wire"><meta property="article:published_time" content="2025-03-04T09:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport news menu</a></nav>
            <article><h1>Finland and Estonia sign a border security accord (4)</h1>
            <p>Finland and Estonia signed a border security agreement on Monday, the Finnish interior ministry said in a statement to reporters.</p>
            <p>Finnish President Alexander Stubb met with Estonian Prime Minister Kristen Michal in Helsinki on Monday afternoon for talks.</p>
            <p>According to the ministry, Finland will deploy 300 border guards to Estonia next year under the new agreement.</p></article>
            <aside><h3>Related</h3><ul><li><a href="/a">Sport news menu item one</a></li></ul></aside>
            <footer>Copyright Baltic Wire. Subscribe to our newsletter.</footer></body></html>
            """;
        var result = await IngestAsync(new { contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(html)), fileName = "accord.html" });
        var document = result["document"]!;
        Assert.Equal("html", (string?)document["ingestion"]!["format"]);
        Assert.Equal("2025-03-04", (string?)document["published"]);
        var text = (string)document["text"]!;
        Assert.Contains("Finland will deploy 300 border guards", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sport news menu", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_refuses_the_request_and_names_the_forms_allowed()
    {
        var before = await server.Store.ExportAsync(Token);
        var response = await server.PostAsync(Ingest, new { input = new { text = "A title\n\nSome text.", published = "2025-13-45" } }, ApiServer.Key);
        Assert.Equal(400, response.Status);
        Assert.Contains("2025-02-09", response.Message, StringComparison.Ordinal);
        Assert.Equal(before.Documents.Count, (await server.Store.ExportAsync(Token)).Documents.Count);
    }

    [Theory]
    [InlineData("""{ "text": "x", "contentBase64": "eA==" }""", "exactly one of")]
    [InlineData("""{ }""", "exactly one of")]
    [InlineData("""{ "contentBase64": "%%%not base64" }""", "base64")]
    [InlineData("""{ "text": "A title\n\nSome text.", "autoAcceptAbove": 1.5 }""", "between 0 and 1")]
    [InlineData("""{ "text": "   \n  " }""", "text")]
    [InlineData("""{ "contentBase64": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" }""", "binary")]
    [InlineData("""{ "contentBase64": "JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+Pgo=", "fileName": "broken.pdf" }""", "broken.pdf")]
    public async Task Bad_documents_get_a_clear_error_and_store_nothing(string input, string expected)
    {
        var before = await server.Store.ExportAsync(Token);
        var response = await server.PostAsync(Ingest, new { input = JsonNode.Parse(input) }, ApiServer.Key);
        Assert.NotEmpty(response.Errors);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Contains(expected, response.Message, StringComparison.OrdinalIgnoreCase);
        var after = await server.Store.ExportAsync(Token);
        Assert.Equal(before.Documents.Count, after.Documents.Count);
        Assert.Equal(before.Relationships.Count, after.Relationships.Count);
    }

    [Fact]
    public async Task Ingesting_without_the_key_is_refused_and_stores_nothing()
    {
        var before = await server.Store.ExportAsync(Token);
        var response = await server.PostAsync(Ingest, new { input = new { text = Article } });
        Assert.Equal("UNAUTHENTICATED", response.Code);
        Assert.Equal(before.Documents.Count, (await server.Store.ExportAsync(Token)).Documents.Count);
    }

    [Fact]
    public async Task Only_a_caller_with_the_key_may_send_a_body_over_the_read_limit()
    {
        var padding = string.Join("\n\n", Enumerable.Repeat("Officials in Helsinki said the border talks would continue through the spring.", 1_200));
        var text = Article.Replace("accord", "accord (5)", StringComparison.Ordinal) + "\n\n" + padding;
        Assert.True(Encoding.UTF8.GetByteCount(text) > 65_536);
        var anonymous = await server.PostAsync(Ingest, new { input = new { text } });
        Assert.Equal(413, anonymous.Status);
        var result = await IngestAsync(new { text });
        Assert.Equal("CREATED", (string?)result["outcome"]);
    }

    [Fact]
    public async Task Accepting_writes_evidence_rejecting_is_remembered_and_rule_precision_counts_both()
    {
        var result = await IngestAsync(new { text = Article.Replace("accord", "accord (6)", StringComparison.Ordinal), published = "2025-03-05" });
        var document = (string)result["document"]!["documentId"]!;
        var proposals = result["proposals"]!.AsArray();
        var deploy = proposals.First(p => (string?)p!["type"] == "LEADS" && (string?)p["to"]!["name"] == "Finland")!;
        var other = proposals.First(p => (string?)p!["proposalId"] != (string?)deploy["proposalId"])!;

        var accepted = (await server.PostAsync("mutation($id: ID!) { acceptProposal(id: $id, note: \"checked\") { status reviewNote } }", new { id = (string)deploy["proposalId"]! }, ApiServer.Key)).AssertOk();
        Assert.Equal("ACCEPTED", (string?)accepted.Data!["acceptProposal"]!["status"]);
        var edge = (await server.PostAsync("""{ actor(name: "Finland") { relationships(first: 100) { nodes { type to { name } evidence { nodes { documentId quote extractor } } } } } }""")).AssertOk();
        Assert.Contains(edge.Data!["actor"]!["relationships"]!["nodes"]!.AsArray(), n =>
            (string?)n!["type"] == "LEADS" && n["evidence"]!["nodes"]!.AsArray().Any(e => (string?)e!["documentId"] == document && (string?)e["quote"] == (string?)deploy["quote"]));

        var rejected = (await server.PostAsync("mutation($id: ID!) { rejectProposal(id: $id, note: \"wrong\") { status } }", new { id = (string)other["proposalId"]! }, ApiServer.Key)).AssertOk();
        Assert.Equal("REJECTED", (string?)rejected.Data!["rejectProposal"]!["status"]);
        var again = (await server.PostAsync("mutation($id: ID!) { acceptProposal(id: $id) { status } }", new { id = (string)other["proposalId"]! }, ApiServer.Key));
        Assert.Equal("BAD_USER_INPUT", again.Code);

        var reread = (await server.PostAsync("mutation($d: ID!) { reextractDocument(document: $d) { outcome skippedRejected proposalCount } }", new { d = document }, ApiServer.Key)).AssertOk();
        Assert.Equal("REEXTRACTED", (string?)reread.Data!["reextractDocument"]!["outcome"]);
        Assert.Equal(0, (int)reread.Data!["reextractDocument"]!["proposalCount"]!);
        Assert.True((int)reread.Data!["reextractDocument"]!["skippedRejected"]! >= 1);

        var rules = (await server.PostAsync("{ rulePrecision { rule accepted rejected pending precision } }")).AssertOk();
        var rule = rules.Data!["rulePrecision"]!.AsArray().Single(r => (string?)r!["rule"] == (string?)deploy["rule"])!;
        Assert.True((int)rule["accepted"]! >= 1);
    }

    [Fact]
    public async Task Editing_a_proposal_changes_it_and_a_batch_accept_takes_a_whole_document()
    {
        var result = await IngestAsync(new { text = Article.Replace("accord", "accord (7)", StringComparison.Ordinal) });
        var document = (string)result["document"]!["documentId"]!;
        var first = result["proposals"]!.AsArray()[0]!;
        var edited = (await server.PostAsync(
            "mutation($input: EditProposalInput!) { editProposal(input: $input) { stance edited quote } }",
            new { input = new { id = (string)first["proposalId"]!, stance = "HEDGED" } },
            ApiServer.Key)).AssertOk();
        Assert.Equal("HEDGED", (string?)edited.Data!["editProposal"]!["stance"]);
        Assert.True((bool)edited.Data!["editProposal"]!["edited"]!);

        var badSpan = await server.PostAsync(
            "mutation($input: EditProposalInput!) { editProposal(input: $input) { quote } }",
            new { input = new { id = (string)first["proposalId"]!, start = 5, end = 100_000 } },
            ApiServer.Key);
        Assert.Equal("BAD_USER_INPUT", badSpan.Code);

        var batch = (await server.PostAsync("mutation($d: ID!) { acceptProposals(document: $d) { count proposals { status } } }", new { d = document }, ApiServer.Key)).AssertOk();
        var count = (int)batch.Data!["acceptProposals"]!["count"]!;
        Assert.Equal(result["proposals"]!.AsArray().Count, count);
        Assert.All(batch.Data!["acceptProposals"]!["proposals"]!.AsArray(), p => Assert.Equal("ACCEPTED", (string?)p!["status"]));
        var pending = (await server.PostAsync("query($d: ID!) { proposals(document: $d) { totalCount } }", new { d = document })).AssertOk();
        Assert.Equal(0, (int)pending.Data!["proposals"]!["totalCount"]!);
    }

    [Fact]
    public async Task Text_search_finds_documents_and_quotes_and_survives_hostile_queries()
    {
        await IngestAsync(new { text = Article.Replace("accord", "accord (8) Tallinnaports", StringComparison.Ordinal) });
        var hits = (await server.PostAsync("""{ textSearch(query: "tallinnaports") { documentId title snippet relationship { type } } }""")).AssertOk();
        Assert.Contains(hits.Data!["textSearch"]!.AsArray(), h => ((string)h!["snippet"]!).Contains("[Tallinnaports]", StringComparison.OrdinalIgnoreCase));
        var seedQuote = (await server.PostAsync("""{ textSearch(query: "student visas") { relationship { type } } }""")).AssertOk();
        Assert.Contains(seedQuote.Data!["textSearch"]!.AsArray(), h => h!["relationship"] is not null);
        foreach (var hostile in new[] { "\"unbalanced", "AND(", "NEAR/3 *", "a' OR 1=1 --" })
        {
            var response = await server.PostAsync("query($q: String!) { textSearch(query: $q) { documentId } }", new { q = hostile });
            Assert.True(response.Errors.Count == 0 || response.Code == "BAD_USER_INPUT", response.Text);
        }
    }
}
