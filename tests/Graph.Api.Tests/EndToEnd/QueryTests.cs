using System.Text.Json.Nodes;

namespace Graph.Api.Tests.EndToEnd;

public sealed class QueryTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Actor_by_name_resolves_an_alias_and_shows_kind_specific_fields()
    {
        var response = (await server.PostAsync("{ actor(name: \"Pyongyang\") { id actorId kind name aliases ... on State { countryCode } } }")).AssertOk();
        var actor = response.Data!["actor"]!;
        Assert.Equal("state:north-korea", (string?)actor["actorId"]);
        Assert.Equal("STATE", (string?)actor["kind"]);
        Assert.Equal("KP", (string?)actor["countryCode"]);
        Assert.Contains("DPRK", actor["aliases"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public async Task Who_deployed_what_where_reads_typed_fields_with_evidence()
    {
        var response = (await server.PostAsync("""
            { actor(id: "state:north-korea") { ... on State { deployed { totalCount edges { node {
                type direction other { name kind } attributes { personnel count }
                evidence { totalCount nodes { quote document { title } attributedTo { name } stance } } } } } } } }
            """)).AssertOk();
        var deployed = response.Data!["actor"]!["deployed"]!;
        Assert.True((int)deployed["totalCount"]! >= 2, response.Text);
        var edges = deployed["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.All(edges, e => Assert.Equal("DEPLOYED", (string?)e["type"]));
        Assert.All(edges, e => Assert.Equal("OUTGOING", (string?)e["direction"]));
        Assert.Contains(edges, e => (string?)e["other"]!["name"] == "Russia");
        Assert.All(edges, e => Assert.True((int)e["evidence"]!["totalCount"]! >= 1));
    }

    [Fact]
    public async Task Resolution_2397_lists_who_adopted_it_through_an_inverse_field()
    {
        var response = (await server.PostAsync("{ actor(name: \"Resolution 2397\") { name ... on Resolution { adopted adoptedBy { nodes { other { name } direction } } } } }")).AssertOk();
        var actor = response.Data!["actor"]!;
        Assert.Equal("2017-12-22", (string?)actor["adopted"]);
        var adopters = actor["adoptedBy"]!["nodes"]!.AsArray();
        Assert.Contains(adopters, n => (string?)n!["other"]!["name"] == "UN Security Council");
        Assert.All(adopters, n => Assert.Equal("INCOMING", (string?)n!["direction"]));
    }
}
