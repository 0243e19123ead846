using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Hostile;

/// <summary>
/// The hostile client's writes that did change data wrongly (issue 10), each as its request over real HTTP to a server
/// over a real SQLite file: concurrent creates, names without Latin letters, and an upsert that wiped what it omitted.
/// </summary>
public sealed class HostileWriteTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string NisDocument = "doc:nis-north-korean-workers-russia";
    private const string NisQuote = "reportedly entered the country using student visas";

    private static string Upsert(string name, string kind = "PERSON", string extra = "") =>
        $$"""mutation { upsertActor(input: { kind: {{kind}}, name: {{JsonValue.Create(name).ToJsonString()}} }{{extra}}) { created actor { actorId name aliases } } }""";

    [Fact]
    public async Task Eight_clients_adding_the_same_fifty_new_edges_are_told_created_fifty_times()
    {
        for (var i = 0; i < 50; i++)
        {
            (await server.PostAsync($$"""mutation { upsertActor(input: { id: "person:concurrent-{{i}}", kind: PERSON, name: "Concurrent {{i}}" }) { created } }""", key: ApiServer.Key)).AssertOk();
        }

        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var created = 0;
            foreach (var i in Enumerable.Range(0, 50))
            {
                var response = (await server.PostAsync(
                    $$"""mutation($quote: String!) { addRelationship(input: { type: REPORTED, from: "NIS", to: "person:concurrent-{{i}}", evidence: [{ document: "{{NisDocument}}", quote: $quote }] }) { created } }""",
                    new { quote = NisQuote },
                    key: ApiServer.Key)).AssertOk();
                created += (bool)response.Data!["addRelationship"]!["created"]! ? 1 : 0;
            }

            return created;
        })).ToList();

        Assert.Equal(50, (await Task.WhenAll(clients)).Sum());
    }

    [Fact]
    public async Task Upsert_without_an_id_keeps_what_it_does_not_mention_and_replace_clears_it()
    {
        var before = (await server.PostAsync("{ actor(name: \"North Korea\") { aliases description } }")).AssertOk();
        var aliases = before.Data!["actor"]!["aliases"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.True(aliases.Count >= 2, before.Text);

        var upsert = (await server.PostAsync(Upsert("North Korea", "STATE"), key: ApiServer.Key)).AssertOk();
        Assert.False((bool)upsert.Data!["upsertActor"]!["created"]!);
        Assert.Equal(aliases, upsert.Data!["upsertActor"]!["actor"]!["aliases"]!.AsArray().Select(a => (string?)a));
        var dprk = (await server.PostAsync("{ actor(name: \"DPRK\") { actorId description } }")).AssertOk();
        Assert.Equal("state:north-korea", (string?)dprk.Data!["actor"]!["actorId"]);
        Assert.Equal(before.Data!["actor"]!["description"]?.ToJsonString(), dprk.Data!["actor"]!["description"]?.ToJsonString());

        (await server.PostAsync("mutation { upsertActor(input: { id: \"person:replace-me\", kind: PERSON, name: \"Replace Me\", aliases: [\"RM\"] }) { created } }", key: ApiServer.Key)).AssertOk();
        var kept = (await server.PostAsync(Upsert("Replace Me"), key: ApiServer.Key)).AssertOk();
        Assert.Equal(["RM"], kept.Data!["upsertActor"]!["actor"]!["aliases"]!.AsArray().Select(a => (string?)a));
        var replaced = (await server.PostAsync(Upsert("Replace Me", extra: ", replace: true"), key: ApiServer.Key)).AssertOk();
        Assert.Empty(replaced.Data!["upsertActor"]!["actor"]!["aliases"]!.AsArray());
    }

    [Fact]
    public async Task Names_without_Latin_letters_are_distinct_actors_and_none_is_overwritten()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "Ким Чен Ын", "김정은", "金正恩", "!!!???" })
        {
            var response = (await server.PostAsync(Upsert(name), key: ApiServer.Key)).AssertOk();
            Assert.True((bool)response.Data!["upsertActor"]!["created"]!, response.Text);
            Assert.Equal(name, (string?)response.Data!["upsertActor"]!["actor"]!["name"]);
            ids.Add((string)response.Data!["upsertActor"]!["actor"]!["actorId"]!);
        }

        Assert.Equal(4, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^person:[a-z0-9]+(-[a-z0-9]+)*$", id));

        // Another name that makes the same id is refused, not written over the first.
        var clash = await server.PostAsync(Upsert("???!!!"), key: ApiServer.Key);
        Assert.Equal("BAD_USER_INPUT", clash.Code);
        Assert.Contains("!!!???", clash.Message, StringComparison.Ordinal);
        var first = (await server.PostAsync($$"""{ actor(id: "{{ids[3]}}") { name } }""")).AssertOk();
        Assert.Equal("!!!???", (string?)first.Data!["actor"]!["name"]);

        // Sending the same non-Latin name again updates that actor rather than making a fifth.
        var again = (await server.PostAsync(Upsert("金正恩"), key: ApiServer.Key)).AssertOk();
        Assert.False((bool)again.Data!["upsertActor"]!["created"]!);
        Assert.Equal(ids[2], (string?)again.Data!["upsertActor"]!["actor"]!["actorId"]);
    }
}
