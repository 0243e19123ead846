using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Contract;

// Property checks on deterministic random graphs, against the brute-force answers of ReferenceGraph.
public abstract partial class GraphStoreContract
{
    private const int GeneratedActors = 40;
    private const int GeneratedEdges = 110;

    private async Task<(IGraphStore Store, GraphSnapshot Snapshot, ReferenceGraph Reference)> GeneratedAsync(int seed)
    {
        var store = Store;
        await store.ImportAsync(RandomGraph.Build(seed, GeneratedActors, GeneratedEdges), null, Ct);
        var snapshot = await store.ExportAsync(Ct);
        return (store, snapshot, new ReferenceGraph(snapshot));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Shortest_path_length_equals_a_brute_force_breadth_first_search(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed * 7919);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 60; query++)
        {
            var (from, to) = (actors[random.Next(actors.Count)], actors[random.Next(actors.Count)]);
            if (from == to)
            {
                continue;
            }

            var filter = RandomGraph.Filter(random);
            var depth = 1 + random.Next(6);
            var expected = reference.Distances(from, filter, depth).TryGetValue(to, out var d) ? d : (int?)null;
            var result = await store.FindPathsAsync(new PathRequest(from, to, depth, PathMode.Shortest, filter), Ct);

            Assert.Equal(expected, result.Paths.Count == 0 ? null : result.Paths[0].Length);
            Assert.True(result.Paths.Count <= 1);
            Assert.All(result.Paths, p => PathIsValid(p, from, to, depth, filter));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task All_shortest_paths_are_every_fewest_hop_sequence_of_actors_exactly_once_with_parallel_edges_grouped(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 40; query++)
        {
            var (from, to) = (actors[random.Next(actors.Count)], actors[random.Next(actors.Count)]);
            if (from == to)
            {
                continue;
            }

            var filter = RandomGraph.Filter(random);
            var limit = 1 + random.Next(20);
            var expected = reference.CountShortestPaths(from, to, filter, 5);
            var result = await store.FindPathsAsync(new PathRequest(from, to, 5, PathMode.AllShortest, filter, limit), Ct);

            Assert.Equal(Math.Min(expected, limit), result.Paths.Count);
            Assert.Equal(expected > limit, result.Truncated);
            Assert.Equal(result.Paths.Count, result.Paths.Select(p => string.Join(" ", p.Actors.Select(a => a.Id))).Distinct().Count());
            Assert.Single(result.Paths.Select(p => p.Length).Distinct().DefaultIfEmpty(0));
            Assert.All(result.Paths, p => PathIsValid(p, from, to, 5, filter));

            // Parallel edges are grouped: each hop holds every edge that may be walked between its two actors, by id.
            Assert.All(result.Paths, p => Assert.All(Enumerable.Range(0, p.Length), i => Assert.Equal(
                reference.Walk(p.Actors[i].Id, filter).Where(w => w.Next == p.Actors[i + 1].Id).Select(w => w.Edge.Id).Order(StringComparer.Ordinal),
                p.Hops[i].Select(s => s.Edge.Id))));
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public async Task All_simple_paths_match_brute_force_enumeration_shortest_first(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 30; query++)
        {
            var (from, to) = (actors[random.Next(actors.Count)], actors[random.Next(actors.Count)]);
            if (from == to)
            {
                continue;
            }

            var filter = RandomGraph.Filter(random);
            var depth = 1 + random.Next(4);
            var expected = reference.SimplePaths(from, to, filter, depth);
            var result = await store.FindPathsAsync(new PathRequest(from, to, depth, PathMode.AllSimple, filter, PathRequest.MaxLimit), Ct);

            Assert.Equal(expected.Order(StringComparer.Ordinal), result.Paths.Select(Signature).Order(StringComparer.Ordinal));
            Assert.Equal(result.Paths.Select(p => p.Length).Order(), result.Paths.Select(p => p.Length));
            Assert.All(result.Paths, p => PathIsValid(p, from, to, depth, filter));

            if (expected.Count > 2)
            {
                var capped = await store.FindPathsAsync(new PathRequest(from, to, depth, PathMode.AllSimple, filter, 2), Ct);
                Assert.Equal(2, capped.Paths.Count);
                Assert.True(capped.Truncated);
                Assert.Equal(expected.Select(e => e.Split(" | ").Length).Order().Take(2), capped.Paths.Select(p => p.Length));
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task Neighbourhood_is_every_actor_within_depth_with_the_edges_of_walks_from_the_centre(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 40; query++)
        {
            var center = actors[random.Next(actors.Count)];
            var filter = RandomGraph.Filter(random);
            var depth = 1 + random.Next(NeighbourhoodRequest.MaxDepth);
            var expected = reference.Distances(center, filter, depth);
            var subgraph = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center, depth, filter), Ct);

            Assert.False(subgraph.Truncated);
            Assert.Equal(expected.OrderBy(p => p.Key.Value, StringComparer.Ordinal), subgraph.Nodes.Select(n => KeyValuePair.Create(n.Actor.Id, n.Depth)).OrderBy(p => p.Key.Value, StringComparer.Ordinal));
            Assert.Equal(subgraph.Nodes.Select(n => n.Depth).Order(), subgraph.Nodes.Select(n => n.Depth)); // breadth-first order
            Assert.Equal(reference.NeighbourhoodEdges(expected, filter, depth).Order(StringComparer.Ordinal), subgraph.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Neighbourhood_edges_are_those_walked_from_actors_below_the_last_depth_and_kept_in_by_the_cap()
    {
        var store = Store;
        var document = Document("walks", 10);
        var (a, b, c, d) = (State("walk-a"), State("walk-b"), State("walk-c"), State("walk-d"));
        var type = RandomGraph.StateToState[0];
        var (ab, ac, bc, cd) = (Edge(type, a, b, Quote(document, 0)), Edge(type, a, c, Quote(document, 1)), Edge(type, b, c, Quote(document, 2)), Edge(type, c, d, Quote(document, 3)));
        await store.ImportAsync(Snapshot([a, b, c, d], [document], [ab, ac, bc, cd]), null, Ct);
        static string[] Ids(params Relationship[] edges) => [.. edges.Select(e => e.Id).Order(StringComparer.Ordinal)];

        // Depth 1: B and C are both at the last depth, so the edge between them lies on no walk of one hop from A.
        var one = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(a.Id, 1), Ct);
        Assert.Equal(Ids(ab, ac), one.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));

        var two = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(a.Id, 2), Ct);
        Assert.Equal(Ids(ab, ac, bc, cd), two.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.False(two.Truncated);

        // A cap of three keeps D out, and with it C-D; B-C is still walked from B at depth 1.
        var capped = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(a.Id, 2, null, 3), Ct);
        Assert.Equal([a.Id, b.Id, c.Id], capped.Nodes.Select(n => n.Actor.Id).Order());
        Assert.Equal(Ids(ab, ac, bc), capped.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.True(capped.Truncated);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Neighbourhood_stops_at_the_node_cap_and_says_so(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 30; query++)
        {
            var center = actors[random.Next(actors.Count)];
            var depth = 1 + random.Next(3);
            var reachable = reference.Distances(center, RelationshipFilter.All, depth);
            var cap = 1 + random.Next(reachable.Count + 2);
            var subgraph = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center, depth, null, cap), Ct);

            Assert.Equal(Math.Min(cap, reachable.Count), subgraph.Nodes.Count);
            Assert.Equal(reachable.Count > cap, subgraph.Truncated);
            Assert.Equal(center, subgraph.Nodes[0].Actor.Id);
            Assert.All(subgraph.Nodes, n => Assert.Equal(reachable[n.Actor.Id], n.Depth));
            var nodes = subgraph.Nodes.Select(n => n.Actor.Id).ToHashSet();
            Assert.All(subgraph.Edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To)));

