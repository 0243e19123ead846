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

    /// <summary>
    /// A point on the page, on the line between two actors (or <paramref name="across"/> pixels beside it), where the
    /// explorer's own hit test picks an edge between them: another edge can run along part of this one where the force
    /// layout puts actors (North Korea to Russia and to the war in Ukraine), so points from the middle outwards are
    /// asked in turn. Fails the test naming the pair when no point along the line picks it.
    /// </summary>
    public async Task<(float X, float Y)> EdgePickPointAsync(string from, string to, float across = 0)
    {
        await WaitForStillAsync();
        var box = (await page.Locator("#graph").BoundingBoxAsync())!;
        var point = await page.EvaluateAsync<Point?>(
            """
            ({ f, o, across }) => {
              const { canvas } = window.explorer;
              const g = canvas.scene.graph;
              const between = (k) => k && ((g.source(k) === f && g.target(k) === o) || (g.source(k) === o && g.target(k) === f));
              const [a, b] = [canvas.viewportOf(f), canvas.viewportOf(o)];
              const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
              const [nx, ny] = [-(b.y - a.y) / length, (b.x - a.x) / length];
              for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.45, 0.55, 0.25, 0.75]) {
                const p = { x: a.x + (b.x - a.x) * t + across * nx, y: a.y + (b.y - a.y) * t + across * ny };
                if (between(canvas.edgeAt(p))) return p;
              }
              return null;
            }
            """,
            new { f = from, o = to, across = (double)across });
        Assert.True(point is not null, $"The explorer's hit test picks no edge between {from} and {to} anywhere along the line between them.");
        return (box.X + point!.X, box.Y + point.Y);
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
    /// <remarks>The click goes where the explorer's hit test picks an edge between the two (<see cref="EdgePickPointAsync"/>), and is checked to have selected one.</remarks>
    public async Task OpenEdgeAsync(string type, string from, string to)
    {
        var (x, y) = await EdgePickPointAsync(from, to);
        await page.Mouse.ClickAsync(x, y);

        // Any edge between the two actors will do here: the panel then offers the type wanted among them.
        var selected = true;
        try
        {
            await page.WaitForFunctionAsync(
                "([f, o]) => { const k = document.body.dataset.selectedEdge; const g = window.explorer.scene.graph; if (!k || !g.hasEdge(k)) return false; const [s, t] = [g.source(k), g.target(k)]; return (s === f && t === o) || (s === o && t === f); }",
                new[] { from, to },
                new() { Timeout = UiTimeoutMs });
        }
        catch (TimeoutException)
        {
            selected = false;
        }

        Assert.True(selected, $"A click at ({x}, {y}) on the {type} edge {from} -> {to}, where the explorer's hit test picks it, selected {await page.Locator("body").GetAttributeAsync("data-selected-edge") ?? "no edge"}.");
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
