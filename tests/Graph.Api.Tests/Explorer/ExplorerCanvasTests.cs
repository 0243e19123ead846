using Graph.Api.Tests.Browser;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Explorer;

/// <summary>
/// What the canvas draws and how it is handled, in headless Chromium against the real API over the seed graph: a
/// shape as well as a colour per node kind, officials folded into the actor they lead (and unfolded), dragging a node.
/// </summary>
public sealed class ExplorerCanvasTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = ExplorerPage.UiTimeoutMs;

    private Task<ExplorerPage> NorthKoreaExpandedAsync() => ExplorerPage.NorthKoreaExpandedAsync(chromium, server);

    private static Task<T> EvalAsync<T>(ExplorerPage explorer, string script, object? arg = null) => explorer.EvalAsync<T>(script, arg);

    [Fact]
    public async Task Each_kind_has_its_own_shape_on_the_canvas_and_in_the_legend()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;

        var legend = page.Locator("#legend li");
        await Assertions.Expect(legend).ToHaveCountAsync(9);
        var shapes = await legend.EvaluateAllAsync<string[]>("items => items.map(li => li.querySelector('svg.kind-shape').dataset.shape)");
        Assert.Equal(9, shapes.Distinct().Count());
        await Assertions.Expect(page.Locator("#legend li[data-kind='OFFICIAL'] svg polygon")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#legend li[data-kind='STATE'] svg circle")).ToHaveCountAsync(1);

        // Which of sigma's node programs draws each actor: one program per shape.
        var drawn = await EvalAsync<string[]>(explorer, """
            () => ['official:kim-jong-un', 'state:north-korea'].map(id => {
              const d = window.explorer.canvas.renderer.getNodeDisplayData(id);
              return d.type;
            })
            """);
        Assert.Equal("triangle", drawn[0]);
        Assert.Equal("circle", drawn[1]);
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-shapes-by-kind")}");
    }

    [Fact]
    public async Task An_edge_answers_the_pointer_within_a_few_pixels_of_its_line_and_not_beyond()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        var (bx, by) = await explorer.EdgePickPointAsync("state:north-korea", "state:russia", across: 3);
        var graph = page.Locator("#graph");

        // 3 px beside the line: the pointer shows it can be clicked, and a click opens an edge between the two.
        await page.Mouse.MoveAsync(bx, by);
        await Assertions.Expect(graph).ToHaveCSSAsync("cursor", "pointer");
        await page.Mouse.ClickAsync(bx, by);
        await Assertions.Expect(page.Locator("#panel .relationship").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        var ends = await EvalAsync<string[]>(explorer, "() => { const g = window.explorer.scene.graph, e = window.explorer.canvas.selectedEdge; return [g.source(e), g.target(e)].sort(); }");
        Assert.Equal(["state:north-korea", "state:russia"], ends);

        // Where no line and no actor is near, nothing answers: the pointer stays plain and a click selects nothing.
        var box = (await graph.BoundingBoxAsync())!;
        var far = await EvalAsync<float[]?>(explorer, """
            ({ w, h }) => {
              const x = window.explorer, g = x.scene.graph;
              for (let py = 20; py < h - 20; py += 10) {
                for (let px = 20; px < w - 20; px += 10) {
                  const p = { x: px, y: py };
                  const nearNode = g.nodes().some((n) => { const q = x.nodeOnScreen(n); return Math.hypot(q.x - p.x, q.y - p.y) < 40; });
                  const nearEdge = [[0, 0], [12, 0], [-12, 0], [0, 12], [0, -12]].some(([dx, dy]) => x.canvas.edgeAt({ x: p.x + dx, y: p.y + dy }) !== null);
                  if (!nearNode && !nearEdge) return [p.x, p.y];
                }
              }
              return null;
            }
            """, new { w = (double)box.Width, h = (double)box.Height });
        Assert.NotNull(far);
        await page.Mouse.MoveAsync(box.X + far[0], box.Y + far[1]);
        await Assertions.Expect(graph).Not.ToHaveCSSAsync("cursor", "pointer");
        await page.WaitForTimeoutAsync(350); // sigma reads a second click within 300 ms as a double click
        await page.Mouse.ClickAsync(box.X + far[0], box.Y + far[1]);
        await page.WaitForFunctionAsync("() => window.explorer.canvas.selectedEdge === null", null, new() { Timeout = Timeout });
    }

    [Fact]
    public async Task A_short_edge_lying_along_a_longer_one_is_picked_along_its_length_and_the_longer_one_beyond_it()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        const string From = "state:north-korea";

        // Two of North Korea's neighbours, not linked to each other: the far one owns the edge drawn last (nearest alone,
        // the edge met last won a tie, so that one would win everywhere), and the near one is dropped on the middle of the
        // line to the far one, so that its edge to North Korea runs along the first half of that line.
        var pair = await EvalAsync<string[]>(explorer, """
            (f) => {
              const g = window.explorer.scene.graph;
              const mine = g.edges().filter((e) => (g.source(e) === f || g.target(e) === f) && !g.getEdgeAttribute(e, 'hidden'));
              const far = g.opposite(f, mine[mine.length - 1]);
              const near = g.neighbors(f).find((n) => n !== far && !g.areNeighbors(n, far) && !g.getNodeAttribute(n, 'hidden'));
              return [far, near];
            }
            """, From);
        var (far, near) = (pair[0], pair[1]);
        Assert.NotNull(near);
        var (ax, ay) = await explorer.NodePointAsync(From);
        var (bx, by) = await explorer.NodePointAsync(far);
        var (cx, cy) = await explorer.NodePointAsync(near);
        await page.Mouse.MoveAsync(cx, cy);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((ax + bx) / 2, (ay + by) / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        (ax, ay) = await explorer.NodePointAsync(From);
        (bx, by) = await explorer.NodePointAsync(far);
        (cx, cy) = await explorer.NodePointAsync(near);
        Assert.InRange(MathF.Abs(cx - ((ax + bx) / 2)) + MathF.Abs(cy - ((ay + by) / 2)), 0, 4);

        // Clicks along each half select the shortest edge drawn there; a point where a third edge runs closer is passed.
        async Task<string[]> EndsPickedAlong(float[] fractions, string[][] wanted)
        {
            foreach (var t in fractions)
            {
                await page.Mouse.ClickAsync(ax + ((bx - ax) * t), ay + ((by - ay) * t));
                await explorer.WaitForStillAsync();
                var ends = await EvalAsync<string[]?>(explorer, "() => { const g = window.explorer.scene.graph, e = document.body.dataset.selectedEdge; return e && g.hasEdge(e) ? [g.source(e), g.target(e)].sort() : null; }");
                if (ends is not null && wanted.Any(w => w.SequenceEqual(ends)))
                {
                    return ends;
                }
            }

            return [];
        }

        var shortPair = new[] { From, near }.Order(StringComparer.Ordinal).ToArray();
        var longPair = new[] { From, far }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(shortPair, await EndsPickedAlong([0.25f, 0.3f, 0.2f, 0.35f], [shortPair, longPair]));
        Assert.Equal(longPair, await EndsPickedAlong([0.75f, 0.7f, 0.8f, 0.65f], [shortPair, longPair]));
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-short-edge-along-a-longer-one")}");
    }

    [Fact]
    public async Task Folding_officials_hides_them_in_their_host_with_a_count_and_reroutes_their_edges_and_unfolding_restores_them()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        await explorer.ExpandAllAsync("official:kim-jong-un");
        var nodes = await explorer.CountAsync("nodes");
        var edges = await explorer.CountAsync("edges");
        // Kim Jong Un's edges other than the one to North Korea: after folding they start or end at North Korea.
        var kimsOthers = await EvalAsync<int>(explorer, """
            () => { const g = window.explorer.scene.graph; return g.edges('official:kim-jong-un').filter(e => g.opposite('official:kim-jong-un', e) !== 'state:north-korea').length; }
            """);
        Assert.True(kimsOthers > 0, "expanding Kim Jong Un should draw edges beyond North Korea");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fold officials" }).ClickAsync();
        await explorer.WaitForAsync("body[data-last-change='fold']");
        var folded = await EvalAsync<int>(explorer, "() => window.explorer.scene.graph.filterNodes((n, a) => !!a.foldedInto).length");
        Assert.True(folded >= 1);
        Assert.Equal(nodes - folded, await explorer.CountAsync("nodes"));
        Assert.Equal("state:north-korea", await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('official:kim-jong-un', 'foldedInto')"));
        Assert.True(await EvalAsync<bool>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('official:kim-jong-un', 'hidden')"));
        var label = await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'label')");
        Assert.Matches(@"^North Korea \(\+\d+\)$", label);
        // Nothing visible touches the folded official; his relationships are carried by grouped edges at North Korea.
        Assert.Equal(0, await EvalAsync<int>(explorer, "() => { const g = window.explorer.scene.graph; return g.edges('official:kim-jong-un').filter(e => !g.getEdgeAttribute(e, 'hidden')).length; }"));
        var rerouted = await EvalAsync<bool>(explorer, """
            () => {
              const g = window.explorer.scene.graph;
              const carried = new Set(g.filterEdges((e, a) => a.fold && !a.hidden && g.extremities(e).includes('state:north-korea')).flatMap(e => g.getEdgeAttribute(e, 'rels')));
              return g.edges('official:kim-jong-un').filter(e => g.opposite('official:kim-jong-un', e) !== 'state:north-korea')
                .every(e => g.getEdgeAttribute(e, 'rels').every(r => carried.has(r)));
            }
            """);
        Assert.True(rerouted, "every relationship of Kim Jong Un beyond North Korea should be on a folded edge at North Korea");
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "Fold officials" }).GetAttributeAsync("aria-pressed"));
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-officials-folded")}");

        // The fold is in the URL: a reload reopens the scene folded.
        await explorer.WaitForStillAsync();
        await page.ReloadAsync();
        await explorer.WaitForAsync("body[data-restored='true']");
        Assert.Equal(nodes - folded, await explorer.CountAsync("nodes"));
        Assert.Equal("state:north-korea", await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('official:kim-jong-un', 'foldedInto')"));

        // G unfolds: the same actors and edges as before folding, the host's own name, no grouped fold edges.
        await page.Locator("body").PressAsync("g");
        await explorer.WaitForAsync("body[data-last-change='unfold']");
        Assert.Equal(nodes, await explorer.CountAsync("nodes"));
        Assert.Equal(edges, await explorer.CountAsync("edges"));
        Assert.Equal("North Korea", await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'label')"));
        Assert.Equal(0, await EvalAsync<int>(explorer, "() => window.explorer.scene.graph.filterEdges((e, a) => a.fold).length"));

        // Undo brings the fold back.
        await page.Locator("body").PressAsync("Control+z");
        await explorer.WaitForAsync($"body[data-nodes='{nodes - folded}']");
        Assert.Matches(@"^North Korea \(\+\d+\)$", await EvalAsync<string>(explorer, "() => window.explorer.scene.graph.getNodeAttribute('state:north-korea', 'label')"));
    }

    [Fact]
    public async Task Dragging_a_node_moves_it_and_pins_it_so_a_layout_leaves_it_there()
    {
        var explorer = await NorthKoreaExpandedAsync();
        var page = explorer.Page;
        const string Actor = "state:russia";
        var (x, y) = await explorer.NodePointAsync(Actor);
        Assert.False(await EvalAsync<bool>(explorer, "id => !!window.explorer.scene.graph.getNodeAttribute(id, 'fixed')", Actor));

        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 40, y + 30, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x + 90, y + 70, new() { Steps = 5 });
        await page.Mouse.UpAsync();

        var (x2, y2) = await explorer.NodePointAsync(Actor);
        Assert.InRange(x2, x + 80, x + 100);
        Assert.InRange(y2, y + 60, y + 80);
        Assert.True(await EvalAsync<bool>(explorer, "id => window.explorer.scene.graph.getNodeAttribute(id, 'fixed') === true", Actor));
        Assert.Matches("#scene=", page.Url);

        // The force layout moves the others and leaves the pinned node where it was dropped (graph coordinates).
        var before = await EvalAsync<double[]>(explorer, "id => { const a = window.explorer.scene.graph.getNodeAttributes(id); return [a.x, a.y]; }", Actor);
        await page.Locator("body").PressAsync("r"); // the layout starts within the key press, so "still" means it ended
        await explorer.WaitForStillAsync();
        var after = await EvalAsync<double[]>(explorer, "id => { const a = window.explorer.scene.graph.getNodeAttributes(id); return [a.x, a.y]; }", Actor);
        Assert.Equal(before[0], after[0], 3);
        Assert.Equal(before[1], after[1], 3);
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-dragged-and-pinned")}");
    }
}
