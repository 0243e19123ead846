using System.Collections.Concurrent;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Working arrays of one traversal, reused through a pool so a query allocates no visited set. A node is "seen" when
/// its stamp equals the current generation, so clearing is one increment.
/// </summary>
internal sealed class TraversalScratch
{
    private static readonly ConcurrentBag<TraversalScratch> s_pool = [];

    public int[] SeenA = [];
    public int[] SeenB = [];
    public int[] DistA = [];
    public int[] DistB = [];
    public int[] ParentA = [];
    public int[] ParentB = [];
    public int[] QueueA = [];
    public int[] QueueB = [];

    /// <summary>Edge ids a traversal collects; grown on demand, kept for the next one.</summary>
    public int[] Edges = [];
    public int Stamp;

    public static TraversalScratch Rent(int nodeSlots)
    {
        if (!s_pool.TryTake(out var scratch))
        {
            scratch = new TraversalScratch();
        }

        scratch.Ensure(nodeSlots);
        scratch.NextStamp();
        return scratch;
    }

    public static void Return(TraversalScratch scratch) => s_pool.Add(scratch);

    /// <summary>A fresh generation: every node reads as unseen in both directions.</summary>
    public void NextStamp()
    {
        if (Stamp == int.MaxValue)
        {
            Array.Clear(SeenA);
            Array.Clear(SeenB);
            Stamp = 0;
        }

        Stamp++;
    }

    private void Ensure(int slots)
    {
        if (SeenA.Length >= slots)
        {
            return;
        }

        var size = Math.Max(slots, SeenA.Length * 2);
        SeenA = new int[size];
        SeenB = new int[size];
        DistA = new int[size];
        DistB = new int[size];
        ParentA = new int[size];
        ParentB = new int[size];
        QueueA = new int[size];
        QueueB = new int[size];
        Stamp = 0;
    }
}
