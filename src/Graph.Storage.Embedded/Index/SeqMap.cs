namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Texts (actor ids) to their seqs: an open-addressing table whose slots hold the key, its hash and its seq side by
/// side, so a look-up reads one slot, and reads the key's characters only when the slot's key is another object with the
/// same hash. A <see cref="Dictionary{TKey,TValue}"/> reads a bucket, then an entry, then the key's text: three cache
/// misses per look-up at 200,000 actors, which made finding an edge's ends the largest cost of staging a bulk load.
/// </summary>
/// <remarks>
/// Keys hash with <see cref="string.GetHashCode()"/>, randomized per process, so ids chosen to collide cannot slow it
/// down. The table is kept at most half full, counting removed slots: it grows, or is rebuilt without its removed slots,
/// when it would pass that. Written by one writer at a time, read under the index's read lock, as the index's other
/// lookups are.
/// </remarks>
internal sealed class SeqMap
{
    private static readonly string Removed = new('\0', 1); // the key of a removed slot: compared by reference only

    private Slot[] _slots = new Slot[16];
    private int _shift = OpenAddressing.ShiftFor(16);
    private int _used; // slots holding a key or marked removed

    public int Count { get; private set; }

    public int this[string key]
    {
        set => Set(key, value);
    }

    public bool TryGetValue(string key, out int seq)
    {
        var at = IndexOf(key, key.GetHashCode());
        seq = at >= 0 ? _slots[at].Seq : -1;
        return at >= 0;
    }

    /// <summary>Adds the key, or gives it a new seq.</summary>
    public void Set(string key, int seq)
    {
        var hash = key.GetHashCode();
        if (IndexOf(key, hash) is var found and >= 0)
        {
            _slots[found].Seq = seq;
            return;
        }

        if ((_used + 1) * 2 > _slots.Length)
        {
            Resize(OpenAddressing.SizeFor(Count + 1));
        }

        // The first slot empty or removed along the key's walk.
        var mask = _slots.Length - 1;
        var at = Start(hash);
        while (_slots[at].Key is { } held && !ReferenceEquals(held, Removed))
        {
            at = (at + 1) & mask;
        }

        if (_slots[at].Key is null)
        {
            _used++;
        }

        _slots[at] = new Slot(key, hash, seq);
        Count++;
    }

    public bool Remove(string key)
    {
        var at = IndexOf(key, key.GetHashCode());
        if (at < 0)
        {
            return false;
        }

        // Marked, not emptied: a look-up for a key placed past this slot must still walk on to it.
        _slots[at] = new Slot(Removed, 0, -1);
        Count--;
        return true;
    }

    /// <summary>Maps in the table's pages ahead of its first writes (<see cref="PageWarmer"/>).</summary>
    public void Warm() => PageWarmer.Warm(_slots);

    /// <summary>Makes room for this many keys at once, so a load of that many never resizes.</summary>
    public void EnsureCapacity(int count)
    {
        var wanted = OpenAddressing.SizeFor(count);
        if (wanted > _slots.Length)
        {
            Resize(wanted);
        }
    }

    /// <summary>The slot holding the key, or -1: the walk from its start to the first empty slot.</summary>
    private int IndexOf(string key, int hash)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = Start(hash); ; at = (at + 1) & mask)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Key is null)
            {
                return -1;
            }

            if (slot.Hash == hash && (ReferenceEquals(slot.Key, key) || (!ReferenceEquals(slot.Key, Removed) && string.Equals(slot.Key, key, StringComparison.Ordinal))))
            {
                return at;
            }
        }
    }

    private int Start(int hash) => OpenAddressing.Start(hash, _shift);

    private void Resize(int size)
    {
        var old = _slots;
        _slots = new Slot[size];
        _shift = OpenAddressing.ShiftFor(size);
        _used = 0;
        Count = 0;
        var mask = size - 1;
        foreach (ref readonly var slot in old.AsSpan())
        {
            if (slot.Key is not null && !ReferenceEquals(slot.Key, Removed))
            {
                var at = Start(slot.Hash);
                while (_slots[at].Key is not null)
                {
                    at = (at + 1) & mask;
                }

                _slots[at] = slot;
                _used++;
                Count++;
            }
        }
    }

    private record struct Slot(string? Key, int Hash, int Seq);
}
