namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Document texts by document seq: the most recently read ones in memory, up to a budget of characters, the rest read
/// from the file when asked. Without a reader attached (an index being built for a new file) every text stays in
/// memory. Thread-safe: readers share it under the store's read lock.
/// </summary>
internal sealed class DocumentTexts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, LinkedListNode<(int Seq, string Text)>> _entries = [];
    private readonly LinkedList<(int Seq, string Text)> _recent = new();
    private long _chars;
    private ITextReader? _reader;
    private long _budgetChars;

    /// <summary>Reads texts the cache does not hold from the file; from now on the cache keeps to its budget.</summary>
    public void Attach(ITextReader reader, long budgetChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetChars);
        lock (_gate)
        {
            _reader = reader;
            _budgetChars = budgetChars;
            Trim();
        }
    }

    /// <summary>The text of a stored document.</summary>
    public string Get(int seq)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(seq, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Text;
            }
        }

        // Outside the lock: one slow read does not hold up readers of other texts.
        var reader = _reader ?? throw new InvalidOperationException($"Document seq {seq} has no text in memory and no file to read it from.");
        var text = reader.Read(seq);
        Put(seq, text);
        return text;
    }

    /// <summary>
    /// Every text in <paramref name="seqs"/>, for whole-graph scans: one pass over the file, not through the cache, so
    /// a scan neither thrashes it nor keeps every text alive afterwards.
    /// </summary>
    public IReadOnlyDictionary<int, string> GetAll(IReadOnlyCollection<int> seqs)
    {
        var found = new Dictionary<int, string>(seqs.Count);
        var missing = new List<int>();
        lock (_gate)
        {
            foreach (var seq in seqs)
            {
                if (_entries.TryGetValue(seq, out var node))
                {
                    found[seq] = node.Value.Text;
                }
                else
                {
                    missing.Add(seq);
                }
            }
        }

        if (missing.Count > 0)
        {
            var reader = _reader ?? throw new InvalidOperationException($"{missing.Count} document texts are not in memory and there is no file to read them from.");
            foreach (var (seq, text) in reader.ReadAll(missing))
            {
                found[seq] = text;
            }
        }

        return found;
    }

    /// <summary>Holds a text just written (or read), replacing what was held for that seq.</summary>
    public void Put(int seq, string text)
    {
        lock (_gate)
        {
            if (_entries.Remove(seq, out var old))
            {
                _recent.Remove(old);
                _chars -= old.Value.Text.Length;
            }

            _entries[seq] = _recent.AddFirst((seq, text));
            _chars += text.Length;
            Trim();
        }
    }

    private void Trim()
    {
        if (_reader is null)
        {
            return;
        }

        // The newest text stays even when it alone is over the budget: its reader is about to use it.
        while (_chars > _budgetChars && _recent.Count > 1)
        {
            var last = _recent.Last!;
            _recent.RemoveLast();
            _entries.Remove(last.Value.Seq);
            _chars -= last.Value.Text.Length;
        }
    }
}

/// <summary>Reads document texts from where they are stored.</summary>
internal interface ITextReader
{
    string Read(int seq);

    IEnumerable<(int Seq, string Text)> ReadAll(IReadOnlyCollection<int> seqs);
}
