using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Hostile;

/// <summary>
/// A code on every error: a broad set of failing requests over real HTTP (the hostile corpus, then validation, parse,
/// variable, transport, authentication and execution failures), and no error in any answer may leave without a
/// string <c>extensions.code</c>. The codes seen are printed, and each must be one the README lists.
/// </summary>
public sealed class ErrorCodeCoverageTests(ApiServer server, ITestOutputHelper output) : IClassFixture<ApiServer>
{
    private static readonly (string Name, string Method, string Path, string? ContentType, string? Body, string? Key)[] s_requests =
    [
        ("unknown field", "POST", "graphql", "application/json", Json("{ stats { nope } }"), null),
        ("two unknown fields", "POST", "graphql", "application/json", Json("{ nope stats { alsoNope } }"), null),
        ("undefined variable", "POST", "graphql", "application/json", Json("{ actor(name: $who) { name } }"), null),
        ("unused variable", "POST", "graphql", "application/json", Json("query($x: String) { stats { actors } }"), null),
        ("bad PartialDate literal", "POST", "graphql", "application/json", Json("{ timeline(actor: \"Russia\", from: \"2024-13\") { totalCount } }"), null),
        ("bad PartialDate variable", "POST", "graphql", "application/json", """{"query":"query($d: PartialDate) { timeline(actor: \"Russia\", from: $d) { totalCount } }","variables":{"d":"2024-13"}}""", null),
        ("missing required variable", "POST", "graphql", "application/json", Json("query($n: String!) { actor(name: $n) { name } }"), null),
        ("variable of the wrong type", "POST", "graphql", "application/json", """{"query":"query($n: Int) { actors(first: $n) { totalCount } }","variables":{"n":"ten"}}""", null),
        ("wrong argument type", "POST", "graphql", "application/json", Json("{ actors(first: \"ten\") { totalCount } }"), null),
        ("unknown argument", "POST", "graphql", "application/json", Json("{ actors(colour: RED) { totalCount } }"), null),
        ("missing selection on object", "POST", "graphql", "application/json", Json("{ stats }"), null),
        ("fields conflict", "POST", "graphql", "application/json", Json("{ a: stats { actors } a: actors { totalCount } }"), null),
        ("unknown fragment", "POST", "graphql", "application/json", Json("{ ...Nope }"), null),
        ("unknown directive", "POST", "graphql", "application/json", Json("{ stats @nope { actors } }"), null),
        ("parse error", "POST", "graphql", "application/json", Json("{ stats { actors "), null),
        ("parse error: bad token", "POST", "graphql", "application/json", Json("query ¤ { stats }"), null),
        ("empty query", "POST", "graphql", "application/json", Json(""), null),
        ("missing query", "POST", "graphql", "application/json", "{\"variables\":{}}", null),
        ("query not a string", "POST", "graphql", "application/json", "{\"query\":42}", null),
        ("bad JSON", "POST", "graphql", "application/json", "{\"query\": ", null),
        ("JSON array body", "POST", "graphql", "application/json", "[1,2]", null),
        ("variables not an object", "POST", "graphql", "application/json", "{\"query\":\"{ stats { actors } }\",\"variables\":[1]}", null),
        ("unknown operation name", "POST", "graphql", "application/json", "{\"query\":\"query A { stats { actors } }\",\"operationName\":\"B\"}", null),
        ("two operations, no name", "POST", "graphql", "application/json", Json("query A { stats { actors } } query B { stats { actors } }"), null),
        ("wrong content type", "POST", "graphql", "text/plain", Json("{ stats { actors } }"), null),
        ("wrong method", "PUT", "graphql", "application/json", Json("{ stats { actors } }"), null),
        ("GET without query", "GET", "graphql", null, null, null),
        ("GET with a mutation", "GET", "graphql?query=" + Uri.EscapeDataString("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { actor { name } } }"), null, null, null),
        ("GET with a parse error", "GET", "graphql?query=" + Uri.EscapeDataString("{ stats {"), null, null, null),
        ("mutation without a key", "POST", "graphql", "application/json", Json("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { actor { name } } }"), null),
        ("mutation with a wrong key", "POST", "graphql", "application/json", Json("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { actor { name } } }"), "wrong-key-0000000000000000"),
        ("mutation with a bad input", "POST", "graphql", "application/json", Json("mutation { upsertActor(input: { kind: PERSON, name: \"\" }) { actor { name } } }"), ApiServer.Key),
        ("unknown actor", "POST", "graphql", "application/json", Json("{ actor(name: \"Atlantis\") { name } }"), null),
        ("malformed node id", "POST", "graphql", "application/json", Json("{ node(id: \"not an id\") { id } }"), null),
        ("out-of-range argument", "POST", "graphql", "application/json", Json("{ neighbourhood(actor: \"Russia\", depth: 99) { nodeCount } }"), null),
        ("bad cursor", "POST", "graphql", "application/json", Json("{ actors(after: \"garbage\") { totalCount } }"), null),
        ("too deep", "POST", "graphql", "application/json", Json("{ actor(name: \"Russia\") { " + string.Concat(Enumerable.Repeat("relationships { nodes { other { ", 20)) + "name" + string.Concat(Enumerable.Repeat(" } } }", 20)) + " } }"), null),
        ("many failing fields", "POST", "graphql", "application/json", Json("{ a: actor(name: \"Atlantis\") { name } b: neighbourhood(actor: \"Nowhere\") { nodeCount } c: evidence(search: \"x\") { totalCount } d: actors(first: 0) { totalCount } }"), null),
    ];

