using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Embedded.Traversal;

/// <summary>
/// Breadth-first search from a centre up to a depth, stopping additions at the node cap. Edges are collected while
/// expanding, so no found actor's adjacency is read twice: an edge belongs to the neighbourhood when it passes the
/// filter, may be walked from an end at depth below the limit, and its other end is among the returned actors. Edges
/// between two actors at the last depth, and edges to actors the cap kept out, are not included. An actor's edges past
/// the per-actor cap (and past the node cap) are only counted: a hub costs one scan of its adjacency, not an answer
/// with all of it. Reaching the total edge cap ends the walk: nothing more could join.
/// </summary>
internal static class NeighbourhoodSearch
{
    public static Subgraph Run(GraphIndex index, int center, int depth, in EdgeFilter filter, int nodeLimit, int edgesPerActor, int edgeLimit)
    {
        var scratch = TraversalScratch.Rent(index.ActorSlots);
        try
        {
            var seen = scratch.SeenA;
            var dist = scratch.DistA;
            var position = scratch.ParentA;
            var queue = scratch.QueueA;
            var found = scratch.Edges;
            var foundCount = 0;
            var stamp = scratch.Stamp;
            var edges = index.Edges;
            var all = filter.AllowsAll;

            int head = 0, tail = 0;
            queue[tail] = center;
            position[center] = tail++;
            seen[center] = stamp;
            dist[center] = 0;
            var truncated = false;
            int[]? omitted = null; // per relationship type: a hub's neighbours may be hubs, so counting costs an array store per edge
            while (head < tail)
            {
                var at = head;
                var u = queue[head++];
                var d = dist[u];
                if (d == depth)
                {
                    break; // breadth-first: every node still queued is at the last depth too
                }

                var adjacent = index.EdgesOf(u);
                var others = index.Neighbours[u];
                var followed = 0;
                for (var k = 0; k < adjacent.Length; k++)
                {
                    var e = adjacent[k];
                    if (!all && (!filter.WalksFrom(edges[e], u) || !filter.Passes(edges[e], index, e)))
                    {
                        continue;
                    }

                    var v = others[k].Actor;
                    if (seen[v] == stamp)
                    {
                        // Taken (or passed over) already when v was expanded (before u) if it could be walked from v.
                        if (position[v] < at && (all || filter.WalksFrom(edges[e], v)))
                        {
                            continue;
                        }
                    }

                    if (foundCount == edgeLimit)
                    {
                        // Nothing more can join: stop the walk (a hub's remaining adjacency is not scanned just to count it).
                        truncated = true;
                        goto done;
                    }

                    if (followed == edgesPerActor || (seen[v] != stamp && tail == nodeLimit))
                    {
                        // v (if new) stays out, and so does this edge; found actors are still expanded for theirs. The
                        // edge is counted once: met again from v, it is skipped above like a taken one.
                        truncated = true;
                        omitted ??= new int[RelationshipTypes.Count];
                        omitted[(int)others[k].Type]++;
                        continue;
                    }

                    followed++;
                    if (seen[v] != stamp)
                    {
                        seen[v] = stamp;
                        dist[v] = d + 1;
                        queue[tail] = v;
                        position[v] = tail++;
                    }

                    if (foundCount == found.Length)
                    {
                        Array.Resize(ref scratch.Edges, Math.Max(64, found.Length * 2));
                        found = scratch.Edges;
                    }

                    found[foundCount++] = e;
                }
            }

        done:
            var nodes = new SubgraphNode[tail];
            for (var i = 0; i < tail; i++)
            {
                nodes[i] = new SubgraphNode(index.Actors[queue[i]]!, dist[queue[i]]);
            }

            var records = new Relationship[foundCount];
            for (var i = 0; i < foundCount; i++)
            {
                records[i] = index.Record(found[i]);
            }

            return new Subgraph(nodes, records, truncated) { Omitted = Omitted(omitted) };
        }
        finally
        {
            TraversalScratch.Return(scratch);
        }
    }

    /// <summary>The counts left out, in the order of the relationship types.</summary>
    private static OmittedEdges[] Omitted(int[]? counts)
    {
        if (counts is null)
        {
            return [];
        }

        var list = new List<OmittedEdges>();
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] > 0)
            {
                list.Add(new OmittedEdges((RelationshipType)t, counts[t]));
            }
        }

        return [.. list];
    }

    private static class RelationshipTypes
    {
        public static readonly int Count = Enum.GetValues<RelationshipType>().Max(t => (int)t) + 1;
    }
}
