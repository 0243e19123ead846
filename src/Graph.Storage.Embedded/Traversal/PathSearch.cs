using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Embedded.Traversal;

/// <summary>
/// Path searches over the index, answering with edge indices from the start to the end: bidirectional breadth-first
/// search for one shortest path, breadth-first layering for every shortest path, and depth-first search by increasing
/// length (pruned by the distance to the end) for every simple path.
/// </summary>
internal static class PathSearch
{
    /// <summary>One path of fewest hops, or null when none is within <paramref name="maxDepth"/>.</summary>
    public static int[]? Shortest(GraphIndex index, int source, int target, int maxDepth, in EdgeFilter filter)
    {
        var s = TraversalScratch.Rent(index.ActorSlots);
        try
        {
            var stamp = s.Stamp;
            var edges = index.Edges;
            s.SeenA[source] = stamp;
            s.DistA[source] = 0;
            s.QueueA[0] = source;
            s.SeenB[target] = stamp;
            s.DistB[target] = 0;
            s.QueueB[0] = target;
            int headA = 0, tailA = 1, headB = 0, tailB = 1, levelA = 0, levelB = 0;
            int best = int.MaxValue, meet = -1;

            while (levelA + levelB < maxDepth && headA < tailA && headB < tailB)
            {
                var forward = tailA - headA <= tailB - headB;
                var seen = forward ? s.SeenA : s.SeenB;
                var dist = forward ? s.DistA : s.DistB;
                var parent = forward ? s.ParentA : s.ParentB;
                var queue = forward ? s.QueueA : s.QueueB;
                var otherSeen = forward ? s.SeenB : s.SeenA;
                var otherDist = forward ? s.DistB : s.DistA;
                ref var head = ref forward ? ref headA : ref headB;
                ref var tail = ref forward ? ref tailA : ref tailB;

                var levelEnd = tail;
                while (head < levelEnd)
                {
                    var u = queue[head++];
                    foreach (var e in index.EdgesOf(u))
                    {
                        ref readonly var edge = ref edges[e];
                        if (!(forward ? filter.WalksFrom(edge, u) : filter.WalksInto(edge, u)) || !filter.Passes(edge, index, e))
                        {
                            continue;
                        }

                        var v = edge.Other(u);
                        if (seen[v] == stamp)
                        {
                            continue;
                        }

                        seen[v] = stamp;
                        dist[v] = dist[u] + 1;
                        parent[v] = e;
                        queue[tail++] = v;
                        if (otherSeen[v] == stamp && dist[v] + otherDist[v] < best)
                        {
                            best = dist[v] + otherDist[v];
                            meet = v;
                        }
                    }
                }

                if (forward)
                {
                    levelA++;
                }
                else
                {
                    levelB++;
                }

                if (meet >= 0)
                {
                    break; // the best meeting of a completed level is a shortest path
                }
            }

            if (meet < 0)
            {
                return null;
            }

            var path = new int[best];
            var at = meet;
            for (var i = s.DistA[meet] - 1; i >= 0; i--)
            {
                path[i] = s.ParentA[at];
                at = edges[path[i]].Other(at);
            }

            at = meet;
            for (var i = s.DistA[meet]; i < best; i++)
            {
                path[i] = s.ParentB[at];
                at = edges[path[i]].Other(at);
            }

            return path;
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }

    /// <summary>
    /// Every sequence of actors of fewest hops, up to <paramref name="max"/> of them, each once: a path is its hops, and
    /// a hop holds every edge that joins its two actors and may be walked (parallel edges grouped, not a path each).
    /// </summary>
    public static List<int[][]> AllShortest(GraphIndex index, int source, int target, int maxDepth, in EdgeFilter filter, int max)
    {
        var paths = new List<int[][]>();
        var s = TraversalScratch.Rent(index.ActorSlots);
        try
        {
            var stamp = s.Stamp;
            var edges = index.Edges;
            var seen = s.SeenA;
            var dist = s.DistA;
            var queue = s.QueueA;
            seen[source] = stamp;
            dist[source] = 0;
            queue[0] = source;
            int head = 0, tail = 1;
            var reached = false;
            while (head < tail && !reached)
            {
                var u = queue[head++];
                if (dist[u] == maxDepth)
                {
                    break;
                }

                foreach (var e in index.EdgesOf(u))
                {
                    ref readonly var edge = ref edges[e];
                    if (!filter.WalksFrom(edge, u) || !filter.Passes(edge, index, e))
                    {
                        continue;
                    }

                    var v = edge.Other(u);
                    if (seen[v] != stamp)
                    {
                        seen[v] = stamp;
                        dist[v] = dist[u] + 1;
                        queue[tail++] = v;
                        reached |= v == target;
                    }
                }
            }

            if (!reached)
            {
                return paths;
            }

            // Every node one layer closer to the start leads back to it, so walking back from the end never dead-ends.
            // Each step back goes to one actor of the layer before, with all the edges that lead there.
            var length = dist[target];
            var hops = new int[length][];
            var filterCopy = filter;
            void Back(int v, int k)
            {
                if (k == 0)
                {
                    paths.Add((int[][])hops.Clone());
                    return;
                }

                var previous = new List<(int Actor, List<int> Edges)>();
                foreach (var e in index.EdgesOf(v))
                {
                    ref readonly var edge = ref edges[e];
                    var u = edge.Other(v);
                    if (seen[u] != stamp || dist[u] != k - 1 || !filterCopy.WalksInto(edge, v) || !filterCopy.Passes(edge, index, e))
                    {
                        continue;
                    }

                    var at = previous.FindIndex(p => p.Actor == u);
                    if (at < 0)
                    {
                        previous.Add((u, [e]));
                    }
                    else
                    {
                        previous[at].Edges.Add(e);
                    }
                }

                foreach (var (u, joining) in previous)
                {
                    if (paths.Count >= max)
                    {
                        return;
                    }

                    hops[k - 1] = [.. joining];
                    Back(u, k - 1);
                }
            }

            Back(target, length);
            return paths;
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }

    /// <summary>Every path without a repeated actor up to <paramref name="maxDepth"/> hops, shortest first, up to <paramref name="max"/>.</summary>
    public static List<int[]> AllSimple(GraphIndex index, int source, int target, int maxDepth, in EdgeFilter filter, int max)
    {
        var paths = new List<int[]>();
        var s = TraversalScratch.Rent(index.ActorSlots);
        try
        {
            var stamp = s.Stamp;
            var edges = index.Edges;

            // Hops from each node to the end, walking backwards: a prefix that cannot reach the end in time is cut.
            var toEnd = s.DistB;
            var reaches = s.SeenB;
            var queue = s.QueueB;
            reaches[target] = stamp;
            toEnd[target] = 0;
            queue[0] = target;
            int head = 0, tail = 1;
            while (head < tail)
            {
                var u = queue[head++];
                if (toEnd[u] == maxDepth)
                {
                    continue;
                }

                foreach (var e in index.EdgesOf(u))
                {
                    ref readonly var edge = ref edges[e];
                    if (!filter.WalksInto(edge, u) || !filter.Passes(edge, index, e))
                    {
                        continue;
                    }

                    var v = edge.Other(u);
                    if (reaches[v] != stamp)
                    {
                        reaches[v] = stamp;
                        toEnd[v] = toEnd[u] + 1;
                        queue[tail++] = v;
                    }
                }
            }

            if (reaches[source] != stamp)
            {
                return paths;
            }

            var onPath = s.SeenA;
            var stack = new int[maxDepth];
            var filterCopy = filter;
            var length = 0;
            void Forward(int u, int k)
            {
                if (u == target)
                {
                    if (k == length)
                    {
                        paths.Add(stack.AsSpan(0, k).ToArray());
                    }

                    return;
                }

                onPath[u] = stamp;
                foreach (var e in index.EdgesOf(u))
                {
                    if (paths.Count >= max)
                    {
                        break;
                    }

                    ref readonly var edge = ref edges[e];
                    var v = edge.Other(u);
                    if (onPath[v] == stamp || reaches[v] != stamp || k + 1 + toEnd[v] > length
                        || !filterCopy.WalksFrom(edge, u) || !filterCopy.Passes(edge, index, e))
                    {
                        continue;
                    }

                    stack[k] = e;
                    Forward(v, k + 1);
                }

                onPath[u] = 0;
            }

            for (length = toEnd[source]; length <= maxDepth && paths.Count < max; length++)
            {
                Forward(source, 0);
            }

            return paths;
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }
}
