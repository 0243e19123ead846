using System.Text.Json;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Neo4j.Store;

/// <summary>Traversals: breadth-first expansion, paths, common neighbours, timelines, conflicts and statistics.</summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Breadth-first, one Cypher hop per level from the whole frontier; actors join in id order within a level until
    /// the node cap, so the same graph always gives the same subgraph. The per-actor and total edge caps are applied
    /// to the rows in that order; edges left out are counted once each, by type.
    /// </summary>
    public async Task<Subgraph> GetNeighbourhoodAsync(NeighbourhoodRequest request, CancellationToken cancellationToken = default)
    {
        request.Validated();
        await RequireActorsAsync([request.Center], cancellationToken).ConfigureAwait(false);

        var depthOf = new Dictionary<ActorId, int> { [request.Center] = 0 };
        var order = new List<ActorId> { request.Center };
        var edgeIds = new SortedSet<string>(StringComparer.Ordinal);
        var frontier = new List<ActorId> { request.Center };
        var truncated = false;
        var followed = new Dictionary<string, int>(StringComparer.Ordinal);
        var passedOver = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var depth = 1; depth <= request.Depth && frontier.Count > 0; depth++)
        {
            var result = await ReadAsync(CypherQueries.ExpandFrontier(frontier, request.EffectiveFilter), cancellationToken).ConfigureAwait(false);
            var next = new List<ActorId>();
            foreach (var record in result.Records)
            {
                var edgeId = record["edgeId"].GetString()!;
                if (edgeIds.Contains(edgeId))
                {
                    continue; // walked from its other end already
                }

                if (edgeIds.Count >= request.EdgeLimit)
                {
                    truncated = true; // nothing more can join: the walk ends here
                    break;
                }

                var anchor = record["anchor"].GetString()!;
                var other = ActorId.Parse(record["other"].GetString()!);
                var isNew = !depthOf.ContainsKey(other);
                if (followed.GetValueOrDefault(anchor) >= request.EdgesPerActor || (isNew && order.Count >= request.NodeLimit))
                {
                    truncated = true;
                    passedOver[edgeId] = record["type"].GetString()!;
                    continue;
                }

                followed[anchor] = followed.GetValueOrDefault(anchor) + 1;
                if (isNew)
                {
                    depthOf[other] = depth;
                    order.Add(other);
                    next.Add(other);
                }

                edgeIds.Add(edgeId);
            }

            frontier = edgeIds.Count >= request.EdgeLimit ? [] : next;
        }

        var omitted = passedOver
            .Where(p => !edgeIds.Contains(p.Key))
            .GroupBy(p => GraphOntology.ParseType(p.Value))
            .OrderBy(g => g.Key)
            .Select(g => new OmittedEdges(g.Key, g.Count()))
            .ToList();

        var actors = await GetActorsAsync(order, cancellationToken).ConfigureAwait(false);
        var edges = await ReadEdgesAsync(edgeIds.Select(RelationshipKey.ParseId).ToList(), cancellationToken).ConfigureAwait(false);
        return new Subgraph(
            order.Where(actors.ContainsKey).Select(id => new SubgraphNode(actors[id], depthOf[id])).ToList(),
            edgeIds.Where(edges.ContainsKey).Select(id => edges[id]).Where(e => depthOf.ContainsKey(e.From) && depthOf.ContainsKey(e.To)).ToList(),
            truncated)
        { Omitted = omitted };
    }

    /// <inheritdoc />
    public async Task<PathResult> FindPathsAsync(PathRequest request, CancellationToken cancellationToken = default)
    {
        request.Validated();
        if (request.From == request.To)
        {
            throw new InvalidArgumentException("to", $"A path needs two different actors; both ends are '{request.From}'.");
        }

        await RequireActorsAsync([request.From, request.To], cancellationToken).ConfigureAwait(false);

        var rows = new List<(List<ActorId> Actors, List<IReadOnlyList<string>> Hops)>();
        if (request.Mode == PathMode.AllSimple)
        {
            // Shortest first, one length at a time, until one more than the limit shows the answer is cut.
            for (var length = 1; length <= request.MaxDepth && rows.Count <= request.Limit; length++)
            {
                var found = PathRows(await ReadAsync(CypherQueries.FindSimplePaths(request, length, request.Limit + 1 - rows.Count), cancellationToken).ConfigureAwait(false), grouped: false);
                rows.AddRange(found
                    .OrderBy(r => string.Join('\n', r.Actors.Select(a => a.Value)), StringComparer.Ordinal)
                    .ThenBy(r => string.Join('\n', r.Hops.SelectMany(h => h)), StringComparer.Ordinal));
            }
        }
        else
        {
            var statement = CypherQueries.FindShortestPaths(request, await QuantifiedPathsAsync(cancellationToken).ConfigureAwait(false));
            rows = PathRows(await ReadAsync(statement, cancellationToken).ConfigureAwait(false), grouped: request.Mode == PathMode.AllShortest);
        }

        var truncated = request.Mode != PathMode.Shortest && rows.Count > request.Limit;
        rows = rows.Take(request.Mode == PathMode.Shortest ? 1 : request.Limit).ToList();

        var actors = await GetActorsAsync(rows.SelectMany(r => r.Actors).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var edges = await ReadEdgesAsync(rows.SelectMany(r => r.Hops.SelectMany(h => h)).Distinct().Select(RelationshipKey.ParseId).ToList(), cancellationToken).ConfigureAwait(false);
        var paths = rows.Select(r => new GraphPath(
            r.Actors.Select(id => actors[id]).ToList(),
            r.Hops.SelectMany((hop, i) => hop.Select(id => new PathStep(edges[id], edges[id].From == r.Actors[i]))).ToList())).ToList();
        return new PathResult(paths, truncated);
    }

    /// <summary>The edges of each hop of a sequence of actors, from the edge sequences that walk it: distinct, by id.</summary>
    private static List<IReadOnlyList<string>> HopsOf(JsonElement sequences)
    {
        var hops = new List<SortedSet<string>>();
        foreach (var sequence in sequences.EnumerateArray())
        {
            var i = 0;
            foreach (var id in sequence.EnumerateArray())
            {
                if (hops.Count == i)
                {
                    hops.Add(new SortedSet<string>(StringComparer.Ordinal));
                }

                hops[i++].Add(id.GetString()!);
            }
        }

        return hops.ConvertAll(h => (IReadOnlyList<string>)[.. h]);
    }

    // One row per path: its actors and, per hop, the edges that walk it (one each, or grouped parallel edges).
    private static List<(List<ActorId> Actors, List<IReadOnlyList<string>> Hops)> PathRows(Http.CypherResult result, bool grouped) =>
        result.Records
            .Select(r => (Actors: r["actorIds"].EnumerateArray().Select(x => ActorId.Parse(x.GetString()!)).ToList(),
                          Hops: grouped ? HopsOf(r["edgeIdSequences"]) : r["edgeIds"].EnumerateArray().Select(x => (IReadOnlyList<string>)[x.GetString()!]).ToList()))
            .ToList();

    // Quantified path patterns with SHORTEST came in Neo4j 5.21; calendar versions (2025.01 on) have them too.
    private async Task<bool> QuantifiedPathsAsync(CancellationToken cancellationToken)
    {
        await _connection.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        return SupportsQuantifiedPaths(_connection.ServerVersion);
    }

    /// <summary>True for a Neo4j version that runs <c>ALL SHORTEST</c> over a quantified path pattern (5.21 or later).</summary>
    public static bool SupportsQuantifiedPaths(string? version) => AtLeast(version, 5, 21);

    /// <summary>
    /// True for a Neo4j version that takes a variable scope clause on a CALL subquery (<c>CALL () { ... }</c>, 5.23 or
    /// later), which deprecates the bare <c>CALL { ... }</c> that older servers (4.4 too) need.
    /// </summary>
    public static bool SupportsScopedSubqueries(string? version) => AtLeast(version, 5, 23);

    private static bool AtLeast(string? version, int major, int minor)
    {
        var parts = (version ?? "").Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], out var actualMajor) && int.TryParse(parts[1], out var actualMinor)
            && (actualMajor > major || (actualMajor == major && actualMinor >= minor));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CommonNeighbour>> GetCommonNeighboursAsync(ActorId first, ActorId second, RelationshipFilter filter, CancellationToken cancellationToken = default)
    {
        filter = (filter ?? RelationshipFilter.All).Validated();
        await RequireActorsAsync([first, second], cancellationToken).ConfigureAwait(false);
        var result = await ReadAsync(CypherQueries.CommonNeighbours(first, second, filter), cancellationToken).ConfigureAwait(false);
        var rows = result.Records
            .Select(r => (Actor: ActorId.Parse(r["neighbour"].GetString()!),
                          First: r["viaFirst"].EnumerateArray().Select(x => x.GetString()!).ToList(),
                          Second: r["viaSecond"].EnumerateArray().Select(x => x.GetString()!).ToList()))
            .ToList();
        var actors = await GetActorsAsync(rows.Select(r => r.Actor).ToList(), cancellationToken).ConfigureAwait(false);
        var edges = await ReadEdgesAsync(rows.SelectMany(r => r.First.Concat(r.Second)).Distinct().Select(RelationshipKey.ParseId).ToList(), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new CommonNeighbour(
                actors[r.Actor],
                OrderFor(first, r.First.Select(id => edges[id])),
                OrderFor(second, r.Second.Select(id => edges[id]))))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Relationship>> GetTimelineAsync(ActorId actor, PartialDate? from, PartialDate? to, CancellationToken cancellationToken = default)
    {
        new RelationshipFilter { From = from, To = to }.Validated();
        await RequireActorsAsync([actor], cancellationToken).ConfigureAwait(false);
        var edges = Edges(await ReadAsync(CypherQueries.Timeline(actor, from, to), cancellationToken).ConfigureAwait(false));
        return edges.OrderBy(e => e.Date)
            .ThenBy(e => e.Type)
            .ThenBy(e => e.Other(actor))
            .ThenBy(e => e.Key.Qualifier, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuantityConflict>> GetConflictsAsync(CancellationToken cancellationToken = default)
    {
        var edges = Edges(await ReadAsync(CypherQueries.CorroboratedEdges(), cancellationToken).ConfigureAwait(false));
        return edges.OrderBy(e => e.Id, StringComparer.Ordinal).SelectMany(QuantityConflicts.Find).ToList();
    }

    /// <inheritdoc />
    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var degrees = (await ReadAsync(CypherQueries.Degrees(), cancellationToken).ConfigureAwait(false)).Records
            .Select(r => (Id: ActorId.Parse(r["id"].GetString()!), Kind: r["kind"].GetString() ?? "", Degree: (int)Long(r["degree"])))
            .ToList();
        var byType = (await ReadAsync(CypherQueries.EdgeCounts(), cancellationToken).ConfigureAwait(false)).Records
            .ToDictionary(r => r["type"].GetString()!, r => (int)Long(r["edges"]), StringComparer.Ordinal);
        await _connection.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var countsStatement = CypherQueries.EvidenceAndDocumentCounts(SupportsScopedSubqueries(_connection.ServerVersion));
        var counts = (await ReadAsync(countsStatement, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

        return new GraphStats(
            degrees.Count,
            byType.Values.Sum(),
            counts is { } c ? (int)Long(c["evidence"]) : 0,
            counts is { } d2 ? (int)Long(d2["documents"]) : 0,
            degrees.GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            byType,
            DegreeStats.Of(degrees.Select(d => (d.Id, d.Degree))));
    }
}
