using Graph.Api.Tests.Browser;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Explorer;

/// <summary>
/// Drives the explorer at / like an analyst: the search box, the canvas (clicks at the positions sigma draws actors
/// and edges at, read from the page's read-only <c>window.explorer</c> hook), the panels and the time bar.
/// </summary>
internal sealed class ExplorerPage(IPage page, ApiServer server)
{
    /// <summary>How long the UI may take to show something (the API, the layout and software WebGL are slow on a shared machine).</summary>
    public const float UiTimeoutMs = 30_000;

    public IPage Page => page;

    public static string BundleIndex => Path.Combine(ApiServer.RepositoryRoot, "src", "Graph.Api", "wwwroot", "explorer", "index.html");

    /// <summary>Skips (or fails under CI) when the bundle was not built.</summary>
    public static void RequireBundle()
    {
        if (!File.Exists(BundleIndex))
        {
            RequiredTool.Missing($"The explorer bundle is not built ({BundleIndex} is missing): build src/Graph.Api with Node.js and npm on PATH (without GRAPH_SKIP_EXPLORER_BUILD=1).");
        }
    }

    public static async Task<ExplorerPage> OpenAsync(ChromiumFixture chromium, ApiServer server, string path = "")
    {
        RequireBundle();
        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        Assert.Equal(200, response!.Status);
        var explorer = new ExplorerPage(page, server);
        await explorer.WaitForAsync("body[data-ready='true']");
        return explorer;
    }

    /// <summary>The page with North Korea found by its alias "DPRK" and one page of each of its types drawn: where most tests start.</summary>
    public static async Task<ExplorerPage> NorthKoreaExpandedAsync(ChromiumFixture chromium, ApiServer server)
    {
        var explorer = await OpenAsync(chromium, server);
        await explorer.SearchAndPickAsync("DPRK", "North Korea");
        await explorer.ExpandAllAsync("state:north-korea");
        return explorer;
    }

    /// <summary>Runs a script in the page and returns its value.</summary>
    public Task<T> EvalAsync<T>(string script, object? arg = null) => page.EvaluateAsync<T>(script, arg);

    public Task WaitForAsync(string selector) =>
        Assertions.Expect(page.Locator(selector)).ToHaveCountAsync(1, new() { Timeout = UiTimeoutMs });

    public async Task<int> CountAsync(string dataName) =>
        int.Parse(await page.Locator("body").GetAttributeAsync($"data-{dataName}") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Types into the search box, waits for the suggestion naming <paramref name="expected"/> and picks it.</summary>
    public async Task SearchAndPickAsync(string text, string expected)
    {
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Search actors, quotes and documents" });
        await search.FillAsync(text);
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = expected }).First;
        await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        await option.ClickAsync();
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync(expected, new() { Timeout = UiTimeoutMs });
    }

    /// <summary>Waits until the camera and the layout are still, so that what is on screen stays where it is.</summary>
    public async Task WaitForStillAsync() =>
        await page.WaitForFunctionAsync("() => window.explorer.idle()", null, new() { Timeout = UiTimeoutMs, PollingInterval = 50 });

    /// <summary>Where on the page an actor is drawn (sigma's viewport position plus the canvas's offset), once nothing moves.</summary>
    public async Task<(float X, float Y)> NodePointAsync(string actorId)
    {
        await WaitForStillAsync();
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var p = await page.EvaluateAsync<Point>("id => window.explorer.nodeOnScreen(id)", actorId);
        return (box.X + p.X, box.Y + p.Y);
    }

    /// <summary>Where on the page the midpoint of a drawn edge is.</summary>
    public async Task<(float X, float Y)> EdgePointAsync(string type, string from, string to)
    {
        await WaitForStillAsync();
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var p = await page.EvaluateAsync<Point>("([t, f, o]) => window.explorer.edgeOnScreen(window.explorer.edgeKey(t, f, o))", new[] { type, from, to });
        return (box.X + p.X, box.Y + p.Y);
    }

    /// <summary>Double-clicks the actor on the canvas, waits for the counts per type, and draws one page of every type.</summary>
    public async Task ExpandAllAsync(string actorId)
    {
        var (x, y) = await NodePointAsync(actorId);
        await page.Mouse.DblClickAsync(x, y);
        var drawAll = page.GetByRole(AriaRole.Button, new() { Name = "Draw all types (one page each)" });
        await Assertions.Expect(drawAll).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        await drawAll.ClickAsync();
        await WaitForAsync($"body[data-expanded='{actorId}'][data-last-change='layout']");
    }

    /// <summary>Clicks the edge on the canvas, then (edges between one pair of actors overlap) the one of <paramref name="type"/> in the panel.</summary>
    /// <remarks>
    /// Two edges from one actor can run nearly together where the force layout has put their far ends close (North
    /// Korea to Russia and to the war in Ukraine): a click at the edge's midpoint may select the other one. The click is
    /// checked to have selected an edge between the two actors wanted, and tried again further along the edge if not.
    /// </remarks>
    public async Task OpenEdgeAsync(string type, string from, string to)
    {
        var (x, y) = await EdgePointAsync(type, from, to);
        var (fromX, fromY) = await NodePointAsync(from);
        var (toX, toY) = await NodePointAsync(to);
        var points = new List<(float X, float Y)> { (x, y) };
        points.AddRange(new[] { 0.35f, 0.65f, 0.25f, 0.75f, 0.45f, 0.55f }.Select(f => (fromX + ((toX - fromX) * f), fromY + ((toY - fromY) * f))));
        var selected = false;
        foreach (var (px, py) in points)
        {
            await page.Mouse.ClickAsync(px, py);
            try
            {
                // Any edge between the two actors will do here: the panel then offers the type wanted among them.
                await page.WaitForFunctionAsync(
                    "([f, o]) => { const k = document.body.dataset.selectedEdge; const g = window.explorer.scene.graph; if (!k || !g.hasEdge(k)) return false; const [s, t] = [g.source(k), g.target(k)]; return (s === f && t === o) || (s === o && t === f); }",
                    new[] { from, to },
                    new() { Timeout = 2_000 });
                selected = true;
                break;
            }
            catch (TimeoutException)
            {
                // Another edge, a node or nothing was under that point: try the next one along the edge.
            }
        }

        Assert.True(selected, $"No click along the {type} edge {from} -> {to} selected it (points tried: {string.Join(", ", points)}).");
        // The list of edges between the two actors comes with the evidence: wait for it before choosing among them.
        await Assertions.Expect(page.Locator("#panel .relationship").First).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        var choice = page.GetByRole(AriaRole.Navigation, new() { Name = "Edges between these actors" }).GetByRole(AriaRole.Button).Filter(new() { HasText = type });
        if (await choice.CountAsync() > 0)
        {
            await choice.First.ClickAsync();
        }

        await Assertions.Expect(page.Locator("#panel-title")).ToContainTextAsync(type, new() { Timeout = UiTimeoutMs });
    }

    public async Task<string> ScreenshotAsync(string name) => await Screenshots.SaveAsync(page, name);

    public Uri BaseAddress => server.BaseAddress;

    private sealed class Point
    {
        public float X { get; set; }

        public float Y { get; set; }
    }
}
