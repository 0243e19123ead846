using Graph.Api.Tests.Browser;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Explorer;

/// <summary>
/// The explorer served at / by the real API on 127.0.0.1 over the seed graph, in headless Chromium: what issue 11 asks
/// an analyst to be able to do, each ending with a screenshot (bin/.../screenshots; the main ones are kept in docs/explorer).
/// </summary>
public sealed class ExplorerPageTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = ExplorerPage.UiTimeoutMs;

    [Fact]
    public async Task The_page_at_root_loads_its_bundle_from_the_server_alone_and_says_what_to_do_on_an_empty_canvas()
    {
        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var own = explorer.Page;
        var ownTraffic = PageTraffic.Watch(own, output);
        await own.ReloadAsync();
        await explorer.WaitForAsync("body[data-ready='true']");

        await Assertions.Expect(own.Locator("#message")).ToContainTextAsync("search for an actor", new() { Timeout = Timeout });
        Assert.Equal(0, await explorer.CountAsync("nodes"));
        ownTraffic.AssertOnlyLocal(server.BaseAddress);
        ownTraffic.AssertNoPageErrors();
        Assert.Contains(ownTraffic.Requests, u => u.EndsWith("/graphql", StringComparison.Ordinal));
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-empty")}");
    }

    [Fact]
    public async Task Searching_DPRK_suggests_North_Korea_and_picking_it_puts_it_on_the_canvas()
    {
        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var page = explorer.Page;
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search actors, quotes and documents" }).FillAsync("DPRK");
        var suggestion = page.GetByRole(AriaRole.Option).Filter(new() { HasText = "North Korea" }).First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(suggestion).ToContainTextAsync("State");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-search-dprk")}");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("North Korea", new() { Timeout = Timeout });
        await explorer.WaitForAsync("body[data-nodes='1']");
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("Pyongyang");
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("DEPLOYED");
    }

    [Fact]
    public async Task Expanding_North_Korea_shows_its_counts_per_type_first_then_draws_its_neighbours()
    {
        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var page = explorer.Page;
        await explorer.SearchAndPickAsync("DPRK", "North Korea");
        var (x, y) = await explorer.NodePointAsync("state:north-korea");
        await page.Mouse.DblClickAsync(x, y);

        // Before anything is drawn: the counts per type and direction, one button per page.
        var deployed = page.GetByRole(AriaRole.Button, new() { Name = "Draw outgoing DEPLOYED of North Korea" });
        await Assertions.Expect(deployed).ToHaveTextAsync("7", new() { Timeout = Timeout });
        Assert.Equal(1, await explorer.CountAsync("nodes"));
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-expand-counts")}");

        await deployed.ClickAsync();
        await explorer.WaitForAsync("body[data-last-change='layout']");
        Assert.Equal(6, await explorer.CountAsync("nodes")); // North Korea and the five places it deployed to
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw all types (one page each)" }).ClickAsync();
        await explorer.WaitForAsync("body[data-expanded='state:north-korea'][data-last-change='layout']");
        Assert.True(await explorer.CountAsync("nodes") >= 15, $"expected North Korea's neighbours on the canvas, got {await explorer.CountAsync("nodes")} actors");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-expanded-north-korea")}");
    }

    [Fact]
    public async Task A_DEPLOYED_edge_shows_13221_and_about_15000_side_by_side_with_their_sources()
    {
        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;
        await explorer.OpenEdgeAsync("DEPLOYED", "state:north-korea", "state:russia");

        var conflict = page.GetByRole(AriaRole.Region, new() { Name = "Sources disagree" }).First;
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = Timeout });
        var claims = conflict.Locator(".claim");
        Assert.True(await claims.CountAsync() >= 2);
        var texts = await claims.AllInnerTextsAsync();
        var low = texts.First(t => t.Contains("13,221", StringComparison.Ordinal));
        var high = texts.First(t => t.Contains("15,000", StringComparison.Ordinal));
        Assert.Contains("NIS: thousands of North Korean workers sent to Russia in 2024", low, StringComparison.Ordinal);
        Assert.Contains("Hindustan Times", high, StringComparison.Ordinal);

        // Side by side: the two claims share a row.
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var claim in await claims.AllAsync())
        {
            boxes.Add((await claim.BoundingBoxAsync())!);
        }

        Assert.Contains(boxes, a => boxes.Any(b => b != a && Math.Abs(a.Y - b.Y) < 2 && Math.Abs(a.X - b.X) > 50));

        // The evidence list carries each quote's publisher, date, whom it credits, stance and figures.
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("Hindustan Times");
        await Assertions.Expect(page.Locator("#panel")).ToContainTextAsync("credited to National Intelligence Service");
        await Assertions.Expect(page.Locator("#panel .evidence.stance-hedged").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#panel .figure").Filter(new() { HasText = "count: 13,221" }).First).ToBeVisibleAsync();
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-evidence-conflict")}");
    }

    [Fact]
    public async Task Paths_between_NIS_and_Resolution_2397_are_found_and_highlighted()
    {
        var explorer = await ExplorerPage.OpenAsync(chromium, server);
        var page = explorer.Page;
        await page.Locator("body").PressAsync("p");
        await page.GetByLabel("Path from").FillAsync("NIS");
        await page.GetByLabel("Path to").FillAsync("Resolution 2397");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find paths" }).ClickAsync();

        var result = page.Locator("#path-result");
        await Assertions.Expect(result).ToContainTextAsync("highlighted on the canvas", new() { Timeout = Timeout });
        await explorer.WaitForAsync("body[data-last-change='layout']");
        var paths = await result.Locator("li").AllInnerTextsAsync();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("National Intelligence Service", p, StringComparison.Ordinal));
        Assert.All(paths, p => Assert.Contains("Resolution 2397", p, StringComparison.Ordinal));
        var highlight = (await page.Locator("body").GetAttributeAsync("data-highlight"))!.Split(' ').Select(int.Parse).ToArray();
        Assert.True(highlight[0] >= 3 && highlight[1] >= 2, $"highlight: {highlight[0]} actors, {highlight[1]} edges");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-paths-nis-resolution-2397")}");
    }

    [Fact]
    public async Task Moving_the_time_window_takes_edges_valid_only_outside_it_off_the_canvas()
    {
        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;
        var before = await explorer.CountAsync("edges");
        await page.Locator("body").PressAsync("l");
        var list = page.Locator("#list-view");
        await Assertions.Expect(list).ToContainTextAsync("TARGETS");

        await Assertions.Expect(list).ToContainTextAsync("ALLIED_WITH");
        await Assertions.Expect(list).ToContainTextAsync("WITHDREW_FROM");

        // A window ending in 2020: what began later (the alliance of 2022, the withdrawal of 2025) leaves the scene.
        await page.GetByLabel("Window end year").FillAsync("2020");
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync("2017 – 2020", new() { Timeout = Timeout });
        var after = await explorer.CountAsync("edges");
        Assert.True(after < before, $"edges before {before}, after {after}");
        await Assertions.Expect(list).Not.ToContainTextAsync("ALLIED_WITH");
        await Assertions.Expect(list).Not.ToContainTextAsync("WITHDREW_FROM");
        await Assertions.Expect(list).ToContainTextAsync("TARGETS"); // Resolution 2397 targets North Korea since 2017
        await page.Locator("body").PressAsync("l");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-time-window-2017-2020")}");
    }

    [Fact]
    public async Task The_time_bar_counts_each_piece_of_evidence_in_the_year_it_is_dated_to()
    {
        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;

        // The same count, made from the API: a dated relationship's evidence in the year of its validFrom (else validTo,
        // else its date); an undated one's evidence in the year its document was published.
        var ids = await page.EvaluateAsync<string[]>("() => [...window.explorer.scene.relationships.keys()]");
        var response = (await server.PostAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Relationship { evidenceCount date facts { validFrom validTo } evidence(first: 50) { nodes { documentPublished } } } } }",
            new { ids })).AssertOk();
        var expected = new SortedDictionary<int, int>();
        var undated = 0;
        static int Year(string partial) => int.Parse(partial[..4], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var rel in response.Data!["nodes"]!.AsArray().Select(n => n!))
        {
            var evidence = rel["evidence"]!["nodes"]!.AsArray();
            var dated = (string?)rel["facts"]!["validFrom"] ?? (string?)rel["facts"]!["validTo"] ?? (string?)rel["date"];
            if (dated is not null)
            {
                expected[Year(dated)] = expected.GetValueOrDefault(Year(dated)) + Math.Max((int)rel["evidenceCount"]!, evidence.Count);
                continue;
            }

            var published = evidence.Select(e => (string?)e!["documentPublished"]).ToList();
            foreach (var year in published.OfType<string>().Select(Year))
            {
                expected[year] = expected.GetValueOrDefault(year) + 1;
            }

            undated += Math.Max((int)rel["evidenceCount"]!, evidence.Count) - published.Count(p => p is not null);
        }

        var bars = new SortedDictionary<int, int>();
        foreach (var bar in await page.Locator("#histogram rect").AllAsync())
        {
            var count = int.Parse((await bar.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture);
            if (count > 0)
            {
                bars[int.Parse((await bar.GetAttributeAsync("data-year"))!, System.Globalization.CultureInfo.InvariantCulture)] = count;
            }
        }

        Assert.Equal(expected, bars);
        Assert.Equal(2, bars[2017]); // Resolution 2397 targets North Korea since 2017: two quotes from a 2025 article
        Assert.True(bars[2025] > 1, "undated relationships count in their articles' year (2025), beside the withdrawal of January 2025");
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync($"{undated} undated");
        await Assertions.Expect(page.Locator("#histogram rect[data-year='2025'] title")).ToHaveTextAsync($"2025: {bars[2025]} piece(s) of evidence");
        output.WriteLine($"histogram: {string.Join(", ", bars.Select(b => $"{b.Key}: {b.Value}"))}; undated {undated}");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-time-bar-evidence")}");
    }

    [Fact]
    public async Task The_reader_highlights_the_mentions_the_API_finds_and_a_mention_selects_its_actor()
    {
        var response = (await server.PostAsync("""{ document(id: "doc:nis-north-korean-workers-russia") { mentions { start actor { actorId } } } }""")).AssertOk();
        var mentions = response.Data!["document"]!["mentions"]!.AsArray().Select(m => ((int)m!["start"]!, (string)m["actor"]!["actorId"]!)).ToHashSet();
        Assert.Contains(mentions, m => m.Item2 == "location:kursk-region");

        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;
        await explorer.OpenEdgeAsync("WITHDREW_FROM", "state:north-korea", "location:kursk-region");
        await page.Locator("#panel .evidence .source button").First.ClickAsync();
        var reader = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(reader.Locator("mark.quote.focused")).ToHaveCountAsync(1, new() { Timeout = Timeout });

        // Every mention the API found is highlighted where it found it (a quote's edge may cut one into two pieces).
        var shown = await reader.Locator(".mention").EvaluateAllAsync<string[][]>("spans => spans.map(s => [s.dataset.start, s.dataset.actor])");
        Assert.Equal(mentions, shown.Select(s => (int.Parse(s[0], System.Globalization.CultureInfo.InvariantCulture), s[1])).ToHashSet());

        // Clicking one puts its actor on the canvas, selected, with its panel.
        await reader.Locator(".mention[data-actor='location:kursk-region']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("Kursk region", new() { Timeout = Timeout });
        await explorer.WaitForAsync("body[data-selected='location:kursk-region']");
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-reader-mention-selected")}");
    }

    [Fact]
    public async Task A_document_opens_with_quotes_and_mentions_highlighted_and_a_quote_selects_its_edge()
    {
        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;
        await explorer.OpenEdgeAsync("DEPLOYED", "state:north-korea", "state:russia");
        await page.Locator("#panel .evidence .source button").First.ClickAsync();

        var reader = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(reader.Locator("mark.quote.focused")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.True(await reader.Locator("mark.quote").CountAsync() >= 5);
        Assert.True(await reader.Locator(".mention").CountAsync() >= 5);
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-document-reader")}");

        // A quote of another relationship: clicking it selects that edge and shows its evidence. A piece of a quote that
        // is an actor's mention selects the actor instead, so the piece clicked is plain quote text.
        var quote = reader.Locator("mark.quote:not(:has(.mention))").Filter(new() { HasText = "KCNA" }).First;
        if (await quote.CountAsync() == 0)
        {
            quote = reader.Locator("mark.quote:not(.focused):not(:has(.mention))").First;
        }

        var relationship = await quote.GetAttributeAsync("data-relationship");
        await quote.ClickAsync();
        await Assertions.Expect(page.Locator("#panel .relationship").First).ToBeVisibleAsync(new() { Timeout = Timeout });
        var selected = await page.EvaluateAsync<bool>(
            "rel => { const key = document.body.dataset.selectedEdge; return !!key && window.explorer.scene.graph.getEdgeAttribute(key, 'rels').includes(rel); }",
            relationship);
        Assert.True(selected, $"the edge of relationship {relationship} should be selected on the canvas");
    }

    [Fact]
    public async Task Reloading_the_URL_reopens_the_same_scene()
    {
        var explorer = await ExplorerPage.NorthKoreaExpandedAsync(chromium, server);
        var page = explorer.Page;
        await page.GetByLabel("Window start year").FillAsync("2022");
        await explorer.OpenEdgeAsync("DEPLOYED", "state:north-korea", "state:russia");
        var nodes = await explorer.CountAsync("nodes");
        var edges = await explorer.CountAsync("edges");
        var position = await explorer.NodePointAsync("state:russia");
        Assert.Matches("#scene=", page.Url);
        var url = page.Url;

        await page.ReloadAsync();
        await explorer.WaitForAsync("body[data-restored='true']");
        Assert.Equal(url, page.Url);
        Assert.Equal(nodes, await explorer.CountAsync("nodes"));
        Assert.Equal(edges, await explorer.CountAsync("edges"));
        await Assertions.Expect(page.Locator("#window-label")).ToContainTextAsync("2022 – 2025");
        await Assertions.Expect(page.Locator("#panel-title")).ToContainTextAsync("DEPLOYED", new() { Timeout = Timeout });
        var again = await explorer.NodePointAsync("state:russia");
        Assert.InRange(again.X, position.X - 2, position.X + 2);
        Assert.InRange(again.Y, position.Y - 2, position.Y + 2);
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-reopened-from-url")}");
    }

    [Fact]
    public async Task A_damaged_link_and_an_unknown_actor_are_explained_in_plain_words()
    {
        var explorer = await ExplorerPage.OpenAsync(chromium, server, "#scene=bm90IGpzb24");
        var page = explorer.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be read", new() { Timeout = Timeout });

        await page.Locator("body").PressAsync("p");
        await page.GetByLabel("Path from").FillAsync("Atlantis");
        await page.GetByLabel("Path to").FillAsync("NIS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find paths" }).ClickAsync();
        await Assertions.Expect(page.Locator("#path-result .error")).ToContainTextAsync("Atlantis", new() { Timeout = Timeout });
        output.WriteLine($"screenshot: {await explorer.ScreenshotAsync("explorer-errors")}");
    }
}
