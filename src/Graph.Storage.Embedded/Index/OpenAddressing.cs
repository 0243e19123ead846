using System.Numerics;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// The arithmetic the index's open-addressing tables share (<see cref="SeqMap"/>, <see cref="EdgeKeyMap"/>): sizes a
/// power of two at most half full, and Fibonacci hashing for where a key's walk starts.
/// </summary>
internal static class OpenAddressing
{
    /// <summary>The table size for this many keys: twice the next power of two, 16 at least.</summary>
    public static int SizeFor(int count) => (int)Math.Min(1L << 30, Math.Max(16, (long)BitOperations.RoundUpToPowerOf2((uint)Math.Max(count, 1)) * 2));

    /// <summary>The shift that turns a 32-bit product into a slot of a table of <paramref name="size"/> (a power of two).</summary>
    public static int ShiftFor(int size) => 32 - BitOperations.Log2((uint)size);

    /// <summary>The first slot of a key's walk: the top bits of the product, which every bit of the hash moves.</summary>
    public static int Start(int hash, int shift) => (int)(((uint)hash * 0x9E3779B9u) >> shift);
}
