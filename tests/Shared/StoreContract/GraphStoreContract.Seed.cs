using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

// Questions about the two seed documents, with answers worked out by reading them (see data/knowledge/README.md).
public abstract partial class GraphStoreContract
{
    private static readonly ActorId s_nis = ActorId.Parse("agency:national-intelligence-service");
    private static readonly ActorId s_northKorea = ActorId.Parse("state:north-korea");
    private static readonly ActorId s_russia = ActorId.Parse("state:russia");
    private static readonly ActorId s_resolution2397 = ActorId.Parse("resolution:unsc-resolution-2397");

    [Fact]
    public async Task Seed_import_holds_every_actor_document_and_relationship()
    {
        var store = await SeededAsync();
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(SeedKnowledge.Actors.Count, stats.Actors);
        Assert.Equal(SeedKnowledge.Documents.Count, stats.Documents);
        Assert.Equal(SeedKnowledge.Relationships.Count, stats.Relationships);
        Assert.Equal(SeedKnowledge.Relationships.Sum(r => r.Evidence.Count), stats.Evidence);
        SnapshotAssert.Equal(SeedKnowledge, await store.ExportAsync(Ct));
    }

    [Fact]
    public async Task Shortest_path_from_the_NIS_to_Resolution_2397_goes_through_North_Korea_in_two_hops()
    {
        var store = await SeededAsync();
        var result = await store.FindPathsAsync(new PathRequest(s_nis, s_resolution2397), Ct);

        var path = Assert.Single(result.Paths);
        Assert.Equal(2, path.Length);
        Assert.Equal([s_nis, s_northKorea, s_resolution2397], path.Actors.Select(a => a.Id));
        Assert.Equal(RelationshipType.Reported, path.Steps[0].Edge.Type);
        Assert.True(path.Steps[0].Forward);
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task All_shortest_paths_from_the_NIS_to_Resolution_2397_are_one_path_with_both_edges_between_North_Korea_and_it_grouped()
    {
        var store = await SeededAsync();
        var result = await store.FindPathsAsync(new PathRequest(s_nis, s_resolution2397, Mode: PathMode.AllShortest), Ct);

        // Two parallel edges join North Korea and the resolution: one sequence of actors, not two paths.
        var path = Assert.Single(result.Paths);
        Assert.Equal([s_nis, s_northKorea, s_resolution2397], path.Actors.Select(a => a.Id));
        Assert.Equal(2, path.Length);
        Assert.Single(path.Hops[0]);
        Assert.Equal([RelationshipType.Violates, RelationshipType.Targets], path.Hops[1].Select(s => s.Edge.Type).Order());
        Assert.Equal(path.Hops[1].Select(s => s.Edge.Id).Order(StringComparer.Ordinal), path.Hops[1].Select(s => s.Edge.Id));
        var targets = path.Hops[1].Single(s => s.Edge.Type == RelationshipType.Targets);
        Assert.False(targets.Forward); // TARGETS runs from the resolution to North Korea: walked backwards
    }

    [Fact]
    public async Task Outgoing_paths_from_the_NIS_reach_Resolution_2397_only_through_the_violation()
    {
        var store = await SeededAsync();
        var filter = new RelationshipFilter { Direction = Direction.Outgoing };
        var result = await store.FindPathsAsync(new PathRequest(s_nis, s_resolution2397, Mode: PathMode.AllShortest, Filter: filter), Ct);

        var path = Assert.Single(result.Paths);
        Assert.Equal([RelationshipType.Reported, RelationshipType.Violates], path.Steps.Select(s => s.Edge.Type));
        Assert.All(path.Steps, s => Assert.True(s.Forward));
    }

    [Fact]
    public async Task North_Korea_two_hop_neighbourhood_over_deployed_and_supports_reaches_six_actors_and_ten_edges()
    {
        var store = await SeededAsync();
        var filter = new RelationshipFilter { Types = new HashSet<RelationshipType> { RelationshipType.Deployed, RelationshipType.Supports } };
        var subgraph = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(s_northKorea, 2, filter), Ct);

        Assert.False(subgraph.Truncated);
        Assert.Equal(
            ["agency:russian-armed-forces", "conflict:war-in-ukraine", "location:kursk-region", "location:moscow", "location:russian-far-east", "state:north-korea", "state:russia"],
            subgraph.Nodes.Select(n => n.Actor.Id.Value).Order(StringComparer.Ordinal));
        Assert.Equal(0, subgraph.Nodes.Single(n => n.Actor.Id == s_northKorea).Depth);
        Assert.All(subgraph.Nodes.Where(n => n.Actor.Id != s_northKorea), n => Assert.Equal(1, n.Depth));

        // Three DEPLOYED to Russia (workers, workers-before-2019, troops), four more DEPLOYED by North Korea,
        // Russia's own DEPLOYED to the war, and two SUPPORTS.
        Assert.Equal(10, subgraph.Edges.Count);
        Assert.Equal(8, subgraph.Edges.Count(e => e.Type == RelationshipType.Deployed));
        Assert.Contains(subgraph.Edges, e => e.From == s_russia && e.To == A("conflict:war-in-ukraine"));
        var nodes = subgraph.Nodes.Select(n => n.Actor.Id).ToHashSet();
        Assert.All(subgraph.Edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To)));
    }

    [Fact]
    public async Task Russia_before_2020_voted_for_Resolution_2397_and_hosted_workers_until_2019()
    {
        var store = await SeededAsync();
        var timeline = await store.GetTimelineAsync(s_russia, null, PartialDate.OfYear(2019), Ct);

        Assert.Equal(
            ["VOTED_FOR:state:russia->resolution:unsc-resolution-2397", "DEPLOYED:state:north-korea->state:russia#workers-before-2019"],
            timeline.Select(r => r.Id));
    }

    [Fact]
    public async Task Russia_from_2022_timeline_is_oldest_first_then_by_type_and_keeps_open_ended_edges()
    {
        var store = await SeededAsync();
        var timeline = await store.GetTimelineAsync(s_russia, PartialDate.OfYear(2022), null, Ct);

        Assert.Equal(
            [
                "VOTED_FOR:state:russia->resolution:unsc-resolution-2397", // validFrom 2017 and no end: still valid in 2022
                "ALLIED_WITH:state:north-korea->state:russia", "ATTACKED:state:russia->state:ukraine", "AT_WAR_WITH:state:russia->state:ukraine",
                "DEPLOYED:state:north-korea->state:russia#workers", "DEPLOYED:state:north-korea->state:russia#troops",
            ],
            timeline.Select(r => r.Id));
    }

    [Fact]
    public async Task Conflicting_figures_are_both_kept_13221_against_about_15000_and_800_against_100_to_200()
    {
        var store = await SeededAsync();
        var conflicts = await store.GetConflictsAsync(Ct);

        Assert.Equal(2, conflicts.Count);
        var arrivals = conflicts[0];
        Assert.Equal("DEPLOYED:state:north-korea->state:russia#workers", arrivals.Relationship.Id);
        Assert.Equal("count", arrivals.Quantity);
        Assert.Equal([13221m, 15000m], arrivals.Claims.Select(c => c.Value!.Value).Distinct().Order());

        var pay = conflicts[1];
        Assert.Equal("EMPLOYS:state:russia->state:north-korea", pay.Relationship.Id);
        Assert.Equal("amount", pay.Quantity);
        Assert.Contains(pay.Claims, c => c.Value == 800m && c.Unit == "USD per month");
        Assert.Contains(pay.Claims, c => c.Min == 100m && c.Max == 200m && c.Display.StartsWith("100–200", StringComparison.Ordinal));
        Assert.All(conflicts.SelectMany(c => c.Claims), c => Assert.NotNull(c.Evidence.Attributes));
    }

    [Fact]
    public async Task Corroborated_edge_carries_evidence_from_both_documents()
    {
        var store = await SeededAsync();
        var key = new RelationshipKey(RelationshipType.Deployed, s_northKorea, s_russia, "workers");
        var evidence = await store.GetEvidenceAsync(key, Ct);
        var expected = SeedKnowledge.Relationships.Single(r => r.Key == key).Evidence;

        Assert.Equal(expected, evidence);
        Assert.Equal(2, evidence.Select(e => e.DocumentId).Distinct().Count());
    }

    [Theory]
    [InlineData("DPRK", "state:north-korea")]
    [InlineData("dprk", "state:north-korea")]
    [InlineData("Pyongyang", "state:north-korea")]
    [InlineData("  PYONGYANG ", "state:north-korea")]
    [InlineData("North Korea", "state:north-korea")]
    [InlineData("Wí Sung–lac", "official:wi-sung-lac")]
    [InlineData("wi sung lac", "official:wi-sung-lac")]
    [InlineData("VOLODYMYR ZELÉNSKY", "official:volodymyr-zelensky")]
    [InlineData("NIS", "agency:national-intelligence-service")]
    [InlineData("state:russia", "state:russia")]
    public async Task Names_and_aliases_resolve_ignoring_case_and_accents(string text, string expected)
    {
        var store = await SeededAsync();
        var actor = await store.ResolveActorAsync(text, Ct);
        Assert.Equal(expected, actor?.Id.Value);
    }

    [Fact]
    public async Task A_display_name_beats_an_alias_Moscow_is_the_city_not_the_government()
    {
        var store = await SeededAsync();
        Assert.Equal("location:moscow", (await store.ResolveActorAsync("moscow", Ct))?.Id.Value);
        Assert.Null(await store.ResolveActorAsync("Atlantis", Ct));
    }

    [Fact]
    public async Task Common_neighbours_of_North_Korea_and_Russia_include_the_treaty_and_the_resolution()
    {
        var store = await SeededAsync();
        var common = await store.GetCommonNeighboursAsync(s_northKorea, s_russia, RelationshipFilter.All, Ct);

        var ids = common.Select(c => c.Actor.Id.Value).ToList();
        Assert.Contains("treaty:dprk-russia-comprehensive-strategic-partnership", ids);
        Assert.Contains("resolution:unsc-resolution-2397", ids);
        Assert.DoesNotContain("state:north-korea", ids);
        Assert.DoesNotContain("state:russia", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var treaty = common.Single(c => c.Actor.Id.Value.StartsWith("treaty:", StringComparison.Ordinal));
        Assert.Equal([RelationshipType.Ratified, RelationshipType.PartyTo], treaty.ViaFirst.Select(e => e.Type));
        Assert.All(treaty.ViaSecond, e => Assert.Equal(s_russia, e.From));
    }

    [Fact]
    public async Task Evidence_search_finds_quotes_ignoring_case_and_accents()
    {
        var store = await SeededAsync();
        var hits = await store.SearchEvidenceAsync("LUXURY LIMOUSÍNE", 10, Ct);

        Assert.Equal([RelationshipType.Gifted, RelationshipType.MetWith], hits.Select(h => h.Relationship.Type).Order());
        Assert.All(hits, h => Assert.Contains("luxury limousine", h.Evidence.Quote, StringComparison.Ordinal));
        Assert.Single(await store.SearchEvidenceAsync("limousine", 1, Ct));
        Assert.Empty(await store.SearchEvidenceAsync("submarine", 10, Ct));
    }
}
