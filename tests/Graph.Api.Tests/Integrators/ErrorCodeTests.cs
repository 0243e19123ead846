using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;
using Graph.Api.Tests.Hostile;

namespace Graph.Api.Tests.Integrators;

/// <summary>Every error that leaves the server carries <c>extensions.code</c>, whatever stage refused the request.</summary>
public sealed class ErrorCodeTests(ApiServer server) : IClassFixture<ApiServer>
{
    public static TheoryData<string, string, string> Requests() => new()
    {
        { "syntax", "{ stats { actors }", "GRAPHQL_PARSE_FAILED" },
        { "unknown field", "{ stats { nope } }", "GRAPHQL_VALIDATION_FAILED" },
        { "undefined variable", "query { actor(id: $missing) { name } }", "GRAPHQL_VALIDATION_FAILED" },
        { "bad PartialDate literal", "{ timeline(actor: \"Russia\", from: \"2024-13\") { totalCount } }", "GRAPHQL_VALIDATION_FAILED" },
        { "wrong argument type", "{ actors(first: \"ten\") { totalCount } }", "GRAPHQL_VALIDATION_FAILED" },
        { "unknown actor", "{ actor(name: \"Atlantis\") { name } }", "NOT_FOUND" },
        { "malformed node id", "{ node(id: \"not-an-id!\") { id } }", "BAD_USER_INPUT" },
        { "page too large", "{ documents(first: 100000) { totalCount } }", "BAD_USER_INPUT" },
        { "mutation without key", "mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { added } }", "UNAUTHENTICATED" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_failing_request_has_the_expected_code_on_every_error(string what, string query, string code)
    {
        var response = await server.PostAsync(query);
        Assert.True(response.Errors.Count > 0, $"{what}: no error in {response.Text}");
        Assert.All(response.Errors, e => Assert.Equal(code, (string?)e!["extensions"]?["code"]));
    }

    [Fact]
    public async Task A_bad_variable_value_is_BAD_USER_INPUT()
    {
        var response = await server.PostAsync("query($n: Int) { actors(first: $n) { totalCount } }", new { n = "ten" });
        Assert.NotEmpty(response.Errors);
        Assert.All(response.Errors, e => Assert.Equal("BAD_USER_INPUT", (string?)e!["extensions"]?["code"]));
    }

    [Fact]
    public async Task No_error_from_the_hostile_corpus_lacks_a_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = new List<string>();
        var errors = 0;
        foreach (var item in HostileCorpusTests.Corpus())
        {
            using var request = HostileCorpusTests.Build(item);
            using var response = await server.Client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // not a GraphQL response (e.g. a HEAD or an HTML page); the corpus test checks those
            }

            foreach (var error in body?["errors"]?.AsArray() ?? [])
            {
                errors++;
                if (error?["extensions"]?["code"] is not JsonValue)
                {
                    missing.Add($"{item["name"]}: {error?["message"]}");
                }
            }
        }

        Assert.True(errors >= 50, $"only {errors} errors seen");
        Assert.True(missing.Count == 0, "Errors without extensions.code:\n" + string.Join("\n", missing));
    }
}
