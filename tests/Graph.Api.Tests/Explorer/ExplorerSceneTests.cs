using System.Text;
using System.Xml.Linq;
using Graph.Api.Tests.Browser;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Explorer;

/// <summary>
/// Working with the scene in the explorer, in headless Chromium against the real API: grouping and conflict flags,
/// hide / hide others / pin with undo and redo, filters, layouts, the list view and shortcuts, exports, the time
/// bar's play, and the review queue over proposals read from an ingested document.
/// </summary>
public sealed class ExplorerSceneTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = ExplorerPage.UiTimeoutMs;

    private Task<ExplorerPage> NorthKoreaExpandedAsync() => ExplorerPage.NorthKoreaExpandedAsync(chromium, server);

    private static Task<T> EvalAsync<T>(ExplorerPage explorer, string script, object? arg = null) => explorer.EvalAsync<T>(script, arg);

    [Fact]
    public async Task Parallel_relationships_are_one_edge_with_a_count_and_conflicting_figures_flag_the_edge()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var label = await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getEdgeAttribute(window.explorer.edgeKey('DEPLOYED', 'state:north-korea', 'state:russia'), 'label')");
        Assert.Equal("⚠ DEPLOYED ×3", label);
        var plain = await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getEdgeAttribute(window.explorer.edgeKey('LEADS', 'official:kim-jong-un', 'state:north-korea'), 'label')");
        Assert.Equal("LEADS", plain);
    }

    [Fact]
    public async Task Hide_hide_others_and_pin_are_undone_and_redone_and_listed_in_the_history()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var all = await explorer.CountAsync("nodes");

        var (x, y) = await explorer.NodePointAsync("state:russia");
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("Russia", new() { Timeout = Timeout });
        await page.Locator("body").PressAsync("h");
        await explorer.WaitForAsync($"body[data-nodes='{all - 1}']");
        await page.Locator("body").PressAsync("Control+z");
        await explorer.WaitForAsync($"body[data-nodes='{all}']");
        await page.Locator("body").PressAsync("Control+y");
        await explorer.WaitForAsync($"body[data-nodes='{all - 1}']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await explorer.WaitForAsync($"body[data-nodes='{all}']");

        (x, y) = await explorer.NodePointAsync("state:north-korea");
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("North Korea", new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hide others (O)" }).ClickAsync();
        await explorer.WaitForAsync("body[data-nodes='1']");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pin (I)" }).ClickAsync();
        Assert.True(await EvalAsync<bool>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'fixed') === true"));
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Pinned");

        await page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var history = page.Locator("#panel ol.history li");
        await Assertions.Expect(history.Last).ToContainTextAsync("Pin state:north-korea");
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("Hide all others");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-hide-others-history")}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show hidden actors" }).ClickAsync();
        await explorer.WaitForAsync($"body[data-nodes='{all}']");
    }

    [Fact]
    public async Task Kind_stance_confidence_and_document_filters_take_what_they_exclude_off_the_canvas()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var nodes = await explorer.CountAsync("nodes");
        var edges = await explorer.CountAsync("edges");
        await page.Locator("body").PressAsync("l");
        var list = page.Locator("#list-view");
        await Assertions.Expect(list).ToContainTextAsync("Kim Jong Un");

        var officials = page.Locator("#filter-kinds").GetByLabel("Official");
        await officials.UncheckAsync();
        await Assertions.Expect(list).Not.ToContainTextAsync("Kim Jong Un");
        Assert.True(await explorer.CountAsync("nodes") < nodes);
        await officials.CheckAsync();
        await explorer.WaitForAsync($"body[data-nodes='{nodes}']");

        // Only hedged evidence: edges stated only as plain assertions leave.
        await page.Locator("#filter-stances").GetByLabel("asserts").UncheckAsync();
        var hedgedOnly = await explorer.CountAsync("edges");
        Assert.True(hedgedOnly < edges && hedgedOnly > 0, $"edges {edges}, with hedged evidence {hedgedOnly}");
        await page.Locator("#filter-stances").GetByLabel("asserts").CheckAsync();

        await page.Locator("#filter-confidence").FillAsync("0.9");
        Assert.True(await explorer.CountAsync("edges") <= edges);
        await page.Locator("#filter-confidence").FillAsync("0");

        await page.Locator("#filter-document").SelectOptionAsync("doc:kim-bolsters-russia-workforce");
        var fromOne = await explorer.CountAsync("edges");
        Assert.True(fromOne < edges && fromOne > 0, $"edges {edges}, from the Hindustan Times article {fromOne}");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-filter-document")}");
    }

    [Fact]
    public async Task Radial_and_hierarchical_layouts_place_actors_by_their_distance_from_the_selected_one()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        await page.Locator("#layout").SelectOptionAsync("radial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lay out" }).ClickAsync();
        // The layout animates every actor to its place: wait until the animation is over, then read where they are
        // (North Korea's own short trip can end near the centre while Russia is still on its way).
        await page.WaitForFunctionAsync("() => !window.explorer.canvas.animating && Math.hypot(window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'x'), window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'y')) < 1", null, new() { Timeout = Timeout });
        var ring = await EvalAsync<double>(explorer, "() => { const a = window.explorer.scene.graph.getNodeAttributes('state:russia'); return Math.hypot(a.x, a.y); }");
        Assert.InRange(ring, 119, 121);
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-layout-radial")}");

        await page.Locator("#layout").SelectOptionAsync("hierarchical");
        await page.Locator("body").PressAsync("r");
        await page.WaitForFunctionAsync("() => Math.abs(window.explorer.scene.graph.getNodeAttribute('state:russia', 'y') + 110) < 1", null, new() { Timeout = Timeout });
        Assert.Equal(0, await EvalAsync<double>(explorer, "() => Math.round(window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'y'))"));
    }

    [Fact]
    public async Task The_list_view_and_the_help_overlay_work_from_the_keyboard()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        await page.Locator("body").PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToBeVisibleAsync();
        await Assertions.Expect(help).ToContainTextAsync("Expand the selected actor");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-help")}");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToBeHiddenAsync();

        await page.Locator("body").PressAsync("l");
        var list = page.Locator("#list-view");
        await Assertions.Expect(list).ToBeVisibleAsync();
        var russia = list.GetByRole(AriaRole.Button, new() { Name = "Russia", Exact = true });
        await russia.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("Russia", new() { Timeout = Timeout });
        var deployed = list.GetByRole(AriaRole.Button, new() { Name = "⚠ DEPLOYED ×3" });
        await deployed.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#panel-title")).ToContainTextAsync("DEPLOYED", new() { Timeout = Timeout });
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-list-view")}");
    }

    [Fact]
    public async Task The_history_asked_for_while_an_actor_is_loading_stays_when_the_actor_arrives()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var held = new TaskCompletionSource();
        var answered = new TaskCompletionSource();
        await page.RouteAsync("**/graphql", async route =>
        {
            if (route.Request.PostData?.Contains("query ExplorerActor(", StringComparison.Ordinal) != true)
            {
                await route.ContinueAsync();
                return;
            }

            await held.Task; // the actor's answer is late
            await route.ContinueAsync();
            answered.TrySetResult();
        });

        var (x, y) = await explorer.NodePointAsync("state:russia");
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("Loading", new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel h2")).ToHaveTextAsync("History of the exploration");

        held.SetResult();
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Let the page read the late answer (a fetch resolves and its JSON is parsed after the response event).
        await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 500))");
        await Assertions.Expect(page.Locator("#panel h2")).ToHaveTextAsync("History of the exploration");
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_scene_exports_as_PNG_SVG_CSV_and_GraphML_with_what_is_visible()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var nodes = await explorer.CountAsync("nodes");
        var relationships = await EvalAsync<int>(explorer, "() => window.explorer.scene.graph.filterEdges((e, a) => !a.hidden).reduce((n, e) => n + window.explorer.scene.graph.getEdgeAttribute(e, 'rels').length, 0)");

        async Task<List<(string Name, byte[] Bytes)>> ExportAsync(string format, int files)
        {
            var downloads = new List<IDownload>();
            void OnDownload(object? sender, IDownload d) => downloads.Add(d);
            page.Download += OnDownload;
            await page.Locator("#export").SelectOptionAsync(format);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (downloads.Count < files && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            page.Download -= OnDownload;
            Assert.Equal(files, downloads.Count);
            var result = new List<(string, byte[])>();
            foreach (var d in downloads)
            {
                var path = await d.PathAsync();
                result.Add((d.SuggestedFilename, await File.ReadAllBytesAsync(path)));
            }

            return result;
        }

        var png = Assert.Single(await ExportAsync("png", 1));
        Assert.Equal("scene.png", png.Name);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Bytes[..4]);
        Assert.True(png.Bytes.Length > 20_000, $"the PNG holds a drawing, not a blank page ({png.Bytes.Length} bytes)");

        var svg = XDocument.Parse(Encoding.UTF8.GetString(Assert.Single(await ExportAsync("svg", 1)).Bytes));
        XNamespace ns = "http://www.w3.org/2000/svg";
        // One shape per actor, drawn as on the canvas: states are circles, agencies and officials polygons.
        var shapes = svg.Descendants().Where(e => e.Element(ns + "title") is not null && e.Name != ns + "line").ToList();
        Assert.Equal(nodes, shapes.Count);
        string TitleOf(XElement e) => e.Element(ns + "title")!.Value;
        Assert.All(shapes.Where(e => TitleOf(e).StartsWith("state:", StringComparison.Ordinal)), e => Assert.Equal(ns + "circle", e.Name));
        var agencies = shapes.Where(e => TitleOf(e).StartsWith("agency:", StringComparison.Ordinal) || TitleOf(e).StartsWith("official:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(agencies);
        Assert.All(agencies, e => Assert.Equal(ns + "polygon", e.Name));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "North Korea");

        var csv = await ExportAsync("csv", 2);
        var nodeLines = Encoding.UTF8.GetString(csv.Single(f => f.Name == "nodes.csv").Bytes).TrimEnd('\n').Split('\n');
        Assert.Equal("id,name,kind,degree", nodeLines[0]);
        Assert.Equal(nodes + 1, nodeLines.Length);
        var edgeLines = Encoding.UTF8.GetString(csv.Single(f => f.Name == "edges.csv").Bytes).TrimEnd('\n').Split('\n');
        Assert.Equal(relationships + 1, edgeLines.Length);
        Assert.Contains(edgeLines, l => l.Contains("DEPLOYED,state:north-korea,state:russia", StringComparison.Ordinal) && l.EndsWith(",true", StringComparison.Ordinal));

        var graphml = XDocument.Parse(Encoding.UTF8.GetString(Assert.Single(await ExportAsync("graphml", 1)).Bytes));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(nodes, graphml.Descendants(g + "node").Count());
        Assert.Equal(relationships, graphml.Descendants(g + "edge").Count());
    }

    [Fact]
    public async Task Play_moves_the_time_window_through_the_years_of_the_scene()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var edges = await explorer.CountAsync("edges");
        await page.GetByRole(AriaRole.Button, new() { Name = "▶ Play" }).ClickAsync();
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync("2017 – 2017", new() { Timeout = Timeout });
        Assert.True(await explorer.CountAsync("edges") < edges);
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync("2017 – 2020", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync("all time", new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "▶ Play" })).ToBeVisibleAsync();
        Assert.Equal(edges, await explorer.CountAsync("edges"));
    }

    [Fact]
    public async Task The_review_queue_accepts_a_proposal_with_the_key_and_says_so_in_plain_words_without_it()
    {
        const string text = "Finnish President Alexander Stubb met with Estonian Prime Minister Kristen Michal in Helsinki. Russia reportedly supplied drones to Belarus last month, Estonian officials said.";
        (await server.PostAsync(
            "mutation($input: IngestDocumentInput!) { ingestDocument(input: $input) { outcome proposalCount } }",
            new { input = new { text, title = "Explorer review test", published = "2025-03-05" } },
            ApiServer.Key)).AssertOk();

        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        var items = page.Locator("#panel ul.proposals > li");
        await Assertions.Expect(items.First).ToBeVisibleAsync(new() { Timeout = Timeout });
        var pending = await items.CountAsync();

        await page.GetByLabel("API key").FillAsync("wrong-key");
        await items.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel .error")).ToContainTextAsync("API key", new() { Timeout = Timeout });

        await page.GetByLabel("API key").FillAsync(ApiServer.Key);
        var first = await items.First.Locator("p").First.InnerTextAsync();
        await items.First.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator("#panel [role=status]").First).ToContainTextAsync("Accepted", new() { Timeout = Timeout });
        await Assertions.Expect(items).ToHaveCountAsync(pending - 1, new() { Timeout = Timeout });
        output.WriteLine($"accepted: {first}");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-review-queue")}");

        var accepted = (await server.PostAsync("{ proposals(status: ACCEPTED, first: 50) { totalCount } }")).AssertOk();
        Assert.True((int)accepted.Data!["proposals"]!["totalCount"]! >= 1);
    }
}
