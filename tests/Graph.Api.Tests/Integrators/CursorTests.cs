using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary>
/// Cursors are keys of the list they came from, over real HTTP on the embedded store: pages stay stable while items are
/// written before and after the cursor, and a cursor from another list, of other arguments or of no list is refused.
/// </summary>
public sealed class CursorTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string ActorsPage = """
        query($after: String, $first: Int) { actors(search: "cursor probe", first: $first, after: $after) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { actorId } } } }
        """;

    private const string Document = "doc:nis-north-korean-workers-russia";

    [Fact]
    public async Task Actors_page_by_key_while_actors_are_added_before_and_after_the_cursor()
    {
        await UpsertAsync(("person:cursor-probe-b", "Cursor Probe B"), ("person:cursor-probe-d", "Cursor Probe D"), ("person:cursor-probe-f", "Cursor Probe F"), ("person:cursor-probe-h", "Cursor Probe H"));

        var first = await ActorsAsync(after: null, first: 2);
        Assert.Equal(["person:cursor-probe-b", "person:cursor-probe-d"], Ids(first));
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);

        // Before the cursor: a new first name, one in between and a same-name tie with a lower id. After it: a same-name
        // tie with a higher id and two names further on. An offset cursor would now repeat D and B's neighbours.
        await UpsertAsync(
            ("person:cursor-probe-a", "Cursor Probe A"), ("person:cursor-probe-c", "Cursor Probe C"), ("person:cursor-probe-a-d", "Cursor Probe D"),
            ("person:cursor-probe-d-2", "Cursor Probe D"), ("person:cursor-probe-e", "Cursor Probe E"), ("person:cursor-probe-g", "Cursor Probe G"));

        var second = await ActorsAsync((string?)first["pageInfo"]!["endCursor"], first: 3);
        Assert.Equal(["person:cursor-probe-d-2", "person:cursor-probe-e", "person:cursor-probe-f"], Ids(second));
        Assert.Equal(10, (int)second["totalCount"]!);
        Assert.True((bool)second["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal((string?)second["edges"]![0]!["cursor"], (string?)second["pageInfo"]!["startCursor"]);

        var third = await ActorsAsync((string?)second["pageInfo"]!["endCursor"], first: 3);
        Assert.Equal(["person:cursor-probe-g", "person:cursor-probe-h"], Ids(third));
        Assert.False((bool)third["pageInfo"]!["hasNextPage"]!);

        var seen = Ids(first).Concat(Ids(second)).Concat(Ids(third)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(["person:cursor-probe-b", "person:cursor-probe-d", "person:cursor-probe-d-2", "person:cursor-probe-e", "person:cursor-probe-f", "person:cursor-probe-g", "person:cursor-probe-h"], seen);

        // After the last actor: an empty page that says so.
        var end = await ActorsAsync((string?)third["pageInfo"]!["endCursor"], first: 3);
        Assert.Empty(end["edges"]!.AsArray());
        Assert.False((bool)end["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)end["pageInfo"]!["hasPreviousPage"]!);
        Assert.Null((string?)end["pageInfo"]!["endCursor"]);
        Assert.Equal(10, (int)end["totalCount"]!);
    }

    [Fact]
    public async Task A_relationships_evidence_pages_by_key_while_evidence_is_added_and_removed_around_the_cursor()
    {
        var text = (string)(await server.PostAsync($"{{ document(id: \"{Document}\") {{ text }} }}")).AssertOk().Data!["document"]!["text"]!;
        var quotes = UniqueSentences(text).Take(5).ToArray();
        Assert.True(quotes.Length == 5, "the seed document has fewer than five sentences that occur once");

        await UpsertAsync(("state:cursor-land-one", "Cursor Land One"), ("state:cursor-land-two", "Cursor Land Two"));
        var id = await AddEvidenceAsync(quotes[1], quotes[3]);
        const string Page = """
            query($id: ID!, $after: String, $first: Int) { node(id: $id) { ... on Relationship {
              evidence(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { quote } } } } }
            """;

        var first = (await server.PostAsync(Page, new { id, after = (string?)null, first = 1 })).AssertOk().Data!["node"]!["evidence"]!;
        Assert.Equal([quotes[1]], Quotes(first));
        var cursor = (string?)first["pageInfo"]!["endCursor"];

        // One before the cursor, one between it and the next, one at the end; then the cursor's own item goes.
        await AddEvidenceAsync(quotes[0], quotes[2], quotes[4]);
        var removed = await server.PostAsync(
            "mutation($id: ID!, $start: Int!) { removeEvidence(input: { relationship: $id, document: \"" + Document + "\", start: $start }) { relationship { evidenceCount } } }",
            new { id, start = text.IndexOf(quotes[1], StringComparison.Ordinal) },
            key: ApiServer.Key);
        Assert.Equal(4, (int)removed.AssertOk().Data!["removeEvidence"]!["relationship"]!["evidenceCount"]!);

        var rest = (await server.PostAsync(Page, new { id, after = cursor, first = 10 })).AssertOk().Data!["node"]!["evidence"]!;
        Assert.Equal([quotes[2], quotes[3], quotes[4]], Quotes(rest));
        Assert.Equal(4, (int)rest["totalCount"]!);
        Assert.True((bool)rest["pageInfo"]!["hasPreviousPage"]!);
        Assert.False((bool)rest["pageInfo"]!["hasNextPage"]!);

        var end = (await server.PostAsync(Page, new { id, after = (string?)rest["pageInfo"]!["endCursor"], first = 10 })).AssertOk().Data!["node"]!["evidence"]!;
        Assert.Empty(Quotes(end));
        Assert.False((bool)end["pageInfo"]!["hasNextPage"]!);
    }

    [Fact]
    public async Task A_cursor_from_actors_given_to_documents_is_refused_naming_both_lists()
    {
        var cursor = await EndCursorAsync("{ actors(first: 1) { pageInfo { endCursor } } }", "actors");

        var response = await server.PostAsync("query($after: String) { documents(after: $after) { totalCount } stats { actors } }", new { after = cursor });

        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", (string?)error!["extensions"]!["code"]);
        Assert.Equal("after", (string?)error["extensions"]!["argument"]);
        Assert.Contains("belongs to the list 'Query.actors', not to 'Query.documents'", (string?)error["message"]);
        Assert.Contains("omit after for the first page", (string?)error["message"]);
        Assert.Null(response.Data!["documents"]);
        Assert.True((int)response.Data["stats"]!["actors"]! > 0);
    }

    [Fact]
    public async Task A_cursor_is_refused_by_the_same_field_with_other_arguments_or_of_another_parent()
    {
        var korea = await EndCursorAsync("{ actors(search: \"korea\", first: 1) { pageInfo { endCursor } } }", "actors");
        var refused = await server.PostAsync("query($after: String) { actors(search: \"russia\", after: $after) { totalCount } }", new { after = korea });
        Assert.Equal("BAD_USER_INPUT", refused.Code);
        Assert.Contains("'Query.actors' with other arguments", refused.Message);

        // Only first may change between pages.
        var next = await server.PostAsync("query($after: String) { actors(search: \"korea\", first: 5, after: $after) { totalCount } }", new { after = korea });
        next.AssertOk();

        var russia = await server.PostAsync("{ actor(id: \"state:russia\") { relationships(first: 1) { pageInfo { endCursor } } } }");
        var cursor = (string?)russia.AssertOk().Data!["actor"]!["relationships"]!["pageInfo"]!["endCursor"];
        var other = await server.PostAsync("query($after: String) { actor(id: \"state:north-korea\") { relationships(after: $after) { totalCount } } }", new { after = cursor });
        Assert.Equal("BAD_USER_INPUT", other.Code);
        Assert.Equal("after", (string?)other.Errors[0]!["extensions"]!["argument"]);
        Assert.Contains("another parent", other.Message);
    }

    public static TheoryData<string, string, string> BadCursors() => new()
    {
        { "not base64url", "garbage!", "Malformed cursor" },
        { "not a cursor", "garbage", "Malformed cursor" },
        { "empty", "", "Malformed cursor" },
        { "JSON of another shape", Encode("{\"v\":1}"), "Malformed cursor" },
        { "a key of the wrong shape", Encode("[\"v1\",\"Query.documents\",\"x\",[1,2]]"), "'Query.documents' with other arguments" },
        { "another version", Encode("[\"v9\",\"Query.documents\",\"x\",[\"doc:a\"]]"), "format 'v9'; this server reads 'v1'" },
        { "an old offset cursor", Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:1")), "old position cursor" },
        { "too long", new string('A', 5000), "longer than any cursor" },
        { "invalid UTF-8 in a string", Base64Url.EncodeToString([(byte)'[', (byte)'"', 0xFF, (byte)'"', (byte)',', (byte)'"', (byte)'x', (byte)'"', (byte)',', (byte)'"', (byte)'x', (byte)'"', (byte)',', (byte)'[', (byte)']', (byte)']']), "Malformed cursor" },
    };

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task A_cursor_that_is_not_one_of_this_list_is_BAD_USER_INPUT_saying_what_is_allowed(string what, string cursor, string says)
    {
        var response = await server.PostAsync("query($after: String) { documents(after: $after) { totalCount } }", new { after = cursor });

        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", (string?)error!["extensions"]!["code"]);
        Assert.Equal("after", (string?)error["extensions"]!["argument"]);
        Assert.Contains(says, (string?)error["message"]);
        Assert.DoesNotContain("Exception", response.Text);
        Assert.True(response.Data?["documents"] is null, what);
    }

    [Fact]
    public async Task A_malformed_key_of_the_right_list_is_refused_not_crashed()
    {
        // The right list and scope (taken from a real cursor) with a key whose actor id is not one.
        var real = await EndCursorAsync("{ actors(first: 1) { pageInfo { endCursor } } }", "actors");
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(real))!.AsArray();
        payload[3] = new JsonArray(1, "Some Name", "not an id");
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));

        var response = await server.PostAsync("query($after: String) { actors(after: $after) { totalCount } }", new { after = forged });

        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Contains("Malformed cursor", response.Message);
    }

    [Fact]
    public async Task Cursors_are_versioned_base64url_keys_of_their_list_and_the_last_page_ends_empty()
    {
        var all = new List<string>();
        string? after = null;
        int total;
        while (true)
        {
            var page = (await server.PostAsync(
                "query($after: String) { documents(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { documentId } } } }",
                new { after })).AssertOk().Data!["documents"]!;
            total = (int)page["totalCount"]!;
            foreach (var edge in page["edges"]!.AsArray())
            {
                all.Add((string)edge!["node"]!["documentId"]!);
                var cursor = (string)edge["cursor"]!;
                Assert.DoesNotContain('=', cursor);
                var payload = JsonNode.Parse(Base64Url.DecodeFromChars(cursor))!.AsArray();
                Assert.Equal("v1", (string?)payload[0]);
                Assert.Equal("Query.documents", (string?)payload[1]);
                Assert.Equal((string)edge["node"]!["documentId"]!, (string?)payload[3]![0]);
            }

            after = (string?)page["pageInfo"]!["endCursor"];
            if (!(bool)page["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }
        }

        Assert.True(total >= 2, $"only {total} documents");
        Assert.Equal(total, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);

        var end = (await server.PostAsync("query($after: String) { documents(after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { documentId } } }", new { after })).AssertOk().Data!["documents"]!;
        Assert.Empty(end["nodes"]!.AsArray());
        Assert.False((bool)end["pageInfo"]!["hasNextPage"]!);
        Assert.True((bool)end["pageInfo"]!["hasPreviousPage"]!);
        Assert.Null((string?)end["pageInfo"]!["startCursor"]);
        Assert.Equal(total, (int)end["totalCount"]!);
    }

    private async Task<JsonNode> ActorsAsync(string? after, int first) =>
        (await server.PostAsync(ActorsPage, new { after, first })).AssertOk().Data!["actors"]!;

    private static List<string> Ids(JsonNode page) => page["edges"]!.AsArray().Select(e => (string)e!["node"]!["actorId"]!).ToList();

    private static List<string> Quotes(JsonNode page) => page["nodes"]!.AsArray().Select(n => (string)n!["quote"]!).ToList();

    private async Task<string> EndCursorAsync(string query, string field) =>
        (string?)(await server.PostAsync(query)).AssertOk().Data![field]!["pageInfo"]!["endCursor"] ?? throw new InvalidOperationException("no cursor");

    private async Task UpsertAsync(params (string Id, string Name)[] actors)
    {
        foreach (var (id, name) in actors)
        {
            var kind = id.StartsWith("state:", StringComparison.Ordinal) ? "STATE" : "PERSON";
            (await server.PostAsync("mutation($id: ID!, $name: String!) { upsertActor(input: { id: $id, kind: " + kind + ", name: $name }) { created } }", new { id, name }, key: ApiServer.Key)).AssertOk();
        }
    }

    private async Task<string> AddEvidenceAsync(params string[] quotes)
    {
        var evidence = string.Join(", ", quotes.Select((_, i) => $"{{ document: \"{Document}\", quote: $q{i} }}"));
        var declared = string.Join(", ", quotes.Select((_, i) => $"$q{i}: String!"));
        var variables = new Dictionary<string, object?>();
        for (var i = 0; i < quotes.Length; i++)
        {
            variables["q" + i] = quotes[i];
        }

        var response = await server.PostAsync(
            $"mutation({declared}) {{ addRelationship(input: {{ type: ALLIED_WITH, from: \"state:cursor-land-one\", to: \"state:cursor-land-two\", evidence: [{evidence}] }}) {{ relationship {{ id }} }} }}",
            variables,
            key: ApiServer.Key);
        return (string)response.AssertOk().Data!["addRelationship"]!["relationship"]!["id"]!;
    }

    /// <summary>Sentences of the text that occur in it exactly once, in the order they appear.</summary>
    private static IEnumerable<string> UniqueSentences(string text) =>
        text.Split(['.', '\n'], StringSplitOptions.TrimEntries)
            .Where(s => s.Length >= 30)
            .Distinct()
            .Where(s => text.IndexOf(s, StringComparison.Ordinal) == text.LastIndexOf(s, StringComparison.Ordinal))
            .OrderBy(s => text.IndexOf(s, StringComparison.Ordinal));

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
