namespace Graph.GraphQL.Pipeline;

/// <summary>A bounded least-recently-used cache of parsed documents, keyed by the hash of the query text. Thread-safe.</summary>
public sealed class DocumentCache
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, CachedDocument>>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, CachedDocument>> _order = new();
    private readonly object _gate = new();

    /// <summary>Creates a cache holding at most <paramref name="capacity"/> documents.</summary>
    public DocumentCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Number of documents held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Number of lookups that found a document.</summary>
    public long Hits { get; private set; }

    /// <summary>Number of lookups that did not.</summary>
    public long Misses { get; private set; }

    /// <summary>Finds a document and marks it most recently used.</summary>
    public bool TryGet(string hash, out CachedDocument document)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(hash, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                Hits++;
                document = node.Value.Value;
                return true;
            }

            Misses++;
            document = null!;
            return false;
        }
    }

    /// <summary>Adds (or replaces) a document, evicting the least recently used one when full.</summary>
    public void Add(string hash, CachedDocument document)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(hash, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(hash);
            }

            while (_map.Count >= _capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }

            var node = _order.AddFirst(new KeyValuePair<string, CachedDocument>(hash, document));
            _map[hash] = node;
        }
    }
}
