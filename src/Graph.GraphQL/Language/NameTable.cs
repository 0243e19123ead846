namespace Graph.GraphQL.Language;

/// <summary>
/// Per-thread table of name strings, so that the same field or type name read from many documents is one string
/// and parsing a known name allocates nothing.
/// </summary>
internal static class NameTable
{
    private const int MaxEntries = 8192;
    private const int MaxNameLength = 64;

    [ThreadStatic]
    private static HashSet<string>? t_names;

    public static string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxNameLength)
        {
            return name.ToString();
        }

        var names = t_names ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var existing))
        {
            return existing;
        }

        // A table grown by unbounded distinct names (e.g. generated aliases) starts over rather than growing forever.
        if (names.Count >= MaxEntries)
        {
            names.Clear();
        }

        var value = name.ToString();
        names.Add(value);
        return value;
    }
}