            // Under the cap too: the edges of walks among the actors that made it in, edges to the rest dropped.
            var depths = subgraph.Nodes.ToDictionary(n => n.Actor.Id, n => n.Depth);
            Assert.Equal(reference.NeighbourhoodEdges(depths, RelationshipFilter.All, depth).Order(StringComparer.Ordinal), subgraph.Edges.Select(e => e.Id).Order(StringComparer.Ordinal));
            Assert.Equal(subgraph.Edges.Count, subgraph.Edges.Select(e => e.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_hub_neighbourhood_follows_at_most_the_per_actor_and_total_edge_caps_and_counts_the_rest_by_type()
    {
        var store = Store;
        var document = Document("hub", 80);
        var hub = State("hub");
        var spokes = Enumerable.Range(0, 30).Select(i => State($"spoke-{i:D2}")).ToList();
        var (first, second) = (RandomGraph.StateToState[0], RandomGraph.StateToState[1]);
        // 20 edges of one type and 10 of another, each to its own spoke, plus one spoke-to-spoke edge at depth 2.
        var edges = spokes.Select((spoke, i) => Edge(i < 20 ? first : second, hub, spoke, Quote(document, i))).ToList();
        var outer = State("outer");
        edges.Add(Edge(first, spokes[0], outer, Quote(document, 40)));
        await store.ImportAsync(Snapshot([hub, outer, .. spokes], [document], edges), null, Ct);

        var all = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(hub.Id, 1).Validated(), Ct);
        Assert.Equal(30, all.Edges.Count);
        Assert.False(all.Truncated);
        Assert.Empty(all.Omitted);

        var perActor = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(hub.Id, 1) { EdgesPerActor = 12 }.Validated(), Ct);
        Assert.Equal(12, perActor.Edges.Count);
        Assert.Equal(13, perActor.Nodes.Count);
        Assert.True(perActor.Truncated);
        Assert.Equal(18, perActor.Omitted.Sum(o => o.Count));
        Assert.Equal(
            [.. perActor.Omitted.Select(o => o.Type)],
            perActor.Omitted.Select(o => o.Type).Distinct().Order().ToArray());
        // What was taken plus what was counted is every edge of the hub, type by type.
        foreach (var type in new[] { first, second })
        {
            Assert.Equal(
                edges.Count(e => e.Type == type && e.From == hub.Id),
                perActor.Edges.Count(e => e.Type == type) + perActor.Omitted.Where(o => o.Type == type).Sum(o => o.Count));
        }

        // The total cap ends the walk: five edges, their ends, and the answer says it was cut.
        var total = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(hub.Id, 2) { EdgeLimit = 5 }.Validated(), Ct);
        Assert.Equal(5, total.Edges.Count);
        Assert.Equal(6, total.Nodes.Count);
        Assert.True(total.Truncated);
        var nodes = total.Nodes.Select(n => n.Actor.Id).ToHashSet();
        Assert.All(total.Edges, e => Assert.True(nodes.Contains(e.From) && nodes.Contains(e.To)));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task At_one_hop_the_edges_taken_and_the_edges_counted_as_left_out_by_the_node_and_per_actor_caps_are_all_the_edges_of_the_centre(int seed)
    {
        var (store, snapshot, reference) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var actors = snapshot.Actors.Select(a => a.Id).ToList();
        for (var query = 0; query < 30; query++)
        {
            var center = actors[random.Next(actors.Count)];
            var filter = RandomGraph.Filter(random);
            var uncapped = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(center, 1, filter).Validated(), Ct);
            var request = new NeighbourhoodRequest(center, 1, filter, 1 + random.Next(6)) { EdgesPerActor = 1 + random.Next(6) };
            var capped = await store.GetNeighbourhoodAsync(request.Validated(), Ct);

            Assert.True(capped.Edges.Count <= request.EdgesPerActor);
            Assert.True(capped.Nodes.Count <= request.NodeLimit);
            Assert.Equal(uncapped.Edges.Count, capped.Edges.Count + capped.Omitted.Sum(o => o.Count));
            Assert.Equal(capped.Omitted.Count > 0, capped.Truncated);
            Assert.All(capped.Omitted, o => Assert.Equal(uncapped.Edges.Count(e => e.Type == o.Type) - capped.Edges.Count(e => e.Type == o.Type), o.Count));
            Assert.True(capped.Edges.Select(e => e.Id).ToHashSet().IsSubsetOf(uncapped.Edges.Select(e => e.Id)));
        }
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    public async Task Importing_a_generated_graph_twice_changes_nothing(int seed)
    {
        var graph = RandomGraph.Build(seed, GeneratedActors, GeneratedEdges);
        var store = Store;
        await store.ImportAsync(graph, null, Ct);
        var before = await store.ExportAsync(Ct);
        var again = await store.ImportAsync(graph, null, Ct);

        Assert.Equal(new UpsertResult(0, 0, graph.Actors.Count + graph.Documents.Count + graph.Relationships.Count), again);
        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
        SnapshotAssert.Equal(graph, before);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public async Task Merging_generated_actors_loses_no_evidence(int seed)
    {
        var (store, snapshot, _) = await GeneratedAsync(seed);
        var random = new Random(seed);
        var before = SnapshotAssert.EvidenceKeys(snapshot);
        var merges = 0;
        for (var attempt = 0; attempt < 20 && merges < 5; attempt++)
        {
            var current = await store.ExportAsync(Ct);
            var keep = current.Actors[random.Next(current.Actors.Count)].Id;
            var remove = current.Actors[random.Next(current.Actors.Count)].Id;
            if (keep == remove)
            {
                continue;
            }

            var linked = current.Relationships.Any(r => (r.From == keep && r.To == remove) || (r.From == remove && r.To == keep));
            MergeResult result;
            try
            {
                result = await store.MergeActorsAsync(keep, remove, Ct);
                Assert.False(linked, $"Merging linked actors {keep} and {remove} must be refused.");
            }
            catch (Core.Errors.RuleViolationException refused)
            {
                // Linked actors would make a self-edge; two edges merging into one may give an inverted validity range.
                Assert.True(linked || refused.Rule == "valid-range", refused.Message);
                SnapshotAssert.Equal(current, await store.ExportAsync(Ct));
                continue;
            }

            merges++;
            var after = await store.ExportAsync(Ct);
            Assert.Equal(before, SnapshotAssert.EvidenceKeys(after));
            Assert.Equal(current.Relationships.Count(r => r.From == remove || r.To == remove), result.RelationshipsMoved);
            Assert.DoesNotContain(after.Actors, a => a.Id == remove);
            Assert.DoesNotContain(after.Relationships, r => r.From == remove || r.To == remove);
        }

        Assert.True(merges > 0);
    }

    [Fact]
    public async Task Shortest_path_prefers_fewer_hops_over_higher_confidence()
    {
        var store = Store;
        var doc = Document("hops");
        var (a, b, c, d) = (State("a"), State("b"), State("c"), State("d"));
        await store.ImportAsync(
            Snapshot([a, b, c, d], [doc],
            [
                Edge(RelationshipType.Supports, a, d, Quote(doc, 1, confidence: 0.4)),
                Edge(RelationshipType.Supports, a, b, Quote(doc, 2)),
                Edge(RelationshipType.Supports, b, c, Quote(doc, 3)),
                Edge(RelationshipType.Supports, c, d, Quote(doc, 4)),
            ]),
            null,
            Ct);

        var shortest = await store.FindPathsAsync(new PathRequest(a.Id, d.Id), Ct);
        Assert.Equal(1, Assert.Single(shortest.Paths).Length);

        var confident = await store.FindPathsAsync(new PathRequest(a.Id, d.Id, Filter: new RelationshipFilter { MinConfidence = 0.5 }), Ct);
        Assert.Equal([a.Id, b.Id, c.Id, d.Id], Assert.Single(confident.Paths).Actors.Select(x => x.Id));

        var tooShort = await store.FindPathsAsync(new PathRequest(a.Id, d.Id, MaxDepth: 2, Filter: new RelationshipFilter { MinConfidence = 0.5 }), Ct);
        Assert.Empty(tooShort.Paths);
        Assert.False(tooShort.Truncated);
    }

    [Fact]
    public async Task Paths_follow_direction_when_asked_and_symmetric_edges_both_ways()
    {
        var store = Store;
        var doc = Document("direction");
        var (a, b, c) = (State("a"), State("b"), State("c"));
        await store.ImportAsync(
            Snapshot([a, b, c], [doc], [Edge(RelationshipType.Supports, b, a, Quote(doc, 1)), Edge(RelationshipType.AlliedWith, c, b, Quote(doc, 2))]),
            null,
            Ct);

        var outgoing = new RelationshipFilter { Direction = Direction.Outgoing };
        Assert.Empty((await store.FindPathsAsync(new PathRequest(a.Id, c.Id, Filter: outgoing), Ct)).Paths);
        var path = Assert.Single((await store.FindPathsAsync(new PathRequest(c.Id, a.Id, Filter: outgoing), Ct)).Paths);
        Assert.Equal([c.Id, b.Id, a.Id], path.Actors.Select(x => x.Id));
        Assert.False(path.Steps[0].Forward); // ALLIED_WITH is stored b -> c (canonical order), walked c -> b
        Assert.True(path.Steps[1].Forward);
        var incoming = new RelationshipFilter { Direction = Direction.Incoming };
        Assert.Single((await store.FindPathsAsync(new PathRequest(a.Id, c.Id, Filter: incoming), Ct)).Paths);
    }

    private static string Signature(GraphPath path) => string.Join(" | ", path.Steps.Select(s => s.Edge.Id));

    /// <summary>A path is valid when it starts and ends where asked, repeats no actor, fits the depth and walks only edges the filter allows.</summary>
    private static void PathIsValid(GraphPath path, ActorId from, ActorId to, int maxDepth, RelationshipFilter filter)
    {
        Assert.Equal(path.Hops.Count + 1, path.Actors.Count);
        Assert.Equal(from, path.Actors[0].Id);
        Assert.Equal(to, path.Actors[^1].Id);
        Assert.InRange(path.Length, 1, maxDepth);
        Assert.Equal(path.Actors.Count, path.Actors.Select(a => a.Id).Distinct().Count());
        for (var i = 0; i < path.Hops.Count; i++)
        {
            var (here, next) = (path.Actors[i].Id, path.Actors[i + 1].Id);
            foreach (var step in path.Hops[i])
            {
                Assert.True(filter.Matches(step.Edge), $"{step.Edge.Id} does not pass the filter");
                Assert.True(filter.AllowsDirection(step.Edge, here), $"{step.Edge.Id} cannot be walked from {here}");
                Assert.Equal(step.Forward ? (here, next) : (next, here), (step.Edge.From, step.Edge.To));
            }
        }
    }
}
