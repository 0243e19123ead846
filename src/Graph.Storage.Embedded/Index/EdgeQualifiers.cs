namespace Graph.Storage.Embedded.Index;

/// <summary>
/// Each edge slot's qualifier (the part of a relationship's key that tells apart two edges of one type between the same
/// actors). Nearly every edge has none, so only the others are kept: an array of a million references cost 8 MB.
/// Written under the index's write lock (or by the one thread that loads edges), read under its read lock.
/// </summary>
internal sealed class EdgeQualifiers
{
    private readonly Dictionary<int, string> _qualified = [];

    /// <summary>The qualifier of the edge in slot <paramref name="seq"/>; the empty string for none.</summary>
    public string this[int seq]
    {
        get => _qualified.TryGetValue(seq, out var qualifier) ? qualifier : "";
        set
        {
            if (string.IsNullOrEmpty(value))
            {
                _qualified.Remove(seq);
            }
            else
            {
                _qualified[seq] = value;
            }
        }
    }
}
