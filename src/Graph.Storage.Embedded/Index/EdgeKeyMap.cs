namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Each live edge's key (type, ends, qualifier) to its seq: an open-addressing table of 8-byte slots, a key's hash and
/// the seq beside it, with the key itself read back from the index's edge arrays on a hash match. A
/// <see cref="Dictionary{TKey,TValue}"/> of the same keys held 40 bytes an entry plus its buckets (51 MB at a million
/// edges, against 16 MB here) and read a bucket and then an entry for each look-up; here a look-up that finds nothing,
/// as nearly every look-up of a bulk load does, reads one slot.
/// </summary>
/// <remarks>
/// A slot is 0 when empty; a removed slot keeps its hash with seq 0, so a look-up walks on past it. Seqs start at 1.
/// The table is kept at most half full, counting removed slots. Keys hash with <see cref="HashCode"/>, seeded per
/// process. An edge is added once its fields are in the index, and removed before they are cleared.
/// </remarks>
internal sealed class EdgeKeyMap(GraphIndex index)
{
    private long[] _slots = new long[16];
    private int _shift = OpenAddressing.ShiftFor(16);
    private int _used; // slots holding an edge or marked removed

    public int Count { get; private set; }

    /// <summary>The live edge with this key, if any.</summary>
    public bool TryGetValue(in EdgeKey key, out int seq)
    {
        var at = IndexOf(key, Hash(key));
        seq = at >= 0 ? (int)_slots[at] : -1;
        return at >= 0;
    }

    /// <summary>Adds the edge in slot <paramref name="seq"/>, whose key no live edge has (the index's fields hold it already).</summary>
    public void Add(in EdgeKey key, int seq)
    {
        if ((_used + 1) * 2 > _slots.Length)
        {
            Resize(OpenAddressing.SizeFor(Count + 1));
        }

        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var at = Start(hash);
        while (_slots[at] != 0 && (int)_slots[at] != 0)
        {
            at = (at + 1) & mask;
        }

        if (_slots[at] == 0)
        {
            _used++;
        }

        _slots[at] = Slot(hash, seq);
        Count++;
    }

    public bool Remove(in EdgeKey key)
    {
        var hash = Hash(key);
        var at = IndexOf(key, hash);
        if (at < 0)
        {
            return false;
        }

        _slots[at] = Slot(hash == 0 ? 1 : hash, 0); // removed: never 0, which would end the walk
        Count--;
        return true;
    }

    /// <summary>Makes room for this many edges at once, so a load of that many never resizes.</summary>
    public void EnsureCapacity(int count)
    {
        if (OpenAddressing.SizeFor(count) > _slots.Length)
        {
            Resize(OpenAddressing.SizeFor(count));
        }
    }

    /// <summary>Maps in the table's pages ahead of its first writes (<see cref="PageWarmer"/>).</summary>
    public void Warm() => PageWarmer.Warm(_slots);

    /// <summary>The slot holding the key's edge, or -1: the walk from its start to the first empty slot.</summary>
    private int IndexOf(in EdgeKey key, int hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = Start(hash); ; at = (at + 1) & mask)
        {
            var slot = slots[at];
            if (slot == 0)
            {
                return -1;
            }

            if ((int)(slot >> 32) == hash && (int)slot != 0 && Holds((int)slot, key))
            {
                return at;
            }
        }
    }

    private bool Holds(int seq, in EdgeKey key)
    {
        ref readonly var edge = ref index.Edges[seq];
        return edge.From == key.From && edge.To == key.To && edge.Type == key.Type && index.Qualifiers[seq] == key.Qualifier;
    }

    private static int Hash(in EdgeKey key) => HashCode.Combine(key.Type, key.From, key.To, key.Qualifier.Length == 0 ? 0 : key.Qualifier.GetHashCode());

    private static long Slot(int hash, int seq) => ((long)hash << 32) | (uint)seq;

    private int Start(int hash) => OpenAddressing.Start(hash, _shift);

    private void Resize(int size)
    {
        var old = _slots;
        _slots = new long[size];
        _shift = OpenAddressing.ShiftFor(size);
        _used = 0;
        var mask = size - 1;
        foreach (var slot in old)
        {
            if ((int)slot != 0)
            {
                var at = Start((int)(slot >> 32));
                while (_slots[at] != 0)
                {
                    at = (at + 1) & mask;
                }

                _slots[at] = slot;
                _used++;
            }
        }
    }
}
