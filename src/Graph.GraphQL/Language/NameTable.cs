namespace Graph.GraphQL.Language;

/// <summary>
/// Per-thread table of name strings, so that the same field or type name read from many documents is one string
/// and parsing a known name allocates nothing.
/// </summary>
internal static class NameTable
{
    private const int MaxEntries = 8192;
    private const int MaxNameLength = 64;

    private const int RecentSlots = 512;

    [ThreadStatic]
    private static HashSet<string>? t_names;

    // A direct-mapped cache in front of the table, indexed by a cheap hash of the length and three characters: most
    // names of a document were seen moments ago. A miss (or a collision, which the exact comparison catches) falls back
    // to the table, whose hashing is randomized, so crafted names cannot make lookups slow.
    [ThreadStatic]
    private static string?[]? t_recent;

    public static string Get(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxNameLength || name.IsEmpty)
        {
            return name.ToString();
        }

        var recent = t_recent ??= new string?[RecentSlots];
        var slot = (int)(((uint)name.Length * 31u) ^ ((uint)name[0] * 7u) ^ ((uint)name[^1] * 131u) ^ ((uint)name[name.Length >> 1] * 17u)) & (RecentSlots - 1);
        if (recent[slot] is { } cached && name.SequenceEqual(cached))
        {
            return cached;
        }

        var interned = Intern(name);
        recent[slot] = interned;
        return interned;
    }

    private static string Intern(ReadOnlySpan<char> name)
    {
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
