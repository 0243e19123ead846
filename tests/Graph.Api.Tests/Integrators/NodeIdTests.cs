using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary><c>node(id:)</c> takes an actor's readable id as well as any global id.</summary>
public sealed class NodeIdTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task A_readable_actor_id_finds_the_same_node_as_its_global_id()
    {
        var readable = (await server.PostAsync("{ node(id: \"state:north-korea\") { id ... on Actor { name } } }")).AssertOk();
        var node = readable.Data!["node"]!;
        Assert.Equal("North Korea", (string?)node["name"]);

        var global = (await server.PostAsync("query($id: ID!) { node(id: $id) { id ... on Actor { name } } }", new { id = (string?)node["id"] })).AssertOk();
        Assert.Equal((string?)node["id"], (string?)global.Data!["node"]!["id"]);
        Assert.Equal("North Korea", (string?)global.Data!["node"]!["name"]);
    }

    [Fact]
    public async Task An_unknown_readable_id_is_NOT_FOUND_and_a_malformed_one_names_both_forms()
    {
        var unknown = await server.PostAsync("{ node(id: \"state:atlantis\") { id } stats { actors } }");
        Assert.Equal("NOT_FOUND", unknown.Code);
        Assert.Null(unknown.Data!["node"]);
        Assert.True((int)unknown.Data!["stats"]!["actors"]! > 0);

        var malformed = await server.PostAsync("{ node(id: \"not an id\") { id } }");
        Assert.Equal("BAD_USER_INPUT", malformed.Code);
        Assert.Contains("readable id", malformed.Message);
    }

    [Fact]
    public async Task Evidence_has_a_global_id_that_node_refetches()
    {
        var listed = (await server.PostAsync("""
            { actor(id: "state:north-korea") { ... on State { deployed(first: 5) { nodes { evidence(first: 3) { nodes { id quote start documentId } } } } } } }
            """)).AssertOk();
        var evidence = listed.Data!["actor"]!["deployed"]!["nodes"]!.AsArray().SelectMany(n => n!["evidence"]!["nodes"]!.AsArray()).ToList();
        Assert.NotEmpty(evidence);
        Assert.Equal(evidence.Count, evidence.Select(e => (string?)e!["id"]).Distinct().Count());
        foreach (var item in evidence)
        {
            var refetched = (await server.PostAsync("query($id: ID!) { node(id: $id) { __typename id ... on Evidence { quote start documentId } } }", new { id = (string?)item!["id"] })).AssertOk();
            var node = refetched.Data!["node"]!;
            Assert.Equal("Evidence", (string?)node["__typename"]);
            Assert.Equal((string?)item["id"], (string?)node["id"]);
            Assert.Equal((string?)item["quote"], (string?)node["quote"]);
            Assert.Equal((int)item["start"]!, (int)node["start"]!);
            Assert.Equal((string?)item["documentId"], (string?)node["documentId"]);
        }
    }
}
