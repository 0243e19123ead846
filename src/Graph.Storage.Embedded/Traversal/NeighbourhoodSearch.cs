using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Embedded.Traversal;

/// <summary>The nodes and edges found by a breadth-first search, as dense ids, before they are materialized.</summary>
internal readonly record struct NeighbourhoodHits(int[] Nodes, int[] Depths, int[] Edges, bool Truncated);

/// <summary>
/// Breadth-first search from a centre up to a depth, stopping at the node cap. Its edges are every edge passing the
/// filter between two of the nodes found (the induced subgraph), so every edge's ends are among the nodes.
/// </summary>
internal static class NeighbourhoodSearch
{
    public static NeighbourhoodHits Run(GraphIndex index, int center, int depth, in EdgeFilter filter, int nodeLimit)
    {
        var scratch = TraversalScratch.Rent(index.ActorSlots);
        try
        {
            var seen = scratch.SeenA;
            var dist = scratch.DistA;
            var queue = scratch.QueueA;
            var stamp = scratch.Stamp;
            var edges = index.Edges;
            var records = index.Records;

            int head = 0, tail = 0;
            queue[tail++] = center;
            seen[center] = stamp;
            dist[center] = 0;
            var truncated = false;
            while (head < tail && !truncated)
            {
                var u = queue[head++];
                var d = dist[u];
                if (d == depth)
                {
                    break; // breadth-first: every node still queued is at the last depth too
                }

                foreach (var e in index.EdgesOf(u))
                {
                    ref readonly var edge = ref edges[e];
                    if (!filter.WalksFrom(edge, u) || !filter.Passes(edge, records[e]))
                    {
                        continue;
                    }

                    var v = edge.Other(u);
                    if (seen[v] == stamp)
                    {
                        continue;
                    }

                    if (tail == nodeLimit)
                    {
                        truncated = true;
                        break;
                    }

                    seen[v] = stamp;
                    dist[v] = d + 1;
                    queue[tail++] = v;
                }
            }

            var found = new List<int>();
            for (var i = 0; i < tail; i++)
            {
                var u = queue[i];
                foreach (var e in index.EdgesOf(u))
                {
                    ref readonly var edge = ref edges[e];
                    // Each edge once: from the end it leaves.
                    if (edge.From == u && seen[edge.To] == stamp && filter.Passes(edge, records[e]))
                    {
                        found.Add(e);
                    }
                }
            }

            var nodes = queue.AsSpan(0, tail).ToArray();
            var depths = new int[tail];
            for (var i = 0; i < tail; i++)
            {
                depths[i] = dist[nodes[i]];
            }

            return new NeighbourhoodHits(nodes, depths, [.. found], truncated);
        }
        finally
        {
            TraversalScratch.Return(scratch);
        }
    }
}
