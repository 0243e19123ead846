namespace Graph.Api.Tests.EndToEnd;

/// <summary><c>paths(mode: ALL_SHORTEST)</c> gives each sequence of actors once, with its parallel edges grouped.</summary>
public sealed class PathGroupingTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task All_shortest_paths_list_each_sequence_of_actors_once_with_parallel_edges_side_by_side()
    {
        // North Korea violates Resolution 2397 and the resolution targets North Korea: two edges join them.
        var response = (await server.PostAsync("""
            { paths(from: "NIS", to: "Resolution 2397", mode: ALL_SHORTEST) {
                count
                paths { length actors { actorId } steps { forward relationship { type } } edges { type } }
                subgraph { edgeCount } } }
            """)).AssertOk();
        var result = response.Data!["paths"]!;
        Assert.Equal(1, (int)result["count"]!);
        var path = result["paths"]![0]!;
        Assert.Equal(2, (int)path["length"]!);
        Assert.Equal(["agency:national-intelligence-service", "state:north-korea", "resolution:unsc-resolution-2397"], path["actors"]!.AsArray().Select(a => (string)a!["actorId"]!));
        Assert.Equal(["REPORTED", "TARGETS", "VIOLATES"], path["steps"]!.AsArray().Select(s => (string)s!["relationship"]!["type"]!));
        Assert.Equal([true, false, true], path["steps"]!.AsArray().Select(s => (bool)s!["forward"]!));
        Assert.Equal(3, path["edges"]!.AsArray().Count);
        Assert.Equal(3, (int)result["subgraph"]!["edgeCount"]!);
    }

    [Fact]
    public async Task The_paths_field_says_that_parallel_edges_are_grouped()
    {
        var response = (await server.PostAsync("""{ __type(name: "Query") { fields { name description } } }""")).AssertOk();
        var paths = response.Data!["__type"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "paths")!;
        Assert.Contains("parallel edges between two of its actors are grouped", (string?)paths["description"], StringComparison.Ordinal);
    }
}
