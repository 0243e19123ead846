using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

/// <summary>
/// The answers worked out the slow, obvious way over an exported snapshot, using only Core's own filter semantics
/// (<see cref="RelationshipFilter.Matches"/>, <see cref="RelationshipFilter.AllowsDirection"/>): the oracle for property checks.
/// </summary>
internal sealed class ReferenceGraph(GraphSnapshot snapshot)
{
    private readonly ILookup<ActorId, Relationship> _touching = snapshot.Relationships
        .SelectMany(r => new[] { (r.From, r), (r.To, r) })
        .ToLookup(p => p.Item1, p => p.r);

    public IEnumerable<ActorId> Actors => snapshot.Actors.Select(a => a.Id);

    /// <summary>Edges walkable from an actor under the filter, with the actor each leads to.</summary>
    public IEnumerable<(Relationship Edge, ActorId Next)> Walk(ActorId from, RelationshipFilter filter) =>
        _touching[from].Where(e => filter.Matches(e) && filter.AllowsDirection(e, from)).Select(e => (e, e.Other(from)));

    /// <summary>Hop counts from a start, up to a depth.</summary>
    public Dictionary<ActorId, int> Distances(ActorId start, RelationshipFilter filter, int maxDepth)
    {
        var distances = new Dictionary<ActorId, int> { [start] = 0 };
        var frontier = new List<ActorId> { start };
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<ActorId>();
            foreach (var actor in frontier)
            {
                foreach (var (_, other) in Walk(actor, filter))
                {
                    if (distances.TryAdd(other, depth))
                    {
                        next.Add(other);
                    }
                }
            }

            frontier = next;
        }

        return distances;
    }

    /// <summary>How many sequences of actors of fewest hops join the two (parallel edges do not count apart).</summary>
    public long CountShortestPaths(ActorId start, ActorId end, RelationshipFilter filter, int maxDepth)
    {
        var distances = Distances(start, filter, maxDepth);
        if (!distances.TryGetValue(end, out var length))
        {
            return 0;
        }

        var ways = new Dictionary<ActorId, long> { [start] = 1 };
        for (var depth = 0; depth < length; depth++)
        {
            foreach (var actor in distances.Where(d => d.Value == depth).Select(d => d.Key))
            {
                foreach (var other in Walk(actor, filter).Select(w => w.Next).Distinct())
                {
                    if (distances.TryGetValue(other, out var d) && d == depth + 1)
                    {
                        ways[other] = ways.GetValueOrDefault(other) + ways.GetValueOrDefault(actor);
                    }
                }
            }
        }

        return ways.GetValueOrDefault(end);
    }

    /// <summary>Every simple path (no repeated actor) up to the depth, as edge id sequences.</summary>
    public List<string> SimplePaths(ActorId start, ActorId end, RelationshipFilter filter, int maxDepth)
    {
        var found = new List<string>();
        var path = new List<string>();
        var visited = new HashSet<ActorId> { start };
        void Go(ActorId at)
        {
            if (at == end)
            {
                found.Add(string.Join(" | ", path));
                return;
            }

            if (path.Count == maxDepth)
            {
                return;
            }

            foreach (var (edge, next) in Walk(at, filter))
            {
                if (visited.Add(next))
                {
                    path.Add(edge.Id);
                    Go(next);
                    path.RemoveAt(path.Count - 1);
                    visited.Remove(next);
                }
            }
        }

        Go(start);
        return found;
    }

    /// <summary>
    /// A neighbourhood's edges given its actors and their depths: those lying on walks of at most
    /// <paramref name="maxDepth"/> hops from the centre, i.e. passing the filter, walkable from an end at depth below
    /// <paramref name="maxDepth"/>, with both ends among the actors.
    /// </summary>
    public HashSet<string> NeighbourhoodEdges(IReadOnlyDictionary<ActorId, int> depths, RelationshipFilter filter, int maxDepth)
    {
        bool WalkedFrom(Relationship r, ActorId end) =>
            depths.TryGetValue(end, out var depth) && depth < maxDepth && filter.AllowsDirection(r, end);

        return snapshot.Relationships
            .Where(r => depths.ContainsKey(r.From) && depths.ContainsKey(r.To) && filter.Matches(r) && (WalkedFrom(r, r.From) || WalkedFrom(r, r.To)))
            .Select(r => r.Id)
            .ToHashSet();
    }
}
