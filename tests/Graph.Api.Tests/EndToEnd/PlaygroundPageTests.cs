using Graph.Api.Tests.Browser;
using Microsoft.Playwright;

namespace Graph.Api.Tests.EndToEnd;

/// <summary>The playground served by the API at /graphql, in headless Chromium, running an example against the seed graph.</summary>
public sealed class PlaygroundPageTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float UiTimeoutMs = 30_000;

    [Fact]
    public async Task Playground_loads_at_graphql_and_an_example_shows_Resolution_2397()
    {
        if (!File.Exists(Path.Combine(ApiServer.RepositoryRoot, "src", "Graph.Api", "wwwroot", "playground", "index.html")))
        {
            Assert.Skip("The playground bundle is not built: build src/Graph.Api with Node.js and npm on PATH (without GRAPH_SKIP_PLAYGROUND_BUILD).");
        }

        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync(new Uri(server.BaseAddress, "graphql").ToString());
        Assert.Equal(200, response!.Status);
        Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type"));

        var picker = page.GetByLabel("Example queries");
        await Assertions.Expect(picker).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Paths from South Korea's NIS to Resolution 2397" });
        var queryEditor = page.Locator("section.graphiql-query-editor .monaco-editor .view-lines");
        await Assertions.Expect(queryEditor).ToContainTextAsync("NisToResolution2397", new() { Timeout = UiTimeoutMs });

        await page.Locator("button.graphiql-execute-button").ClickAsync();
        var result = page.Locator("section.result-window");
        await Assertions.Expect(result).ToContainTextAsync("Resolution 2397", new() { Timeout = UiTimeoutMs });
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-paths-nis-resolution-2397")}");
    }
}
