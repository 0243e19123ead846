using System.Text;

namespace Graph.Api.Tests.EndToEnd;

public sealed class BadInputTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Unknown_actor_is_NOT_FOUND_with_suggestions()
    {
        var response = await server.PostAsync("{ actor(name: \"Rusia\") { name } }");
        Assert.Equal(200, response.Status);
        Assert.Equal("NOT_FOUND", response.Code);
        Assert.Contains("Rusia", response.Message);
        Assert.Contains(response.Errors[0]!["extensions"]!["suggestions"]!.AsArray(), s => ((string?)s)!.StartsWith("Russia", StringComparison.Ordinal));
        Assert.Null(response.Data!["actor"]);
    }

    [Fact]
    public async Task Depth_99_is_BAD_USER_INPUT_naming_the_allowed_range()
    {
        var response = await server.PostAsync("{ neighbourhood(actor: \"Russia\", depth: 99) { nodeCount } }");
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Equal("depth", (string?)response.Errors[0]!["extensions"]!["argument"]);
        Assert.Contains("between 1 and 4", response.Message);
        Assert.DoesNotContain("   at ", response.Text);
    }

    [Theory]
    [InlineData("edgesPerActor: 0", "edgesPerActor", "between 1 and 10000")]
    [InlineData("edgeLimit: 50001", "edgeLimit", "between 1 and 50000")]
    public async Task Edge_caps_out_of_range_are_BAD_USER_INPUT_naming_the_cap(string argument, string name, string allowed)
    {
        var response = await server.PostAsync($"{{ neighbourhood(actor: \"Russia\", {argument}) {{ nodeCount }} }}");
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Equal(name, (string?)response.Errors[0]!["extensions"]!["argument"]);
        Assert.Contains(allowed, response.Message);
    }

    [Theory]
    [InlineData("{ node(id: \"not-an-id!\") { id } }")]
    [InlineData("{ actor(id: \"garbage!!\") { id } }")]
    [InlineData("{ actors(after: \"nope\") { totalCount } }")]
    public async Task Malformed_ids_and_cursors_are_BAD_USER_INPUT_with_the_expected_form(string query)
    {
        var response = await server.PostAsync(query);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Contains("Malformed", response.Message);
        Assert.DoesNotContain("Exception", response.Text);
    }

    [Fact]
    public async Task Oversized_query_is_refused_with_413()
    {
        var query = "{ stats { actors } }" + new string(' ', 70_000);
        var response = await server.PostAsync(query);
        Assert.Equal(413, response.Status);
        Assert.Equal("REQUEST_TOO_LARGE", response.Code);
        Assert.Contains("65536", response.Message);
    }

    [Fact]
    public async Task Too_deep_selection_hits_the_depth_limit()
    {
        var query = "{ actor(name: \"Russia\") { " + string.Concat(Enumerable.Repeat("relationships { nodes { other { ", 6))
            + "name" + string.Concat(Enumerable.Repeat(" } } }", 6)) + " } }";
        var response = await server.PostAsync(query);
        Assert.Equal(400, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.Code);
        Assert.False(response.Body.ContainsKey("data"));
    }

    [Fact]
    public async Task Unknown_field_is_a_validation_error_400_without_data_for_graphql_response_json()
    {
        var response = await server.PostAsync("{ actorz { name } }");
        Assert.Equal(400, response.Status);
        Assert.False(response.Body.ContainsKey("data"));
        var legacy = await server.PostAsync("{ actorz { name } }", accept: "application/json");
        Assert.Equal(200, legacy.Status);
    }

    [Fact]
    public async Task Bad_date_argument_says_the_iso_forms()
    {
        var response = await server.PostAsync("{ timeline(actor: \"Russia\", from: \"last year\") { totalCount } }");
        Assert.Equal(400, response.Status);
        Assert.Contains("2024-10", response.Message);
    }
}
