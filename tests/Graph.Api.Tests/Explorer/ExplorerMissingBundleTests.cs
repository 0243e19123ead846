using System.Net;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Explorer;

/// <summary>The API pointed (by <c>Graph:Api:ExplorerDirectory</c>) at a folder holding no built explorer.</summary>
public sealed class ApiServerWithoutExplorer : ApiServer
{
    protected override void Configure(IDictionary<string, string?> settings, string folder)
    {
        var empty = Path.Combine(folder, "explorer-not-built");
        Directory.CreateDirectory(empty);
        settings["Graph:Api:ExplorerDirectory"] = empty;
    }
}

/// <summary>Without a built bundle, <c>/</c> says so in plain words with a 503, and the API still answers.</summary>
public sealed class ExplorerMissingBundleTests(ApiServerWithoutExplorer server) : IClassFixture<ApiServerWithoutExplorer>
{
    [Fact]
    public async Task Root_answers_503_in_plain_text_saying_how_to_build_the_explorer()
    {
        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The explorer is not built into this server", text, StringComparison.Ordinal);
        Assert.Contains("GRAPH_SKIP_EXPLORER_BUILD", text, StringComparison.Ordinal);
        Assert.Contains("/graphql", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_explorer_assets_are_absent_and_the_API_still_answers()
    {
        using var asset = await server.Client.GetAsync(new Uri("/explorer/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        var response = (await server.PostAsync("{ actor(name: \"DPRK\") { name } }")).AssertOk();
        Assert.Equal("North Korea", (string?)response.Data!["actor"]!["name"]);
    }
}
