using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary>A root field that fails on the user's input is null with a coded error; its siblings still answer.</summary>
public sealed class PartialFailureTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("neighbourhood", "neighbourhood(actor: \"Atlantis\") { nodeCount }", "NOT_FOUND", "Atlantis")]
    [InlineData("actors", "actors(first: 5000) { totalCount }", "BAD_USER_INPUT", "first")]
    [InlineData("evidence", "evidence(search: \"a\") { totalCount }", "BAD_USER_INPUT", "search")]
    [InlineData("paths", "paths(from: \"Russia\", to: \"Russia\") { paths { length } }", "BAD_USER_INPUT", "")]
    [InlineData("actors", "actors(after: \"garbage\") { totalCount }", "BAD_USER_INPUT", "cursor")]
    public async Task A_failing_root_field_keeps_its_sibling(string field, string selection, string code, string mentions)
    {
        var response = await server.PostAsync($"{{ {selection} stats {{ actors }} }}");

        Assert.Equal(200, response.Status);
        Assert.NotNull(response.Data);
        Assert.True((int)response.Data!["stats"]!["actors"]! > 0, response.Text);
        Assert.True(response.Data.AsObject().ContainsKey(field), response.Text);
        Assert.Null(response.Data[field]);
        var error = Assert.Single(response.Errors);
        Assert.Equal(code, (string?)error!["extensions"]!["code"]);
        Assert.Equal(field, (string?)error["path"]![0]);
        Assert.Contains(mentions, (string?)error["message"], StringComparison.OrdinalIgnoreCase);
    }
}
