namespace Graph.GraphQL.Utilities;

/// <summary>"Did you mean ...?" helpers: candidate names close to a mistyped one, by edit distance.</summary>
public static class SuggestionList
{
    private const int MaxSuggestions = 5;

    /// <summary>Options within edit distance ⌊0.4·length⌋+1 of <paramref name="input"/>, closest first.</summary>
    public static IReadOnlyList<string> For(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var scored = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = option == input ? 0 : (option.ToLowerInvariant() == inputLower ? 1 : Distance(inputLower, option.ToLowerInvariant(), threshold));
            if (distance <= threshold)
            {
                scored.Add((option, distance));
            }
        }

        scored.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Option, b.Option));
        var result = new string[scored.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = scored[i].Option;
        }

        return result;
    }

    /// <summary>
    /// The message tail <c> Did you mean "a", "b", or "c"?</c> (empty when there is nothing to suggest);
    /// <paramref name="subMessage"/> names what is suggested, e.g. "the enum value".
    /// </summary>
    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = " Did you mean " + (subMessage is null ? string.Empty : subMessage + " ");
        if (suggestions.Count == 1)
        {
            return message + "\"" + suggestions[0] + "\"?";
        }

        if (suggestions.Count == 2)
        {
            return message + "\"" + suggestions[0] + "\" or \"" + suggestions[1] + "\"?";
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        var parts = new List<string>(count);
        for (var i = 0; i < count - 1; i++)
        {
            parts.Add("\"" + suggestions[i] + "\"");
        }

        return message + string.Join(", ", parts) + ", or \"" + suggestions[count - 1] + "\"?";
    }

    /// <summary>The tail without a sub-message.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    // Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).
    private static int Distance(string a, string b, int threshold)
    {
        if (Math.Abs(a.Length - b.Length) > threshold)
        {
            return threshold + 1;
        }

        var rows = new int[3][];
        for (var i = 0; i < 3; i++)
        {
            rows[i] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            currentRow[0] = i;
            var smallest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var current = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current = Math.Min(current, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, current);
                currentRow[j] = current;
            }

            if (smallest > threshold)
            {
                return threshold + 1;
            }
        }

        return rows[a.Length % 3][b.Length];
    }
}

/// <summary>Character classes of GraphQL names (spec 2.1.9).</summary>
internal static class CharClasses
{
    public static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    public static bool IsNameContinue(char c) => IsNameStart(c) || c is >= '0' and <= '9';
}
