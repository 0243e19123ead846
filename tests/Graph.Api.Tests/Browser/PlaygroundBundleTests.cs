using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// Loads the built playground bundle in headless Chromium from a local static server and checks that
/// GraphiQL renders, the example list works, and nothing is fetched from anywhere but 127.0.0.1.
/// </summary>
public sealed partial class PlaygroundBundleTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private const float UiTimeoutMs = 30_000;

    [Fact]
    public async Task Playground_renders_GraphiQL_with_the_example_list_and_loads_only_local_files()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        var examples = ReadExamples(PlaygroundFiles.ExamplesFile);
        Assert.True(examples.Count >= 2, "The test needs at least two entries in examples.json.");
        var withVariables = examples.Skip(1).FirstOrDefault(e => e.FirstVariableName is not null) ?? examples[1];

        await using var server = await StartServerAsync(PlaygroundFiles.ExamplesFile);
        var page = await chromium.NewPageAsync();
        var traffic = PageTraffic.Watch(page, output);

        await page.GotoAsync(new Uri(server.BaseAddress, "playground/").ToString());

        await Assertions.Expect(page.Locator(".gre-header h1")).ToHaveTextAsync("Graph relationship explorer", new() { Timeout = UiTimeoutMs });
        var picker = page.GetByLabel("Example queries");
        await Assertions.Expect(picker).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        Assert.Equal(examples.Select(e => e.Title), await picker.Locator("option:not([disabled])").AllTextContentsAsync());

        // GraphiQL's Monaco operation editor opens on the first example.
        var queryEditor = page.Locator("section.graphiql-query-editor .monaco-editor .view-lines");
        await Assertions.Expect(queryEditor).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        await Assertions.Expect(queryEditor).ToContainTextAsync(examples[0].OperationName, new() { Timeout = UiTimeoutMs });

        // Choosing another example puts its query, and its variables, in the editors.
        await picker.SelectOptionAsync(new SelectOptionValue { Label = withVariables.Title });
        await Assertions.Expect(queryEditor).ToContainTextAsync(withVariables.OperationName, new() { Timeout = UiTimeoutMs });
        if (withVariables.FirstVariableName is { } variable)
        {
            var variablesEditor = page.Locator("section.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines");
            await Assertions.Expect(variablesEditor).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
            await Assertions.Expect(variablesEditor).ToContainTextAsync($"\"{variable}\"", new() { Timeout = UiTimeoutMs });
        }

        // Monaco's editor and GraphQL workers come from the bundle, not from a CDN.
        await traffic.WaitForRequestAsync(new Regex(@"/playground/assets/editor\.worker[^/]*\.js$"));
        await traffic.WaitForRequestAsync(new Regex(@"/playground/assets/graphql\.worker[^/]*\.js$"));

        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-example-selected")}");
        traffic.AssertOnlyLocal(server.BaseAddress);
        traffic.AssertNoFailedAssets();
        traffic.AssertNoPageErrors();
    }

    [Fact]
    public async Task Playground_skips_bad_example_entries_and_says_why()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        var examplesFile = Path.Combine(Path.GetTempPath(), $"examples-{Guid.NewGuid():N}.json");
        File.WriteAllText(examplesFile, """
            [
              { "title": "Has no query" },
              { "title": "Good one", "description": "fine", "query": "query GoodOne { __typename }" }
            ]
            """);
        try
        {
            await using var server = await StartServerAsync(examplesFile);
            var page = await chromium.NewPageAsync();
            var traffic = PageTraffic.Watch(page, output);
            await page.GotoAsync(new Uri(server.BaseAddress, "playground/").ToString());

            var problem = page.GetByRole(AriaRole.Status);
            await Assertions.Expect(problem).ToContainTextAsync("examples.json entry 1 (\"Has no query\") has no \"query\"", new() { Timeout = UiTimeoutMs });
            var picker = page.GetByLabel("Example queries");
            Assert.Equal(["Good one"], await picker.Locator("option:not([disabled])").AllTextContentsAsync());
            var queryEditor = page.Locator("section.graphiql-query-editor .monaco-editor .view-lines");
            await Assertions.Expect(queryEditor).ToContainTextAsync("GoodOne", new() { Timeout = UiTimeoutMs });

            output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-bad-example-entry")}");
            traffic.AssertOnlyLocal(server.BaseAddress);
            traffic.AssertNoPageErrors();
        }
        finally
        {
            File.Delete(examplesFile);
        }
    }

    private static Task<StaticSiteServer> StartServerAsync(string examplesFile) =>
        StaticSiteServer.StartAsync(
            PlaygroundFiles.BundleDirectory,
            "/playground",
            new Dictionary<string, string> { ["/playground/examples.json"] = examplesFile });

    private static List<Example> ReadExamples(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(e =>
        {
            var query = e.GetProperty("query").GetString()!;
            var name = OperationNamePattern().Match(query) is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException($"The browser test needs named operations in examples.json; this one has none: {query}");
            string? firstVariable = e.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
                ? v.EnumerateObject().Select(p => p.Name).FirstOrDefault()
                : null;
            return new Example(e.GetProperty("title").GetString()!, name, firstVariable);
        })];
    }

    [GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex OperationNamePattern();

    private sealed record Example(string Title, string OperationName, string? FirstVariableName);
}
