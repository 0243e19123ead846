using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests.EndToEnd;

public sealed class ExamplesTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Every_served_example_runs_without_errors_and_finds_data()
    {
        var examples = await server.Client.GetFromJsonAsync<JsonArray>("playground/examples.json", TestContext.Current.CancellationToken);
        Assert.NotNull(examples);
        Assert.True(examples.Count >= 6);
        foreach (var example in examples)
        {
            var variables = example!["variables"]?.Deserialize<Dictionary<string, object?>>();
            var query = (string)example["query"]!;
            // Mutation examples run as the analyst who holds the key would run them.
            var response = await server.PostAsync(query, variables, query.TrimStart().StartsWith("mutation", StringComparison.Ordinal) ? ApiServer.Key : null);
            Assert.True(response.Errors.Count == 0 && response.Status == 200, $"{example["title"]}: {response.Text}");
            Assert.Contains("\"", response.Data!.ToJsonString());
        }
    }

    [Fact]
    public async Task The_paths_example_reaches_Resolution_2397()
    {
        var examples = await server.Client.GetFromJsonAsync<JsonArray>("playground/examples.json", TestContext.Current.CancellationToken);
        var paths = examples!.First(e => ((string)e!["title"]!).Contains("2397", StringComparison.Ordinal))!;
        var response = (await server.PostAsync((string)paths["query"]!)).AssertOk();
        Assert.Contains("Resolution 2397", response.Text);
    }
}