    public static TheoryData<string> Names() => [.. s_requests.Select(r => r.Name)];

    public static TheoryData<string> CorpusNames() => [.. HostileCorpusTests.Corpus().Select(c => (string)c["name"]!)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_error_of_a_failing_request_has_a_code(string name)
    {
        using var request = Request(name);
        var errors = await SendAsync(request, name);
        Assert.NotEmpty(errors);
    }

    private static HttpRequestMessage Request(string name)
    {
        var (_, method, path, contentType, body, key) = s_requests.Single(r => r.Name == name);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    [Theory]
    [InlineData("unknown field", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("undefined variable", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("bad PartialDate literal", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("bad PartialDate variable", "BAD_USER_INPUT")]
    [InlineData("missing required variable", "BAD_USER_INPUT")]
    [InlineData("parse error", "GRAPHQL_PARSE_FAILED")]
    [InlineData("GET with a parse error", "GRAPHQL_PARSE_FAILED")]
    [InlineData("bad JSON", "BAD_REQUEST")]
    [InlineData("missing query", "BAD_REQUEST")]
    [InlineData("unknown operation name", "BAD_REQUEST")]
    [InlineData("wrong method", "METHOD_NOT_ALLOWED")]
    [InlineData("wrong content type", "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("mutation without a key", "UNAUTHENTICATED")]
    [InlineData("mutation with a bad input", "BAD_USER_INPUT")]
    [InlineData("unknown actor", "NOT_FOUND")]
    [InlineData("bad cursor", "BAD_USER_INPUT")]
    public async Task Each_kind_of_failure_has_its_stable_code(string name, string code)
    {
        var errors = await SendAsync(Request(name), name);
        Assert.True(errors.All(e => (string?)e["extensions"]!["code"] == code), $"{name}: expected {code} on every error, got {string.Join(", ", errors.Select(e => (string?)e["extensions"]!["code"]))}");
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Every_error_of_a_hostile_request_has_a_code(string name)
    {
        var item = HostileCorpusTests.Corpus().Single(c => (string)c["name"]! == name);
        using var request = HostileCorpusTests.Build(item);
        await SendAsync(request, name);
    }

    [Fact]
    public void Every_code_the_API_sets_is_listed_in_the_README()
    {
        var readme = File.ReadAllText(Path.Combine(ApiServer.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("### Error codes", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        var corpusCodes = HostileCorpusTests.Corpus().Select(c => (string?)c["code"]).OfType<string>();
        var known = new[]
        {
            "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "BAD_USER_INPUT", "OPERATION_NOT_ALLOWED",
            "NOT_FOUND", "RULE_VIOLATION", "UNAUTHENTICATED", "FORBIDDEN", "INTERNAL_SERVER_ERROR", "TIMEOUT", "CANCELLED",
            "REQUEST_TOO_LARGE", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE", "UNSUPPORTED_MEDIA_TYPE",
        };
        var missing = known.Concat(corpusCodes).Distinct().Where(code => !section.Contains("`" + code + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "README's Error codes section lacks: " + string.Join(", ", missing));
    }

    private async Task<List<JsonNode>> SendAsync(HttpRequestMessage request, string name)
    {
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(text)!.AsObject();
        var errors = body["errors"]?.AsArray().Select(e => e!).ToList() ?? [];
        var uncoded = errors.Where(e => e["extensions"]?["code"] is not JsonValue code || !code.TryGetValue<string>(out var s) || string.IsNullOrEmpty(s)).ToList();
        output.WriteLine($"{name}: HTTP {(int)response.StatusCode}, codes [{string.Join(", ", errors.Select(e => (string?)e["extensions"]?["code"] ?? "—"))}]");
        Assert.True(uncoded.Count == 0, $"{name}: {uncoded.Count} of {errors.Count} errors without extensions.code: {text}");
        return errors;
    }

    private static string Json(string query) => new JsonObject { ["query"] = query }.ToJsonString();
}
