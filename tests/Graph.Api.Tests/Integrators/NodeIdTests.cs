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

    [Fact]
    public async Task Quantity_conflicts_and_their_claims_have_global_ids_that_node_refetches()
    {
        var listed = (await server.PostAsync("{ conflicts { nodes { id quantity claims { id display statedIn { quote } } } } }")).AssertOk();
        var conflicts = listed.Data!["conflicts"]!["nodes"]!.AsArray();
        Assert.NotEmpty(conflicts);
        Assert.Equal(conflicts.Count, conflicts.Select(c => (string?)c!["id"]).Distinct().Count());
        foreach (var conflict in conflicts)
        {
            var again = (await server.PostAsync(
                "query($id: ID!) { node(id: $id) { id ... on QuantityConflict { quantity claims { display } } } }",
                new { id = (string?)conflict!["id"] })).AssertOk();
            Assert.Equal((string?)conflict["id"], (string?)again.Data!["node"]!["id"]);
            Assert.Equal((string?)conflict["quantity"], (string?)again.Data!["node"]!["quantity"]);
            Assert.Equal(conflict["claims"]!.AsArray().Count, again.Data!["node"]!["claims"]!.AsArray().Count);

            foreach (var claim in conflict["claims"]!.AsArray())
            {
                var one = (await server.PostAsync(
                    "query($id: ID!) { node(id: $id) { id ... on QuantityClaim { display statedIn { quote } } } }",
                    new { id = (string?)claim!["id"] })).AssertOk();
                Assert.Equal((string?)claim["display"], (string?)one.Data!["node"]!["display"]);
                Assert.Equal((string?)claim["statedIn"]!["quote"], (string?)one.Data!["node"]!["statedIn"]!["quote"]);
            }
        }

        var forged = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("QuantityConflict:height/x")) });
        Assert.Equal("BAD_USER_INPUT", forged.Code);
    }
}
