using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Tests.EndToEnd;
using Microsoft.Playwright;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// Opens the playground in headless Chromium the way a user does, at /graphql of the real API (Kestrel on 127.0.0.1
/// over the seed graph), and checks that GraphiQL renders, the first tab runs as loaded, the example list works, long
/// lines wrap, and nothing is fetched from anywhere but the server.
/// </summary>
public sealed partial class PlaygroundBundleTests(ApiServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<ApiServer>, IClassFixture<ChromiumFixture>
{
    private const float UiTimeoutMs = 30_000;
    private const string QueryEditor = "section.graphiql-query-editor .monaco-editor .view-lines";
    private const string VariablesEditor = "section.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines";
    private const string Result = "section.result-window";

    [Fact]
    public async Task The_first_tab_runs_as_loaded_and_shows_data_from_the_seed_graph()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        var first = ReadExamples(PlaygroundFiles.ExamplesFile)[0];

        // A new user: a fresh browser context, nothing saved from an earlier visit.
        var page = await chromium.NewPageAsync();
        var traffic = PageTraffic.Watch(page, output);
        await page.GotoAsync(new Uri(server.BaseAddress, "graphql").ToString());

        await Assertions.Expect(page.Locator(QueryEditor)).ToContainTextAsync(first.OperationName, new() { Timeout = UiTimeoutMs });
        if (first.FirstVariableName is { } variable)
        {
            await Assertions.Expect(page.Locator(VariablesEditor)).ToContainTextAsync($"\"{variable}\"", new() { Timeout = UiTimeoutMs });
        }

        var answer = await RunAsync(page);
        Assert.Equal(first.OperationName, (string?)answer.Request["operationName"] ?? first.OperationName);
        Assert.True(JsonNode.DeepEquals(first.Variables, answer.Request["variables"] ?? new JsonObject()), $"Run sent variables {answer.Request["variables"]}, the example has {first.Variables}.");
        Assert.True(answer.Response["errors"] is null, $"The first tab's Run answered with errors: {answer.Response}");
        Assert.True(answer.Response["data"] is JsonObject { Count: > 0 }, $"The first tab's Run answered without data: {answer.Response}");
        await Assertions.Expect(page.Locator(Result)).ToContainTextAsync("\"data\"", new() { Timeout = UiTimeoutMs });
        await Assertions.Expect(page.Locator(Result)).Not.ToContainTextAsync("was not provided");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-first-tab-run")}");

        // Coming back: GraphiQL reopens the saved tab, variables included, and it still runs.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(QueryEditor)).ToContainTextAsync(first.OperationName, new() { Timeout = UiTimeoutMs });
        var again = await RunAsync(page);
        Assert.True(again.Response["errors"] is null && again.Response["data"] is JsonObject { Count: > 0 }, $"After a reload the tab answered: {again.Response}");

        traffic.AssertOnlyLocal(server.BaseAddress);
        traffic.AssertNoFailedAssets();
        traffic.AssertNoPageErrors();
    }

    [Fact]
    public async Task Playground_renders_GraphiQL_with_the_example_list_and_loads_only_local_files()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        var examples = ReadExamples(PlaygroundFiles.ExamplesFile);
        Assert.True(examples.Count >= 2, "The test needs at least two entries in examples.json.");
        var withVariables = examples.Skip(1).FirstOrDefault(e => e.FirstVariableName is not null) ?? examples[1];

        var page = await chromium.NewPageAsync();
        var traffic = PageTraffic.Watch(page, output);

        await page.GotoAsync(new Uri(server.BaseAddress, "graphql").ToString());

        await Assertions.Expect(page.Locator(".gre-header h1")).ToHaveTextAsync("Graph relationship explorer", new() { Timeout = UiTimeoutMs });
        var picker = page.GetByLabel("Example queries");
        await Assertions.Expect(picker).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        Assert.Equal(examples.Select(e => e.Title), await picker.Locator("option:not([disabled])").AllTextContentsAsync());

        // GraphiQL's Monaco operation editor opens on the first example.
        var queryEditor = page.Locator(QueryEditor);
        await Assertions.Expect(queryEditor).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
        await Assertions.Expect(queryEditor).ToContainTextAsync(examples[0].OperationName, new() { Timeout = UiTimeoutMs });

        // Choosing another example puts its query, and its variables, in the editors.
        await picker.SelectOptionAsync(new SelectOptionValue { Label = withVariables.Title });
        await Assertions.Expect(queryEditor).ToContainTextAsync(withVariables.OperationName, new() { Timeout = UiTimeoutMs });
        if (withVariables.FirstVariableName is { } variable)
        {
            var variablesEditor = page.Locator(VariablesEditor);
            await Assertions.Expect(variablesEditor).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
            await Assertions.Expect(variablesEditor).ToContainTextAsync($"\"{variable}\"", new() { Timeout = UiTimeoutMs });
        }

        // Monaco's editor and GraphQL workers come from the bundle, not from a CDN.
        await traffic.WaitForRequestAsync(new Regex(@"/playground/assets/editor\.worker[^/]*\.js$"));
        await traffic.WaitForRequestAsync(new Regex(@"/playground/assets/graphql\.worker[^/]*\.js$"));

        // The schema came from the server behind the page (GraphiQL introspects it), so no error shows.
        await Assertions.Expect(page.Locator(".graphiql-container")).Not.ToContainTextAsync("answered HTTP");

        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-example-selected")}");
        traffic.AssertOnlyLocal(server.BaseAddress);
        traffic.AssertNoFailedAssets();
        traffic.AssertNoPageErrors();
    }

    [Fact]
    public async Task Long_lines_wrap_in_the_editors()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        // The example whose variables hold the longest single line (a whole article as one JSON string).
        var longest = ReadExamples(PlaygroundFiles.ExamplesFile)
            .Where(e => e.Variables.Count > 0)
            .MaxBy(e => e.Variables.ToJsonString(new() { WriteIndented = true }).Split('\n').Max(l => l.Length))!;
        var logicalLines = longest.Variables.ToJsonString(new() { WriteIndented = true }).Split('\n').Length;

        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "graphql").ToString());
        var picker = page.GetByLabel("Example queries");
        await Assertions.Expect(picker).ToBeEnabledAsync(new() { Timeout = UiTimeoutMs });
        await picker.SelectOptionAsync(new SelectOptionValue { Label = longest.Title });
        var variables = page.Locator(VariablesEditor);
        await Assertions.Expect(variables).ToContainTextAsync($"\"{longest.FirstVariableName}\"", new() { Timeout = UiTimeoutMs });

        // Wrapped, the long line takes several rows of the editor instead of running past its right edge.
        var rows = await variables.Locator(".view-line").CountAsync();
        Assert.True(rows > logicalLines, $"The variables of '{longest.Title}' ({logicalLines} lines) show as {rows} rows: long lines do not wrap.");
        var overflow = await variables.EvaluateAsync<bool>("lines => [...lines.querySelectorAll('.view-line')].some(l => l.scrollWidth > lines.parentElement.clientWidth + 1)");
        Assert.False(overflow, "A row of the variables editor is wider than the editor.");
        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-long-lines-wrapped")}");
    }

    [Fact]
    public async Task Playground_skips_bad_example_entries_and_says_why()
    {
        chromium.SkipIfUnavailable();
        PlaygroundFiles.RequireBundle();
        var page = await chromium.NewPageAsync();
        var traffic = PageTraffic.Watch(page, output);
        // The server's own examples are good; this page is given a list with a bad entry instead.
        await page.RouteAsync("**/playground/examples.json", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """
                [
                  { "title": "Has no query" },
                  { "title": "Good one", "description": "fine", "query": "query GoodOne { __typename }" }
                ]
                """,
        }));
        await page.GotoAsync(new Uri(server.BaseAddress, "graphql").ToString());

        var problem = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(problem).ToContainTextAsync("examples.json entry 1 (\"Has no query\") has no \"query\"", new() { Timeout = UiTimeoutMs });
        var picker = page.GetByLabel("Example queries");
        Assert.Equal(["Good one"], await picker.Locator("option:not([disabled])").AllTextContentsAsync());
        var queryEditor = page.Locator(QueryEditor);
        await Assertions.Expect(queryEditor).ToContainTextAsync("GoodOne", new() { Timeout = UiTimeoutMs });

        output.WriteLine($"screenshot: {await Screenshots.SaveAsync(page, "playground-bad-example-entry")}");
        traffic.AssertOnlyLocal(server.BaseAddress);
        traffic.AssertNoPageErrors();
    }

    /// <summary>Presses Run and returns the GraphQL request the page sent and the server's answer.</summary>
    private static async Task<(JsonObject Request, JsonObject Response)> RunAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("button.graphiql-execute-button").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/graphql" && r.Request.PostData?.Contains("IntrospectionQuery", StringComparison.Ordinal) == false,
            new() { Timeout = UiTimeoutMs });
        var request = JsonNode.Parse(response.Request.PostData!)!.AsObject();
        return (request, JsonNode.Parse(await response.TextAsync())!.AsObject());
    }

    private static List<Example> ReadExamples(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.EnumerateArray().Select(e =>
        {
            var query = e.GetProperty("query").GetString()!;
            var name = OperationNamePattern().Match(query) is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException($"The browser test needs named operations in examples.json; this one has none: {query}");
            var variables = e.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object
                ? JsonNode.Parse(v.GetRawText())!.AsObject()
                : [];
            return new Example(e.GetProperty("title").GetString()!, name, variables);
        })];
    }

    [GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex OperationNamePattern();

    private sealed record Example(string Title, string OperationName, JsonObject Variables)
    {
        public string? FirstVariableName => Variables.Select(p => p.Key).FirstOrDefault();
    }
}
