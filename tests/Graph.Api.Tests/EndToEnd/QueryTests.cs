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
                type direction other { name kind } facts { personnel count }
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
        var response = (await server.PostAsync("{ actor(name: \"Resolution 2397\") { name ... on Resolution { adoptedOn adoptedBy { nodes { other { name } direction } } } } }")).AssertOk();
        var actor = response.Data!["actor"]!;
        Assert.Equal("2017-12-22", (string?)actor["adoptedOn"]);
        var adopters = actor["adoptedBy"]!["nodes"]!.AsArray();
        Assert.Contains(adopters, n => (string?)n!["other"]!["name"] == "UN Security Council");
        Assert.All(adopters, n => Assert.Equal("INCOMING", (string?)n!["direction"]));
    }
}

public sealed class TraversalAndReportTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Paths_between_NIS_and_Resolution_2397_come_shaped_for_drawing()
    {
        var response = (await server.PostAsync("""
            { paths(from: "NIS", to: "Resolution 2397", mode: ALL_SHORTEST, maxDepth: 4) {
                count truncated from { name } to { name }
                paths { length actors { name } steps { forward relationship { type } } }
                subgraph { nodes { id kind caption depth } edges { id type source target caption } } } }
            """)).AssertOk();
        var paths = response.Data!["paths"]!;
        Assert.True((int)paths["count"]! >= 1, response.Text);
        var first = paths["paths"]![0]!;
        Assert.Equal("National Intelligence Service", (string?)first["actors"]![0]!["name"]);
        Assert.Equal("UN Security Council Resolution 2397 (2017)", (string?)first["actors"]!.AsArray().Last()!["name"]);
        var nodeIds = paths["subgraph"]!["nodes"]!.AsArray().Select(n => (string?)n!["id"]).ToHashSet();
        Assert.All(paths["subgraph"]!["edges"]!.AsArray(), e =>
        {
            Assert.Contains((string?)e!["source"], nodeIds);
            Assert.Contains((string?)e["target"], nodeIds);
            Assert.False(string.IsNullOrEmpty((string?)e["caption"]));
        });
    }

    [Fact]
    public async Task Depth_2_neighbourhood_of_Russia_has_depths_and_drawable_edges()
    {
        var response = (await server.PostAsync("{ neighbourhood(actor: \"Russia\", depth: 2, limit: 200) { nodeCount edgeCount truncated nodes { id kind caption depth } edges { source target type } } }")).AssertOk();
        var graph = response.Data!["neighbourhood"]!;
        var nodes = graph["nodes"]!.AsArray();
        Assert.Equal(0, (int)nodes.Single(n => (string?)n!["caption"] == "Russia")!["depth"]!);
        Assert.Contains(nodes, n => (int)n!["depth"]! == 2);
        Assert.Equal(nodes.Count, (int)graph["nodeCount"]!);
    }

    [Fact]
    public async Task A_neighbourhood_capped_at_two_edges_per_actor_counts_what_it_left_out_per_type()
    {
        var full = (await server.PostAsync("{ neighbourhood(actor: \"Russia\") { edgeCount omitted { type count } } }")).AssertOk();
        var total = (int)full.Data!["neighbourhood"]!["edgeCount"]!;
        Assert.True(total > 2, full.Text);
        Assert.Empty(full.Data!["neighbourhood"]!["omitted"]!.AsArray());

        var response = (await server.PostAsync("{ neighbourhood(actor: \"Russia\", edgesPerActor: 2) { edgeCount truncated omitted { type count } } }")).AssertOk();
        var graph = response.Data!["neighbourhood"]!;
        Assert.Equal(2, (int)graph["edgeCount"]!);
        Assert.True((bool)graph["truncated"]!);
        Assert.Equal(total - 2, graph["omitted"]!.AsArray().Sum(o => (int)o!["count"]!));
    }

    [Fact]
    public async Task Common_neighbours_of_North_Korea_and_Russia_list_edges_on_each_side()
    {
        var response = (await server.PostAsync("{ commonNeighbours(a: \"North Korea\", b: \"Russia\") { totalCount nodes { actor { name } viaA { type } viaB { type } } } }")).AssertOk();
        var common = response.Data!["commonNeighbours"]!;
        Assert.True((int)common["totalCount"]! >= 1, response.Text);
        Assert.All(common["nodes"]!.AsArray(), n =>
        {
            Assert.NotEmpty(n!["viaA"]!.AsArray());
            Assert.NotEmpty(n["viaB"]!.AsArray());
        });
    }

    [Fact]
    public async Task Russias_timeline_is_oldest_first()
    {
        var response = (await server.PostAsync("{ timeline(actor: \"state:russia\", first: 100) { totalCount nodes { date type caption other { name } } } }")).AssertOk();
        var dates = response.Data!["timeline"]!["nodes"]!.AsArray().Select(n => Graph.Core.Model.PartialDate.Parse((string)n!["date"]!)).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public async Task Conflicts_show_both_figures_for_worker_arrivals_with_their_evidence()
    {
        var response = (await server.PostAsync("{ conflicts { totalCount nodes { quantity relationship { type from { name } to { name } } claims { display value min max statedIn { quote document { documentId } } } } } }")).AssertOk();
        var conflicts = response.Data!["conflicts"]!["nodes"]!.AsArray();
        Assert.NotEmpty(conflicts);
        var claims = conflicts.SelectMany(c => c!["claims"]!.AsArray()).ToList();
        Assert.Contains(claims, c => (double?)c!["value"] == 13221);
        Assert.All(claims, c => Assert.False(string.IsNullOrEmpty((string?)c!["statedIn"]!["quote"])));
    }

    [Fact]
    public async Task Evidence_search_finds_quotes_with_their_relationship()
    {
        var response = (await server.PostAsync("{ evidence(search: \"2397\", first: 5) { totalCount nodes { quote relationship { type from { name } to { name } } } } }")).AssertOk();
        var hits = response.Data!["evidence"]!["nodes"]!.AsArray();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("2397", (string?)h!["quote"]));
    }

    [Fact]
    public async Task Documents_and_document_by_id()
    {
        var list = (await server.PostAsync("{ documents { totalCount nodes { id documentId title published publisher { name } } } }")).AssertOk();
        var documents = list.Data!["documents"]!["nodes"]!.AsArray();
        Assert.Equal(2, documents.Count);
        var globalId = (string)documents[0]!["id"]!;
        var one = (await server.PostAsync("query($id: ID!) { document(id: $id) { documentId length contentHash } node(id: $id) { id ... on Document { title } } }", new { id = globalId })).AssertOk();
        Assert.Equal((string?)documents[0]!["documentId"], (string?)one.Data!["document"]!["documentId"]);
        Assert.Equal(globalId, (string?)one.Data!["node"]!["id"]);
    }

    [Fact]
    public async Task Actors_search_pages_with_cursors_and_kinds()
    {
        var page1 = (await server.PostAsync("{ actors(kinds: [STATE], first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { name kind } } }")).AssertOk();
        var connection = page1.Data!["actors"]!;
        Assert.Equal(5, (int)connection["totalCount"]!);
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
        var page2 = (await server.PostAsync("query($after: String) { actors(kinds: [STATE], first: 2, after: $after) { pageInfo { hasPreviousPage } nodes { name } } }", new { after = (string?)connection["pageInfo"]!["endCursor"] })).AssertOk();
        var names = connection["nodes"]!.AsArray().Concat(page2.Data!["actors"]!["nodes"]!.AsArray()).Select(n => (string?)n!["name"]).ToList();
        Assert.Equal(4, names.Distinct().Count());
        Assert.True((bool)page2.Data!["actors"]!["pageInfo"]!["hasPreviousPage"]!);
    }

    [Fact]
    public async Task Generic_relationships_filter_by_type_direction_and_confidence_and_nodes_refetch()
    {
        var response = (await server.PostAsync("{ actor(name: \"Kim Jong Un\") { id relationships(types: [LEADS], direction: OUTGOING, minConfidence: 0.5) { totalCount nodes { id type other { name } } } } }")).AssertOk();
        var actor = response.Data!["actor"]!;
        var edges = actor["relationships"]!["nodes"]!.AsArray();
        Assert.Contains(edges, e => (string?)e!["other"]!["name"] == "North Korea");
        var ids = new JsonArray((string?)actor["id"], (string?)edges[0]!["id"]);
        var nodes = (await server.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids })).AssertOk();
        Assert.Equal(["Official", "Relationship"], nodes.Data!["nodes"]!.AsArray().Select(n => (string?)n!["__typename"]));
    }

    [Fact]
    public async Task Stats_count_the_seed_graph()
    {
        var response = (await server.PostAsync("{ stats { actors relationships evidence documents actorsByKind { kind count } relationshipsByType { type count } degree { max top { actor { name } degree } } } }")).AssertOk();
        var stats = response.Data!["stats"]!;
        Assert.Equal(33, (int)stats["actors"]!);
        Assert.Equal(65, (int)stats["relationships"]!);
        Assert.Equal(2, (int)stats["documents"]!);
        Assert.Equal(33, stats["actorsByKind"]!.AsArray().Sum(k => (int)k!["count"]!));
    }

    [Fact]
    public async Task Get_runs_queries()
    {
        var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("{ stats { actors } }")));
        Assert.Equal(200, response.Status);
        Assert.Equal(33, (int)response.Data!["stats"]!["actors"]!);
    }
}
