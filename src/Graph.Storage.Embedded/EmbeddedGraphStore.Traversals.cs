using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;
using Graph.Storage.Embedded.Traversal;

namespace Graph.Storage.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Nodes come in breadth-first order (by depth). Edges are those of the walks the search makes: see
    /// <see cref="NeighbourhoodSearch"/>.
    /// </remarks>
    public Task<Subgraph> GetNeighbourhoodAsync(NeighbourhoodRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validated();
        var filter = new EdgeFilter(request.EffectiveFilter);
        return Task.FromResult(Read(index =>
        {
            var center = RequireActor(index, request.Center, "center");
            return NeighbourhoodSearch.Run(index, center, request.Depth, filter, request.NodeLimit, request.EdgesPerActor, request.EdgeLimit);
        }));
    }

    /// <inheritdoc />
    public Task<PathResult> FindPathsAsync(PathRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validated();
        var filter = new EdgeFilter(request.EffectiveFilter);
        return Task.FromResult(Read(index =>
        {
            var from = RequireActor(index, request.From, "from");
            var to = RequireActor(index, request.To, "to");
            if (request.Mode == PathMode.AllShortest)
            {
                // Sequences of actors, each hop with its parallel edges grouped.
                var grouped = PathSearch.AllShortest(index, from, to, request.MaxDepth, filter, request.Limit + 1);
                var sequences = new List<GraphPath>(Math.Min(grouped.Count, request.Limit));
                foreach (var hops in grouped.Take(request.Limit))
                {
                    sequences.Add(Materialize(index, from, hops));
                }

                return new PathResult(sequences, grouped.Count > request.Limit);
            }

            List<int[]> found = request.Mode == PathMode.Shortest
                ? PathSearch.Shortest(index, from, to, request.MaxDepth, filter) is { } path ? [path] : []
                : PathSearch.AllSimple(index, from, to, request.MaxDepth, filter, request.Limit + 1);
            var truncated = found.Count > request.Limit;
            var paths = new List<GraphPath>(Math.Min(found.Count, request.Limit));
            foreach (var edges in found.Take(request.Limit))
            {
                paths.Add(Materialize(index, from, edges));
            }

            return new PathResult(paths, truncated);
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CommonNeighbour>> GetCommonNeighboursAsync(ActorId first, ActorId second, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        var compiled = Compile(filter);
        return Task.FromResult<IReadOnlyList<CommonNeighbour>>(Read(index =>
        {
            var a = RequireActor(index, first, "first");
            var b = RequireActor(index, second, "second");
            var viaFirst = Links(index, a, compiled);
            var viaSecond = Links(index, b, compiled);
            var common = new List<CommonNeighbour>();
            foreach (var (actor, edges) in viaFirst)
            {
                if (actor != a && actor != b && viaSecond.TryGetValue(actor, out var other))
                {
                    var neighbour = index.Actors[actor]!;
                    common.Add(new CommonNeighbour(neighbour, Sorted(edges, first), Sorted(other, second)));
                }
            }

            common.Sort((x, y) => x.Actor.Id.CompareTo(y.Actor.Id));
            return common;
        }));
    }

    /// <inheritdoc />
    /// <remarks>The window works as in <see cref="RelationshipFilter"/>: an edge counts when its validity overlaps it.</remarks>
    public Task<IReadOnlyList<Relationship>> GetTimelineAsync(ActorId actor, PartialDate? from, PartialDate? to, CancellationToken cancellationToken = default)
    {
        var compiled = Compile(new RelationshipFilter { From = from, To = to });
        return Task.FromResult<IReadOnlyList<Relationship>>(Read(index =>
        {
            var seq = RequireActor(index, actor, "actor");
            var found = new List<Relationship>();
            foreach (var e in index.EdgesOf(seq))
            {
                ref readonly var edge = ref index.Edges[e];
                if (edge.Dated && compiled.Passes(edge, index, e))
                {
                    found.Add(index.Record(e));
                }
            }

            found.Sort((x, y) =>
            {
                var byDate = x.Date!.Value.CompareTo(y.Date!.Value);
                if (byDate != 0)
                {
                    return byDate;
                }

                var byType = x.Type.CompareTo(y.Type);
                if (byType != 0)
                {
                    return byType;
                }

                var byOther = x.Other(actor).CompareTo(y.Other(actor));
                return byOther != 0 ? byOther : string.CompareOrdinal(x.Key.Qualifier, y.Key.Qualifier);
            });
            return found;
        }));
    }

    /// <inheritdoc />
    /// <remarks>Ordered by relationship id, then quantity (count before amount).</remarks>
    public Task<IReadOnlyList<QuantityConflict>> GetConflictsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QuantityConflict>>(Read(index =>
        {
            var conflicts = new List<QuantityConflict>();
            for (var seq = 1; seq < index.EdgeSlots; seq++)
            {
                if (index.IsEdge(seq) && index.Edges[seq].EvidenceCount > 1)
                {
                    conflicts.AddRange(QuantityConflicts.Find(index.Record(seq)));
                }
            }

            conflicts.Sort((x, y) =>
            {
                var byEdge = string.CompareOrdinal(x.Relationship.Id, y.Relationship.Id);
                return byEdge != 0 ? byEdge : string.CompareOrdinal(x.Quantity, y.Quantity);
            });
            return conflicts;
        }));

    /// <inheritdoc />
    /// <remarks>Top lists the ten highest degrees, ties by id.</remarks>
    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index =>
        {
            // Counted per kind first and named at the end: naming each actor's kind boxed it (200,000 objects at 1M).
            var kinds = new Dictionary<NodeKind, int>();
            var degrees = new List<(ActorId Actor, int Degree)>(index.ActorCount);
            for (var seq = 1; seq < index.ActorSlots; seq++)
            {
                if (index.Actors[seq] is not { } actor)
                {
                    continue;
                }

                kinds[actor.Kind] = kinds.GetValueOrDefault(actor.Kind) + 1;
                degrees.Add((actor.Id, index.AdjacencyCount[seq]));
            }

            var byKind = kinds.ToDictionary(k => k.Key.ToString(), k => k.Value, StringComparer.Ordinal);

            var byType = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var seq = 1; seq < index.EdgeSlots; seq++)
            {
                if (index.IsEdge(seq))
                {
                    var name = GraphOntology.RuleFor(index.Edges[seq].Type).Name;
                    byType[name] = byType.GetValueOrDefault(name) + 1;
                }
            }

            return new GraphStats(index.ActorCount, index.EdgeCount, index.EvidenceCount, index.DocumentCount, byKind, byType, DegreeStats.Of(degrees));
        }));

    /// <inheritdoc />
    /// <remarks>Actors, documents and relationships each ordered by id (ordinal).</remarks>
    public Task<GraphSnapshot> ExportAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(index =>
        {
            var actors = index.Actors.Where(a => a is not null).Select(a => a!).OrderBy(a => a.Id.Value, StringComparer.Ordinal).ToList();
            var documents = index.AllDocuments().OrderBy(d => d.Id.Value, StringComparer.Ordinal).ToList();
            var edges = Enumerable.Range(1, index.EdgeSlots - 1).Where(index.IsEdge).Select(index.Record).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            return new GraphSnapshot(actors, documents, edges);
        }));

    private static GraphPath Materialize(GraphIndex index, int from, int[] edges)
    {
        var actors = new Actor[edges.Length + 1];
        var steps = new PathStep[edges.Length];
        var at = from;
        actors[0] = index.Actors[from]!;
        for (var i = 0; i < edges.Length; i++)
        {
            ref readonly var edge = ref index.Edges[edges[i]];
            steps[i] = new PathStep(index.Record(edges[i]), edge.From == at);
            at = edge.Other(at);
            actors[i + 1] = index.Actors[at]!;
        }

        return new GraphPath(actors, steps);
    }

    /// <summary>A path from its hops: the actors in order, and a step for each edge of each hop (parallel edges by id).</summary>
    private static GraphPath Materialize(GraphIndex index, int from, int[][] hops)
    {
        var actors = new Actor[hops.Length + 1];
        var steps = new List<PathStep>(hops.Length);
        var at = from;
        actors[0] = index.Actors[from]!;
        for (var i = 0; i < hops.Length; i++)
        {
            var hop = hops[i];
            foreach (var record in hop.Select(index.Record).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                steps.Add(new PathStep(record, record.From == actors[i].Id));
            }

            at = index.Edges[hop[0]].Other(at);
            actors[i + 1] = index.Actors[at]!;
        }

        return new GraphPath(actors, steps);
    }

    /// <summary>The actors one filtered hop away, each with the edges that reach it.</summary>
    private static Dictionary<int, List<Relationship>> Links(GraphIndex index, int actor, in EdgeFilter filter)
    {
        var links = new Dictionary<int, List<Relationship>>();
        foreach (var e in index.EdgesOf(actor))
        {
            ref readonly var edge = ref index.Edges[e];
            if (filter.WalksFrom(edge, actor) && filter.Passes(edge, index, e))
            {
                var other = edge.Other(actor);
                if (!links.TryGetValue(other, out var list))
                {
                    links[other] = list = [];
                }

                list.Add(index.Record(e));
            }
        }

        return links;
    }

    private static IReadOnlyList<Relationship> Sorted(List<Relationship> edges, ActorId seenFrom)
    {
        edges.Sort((x, y) => CompareForListing(x, y, seenFrom));
        return edges;
    }
}
