namespace Graph.Core;

/// <summary>
/// Levenshtein distance (insertions, deletions, substitutions), used to suggest close names and ids. The GraphQL
/// engine keeps its own distance (graphql-js's, with transpositions) because it depends on nothing of the graph.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Between(string a, string b) => Between(a, b, int.MaxValue - 1);

    /// <summary>
    /// The distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>;
    /// otherwise some value above the limit (the search stops as soon as the limit cannot be met).
    /// </summary>
    public static int Between(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
