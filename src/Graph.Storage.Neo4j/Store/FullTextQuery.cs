using System.Text;
using Graph.Core;
using Graph.Core.Errors;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// What a user typed, made safe for Neo4j's full-text indexes (Lucene's classic query syntax): each word becomes a
/// quoted phrase with Lucene's escapes, all words must match (<c>AND</c>), and a trailing <c>*</c> keeps prefix search.
/// Words without a letter or digit are dropped, so no input reaches Lucene as an operator. The folded words also mark
/// the matches in the snippets the store builds (the index itself returns no highlights).
/// </summary>
public sealed class FullTextQuery
{
    private const string LuceneSpecials = "\\+-!():^[]\"{}~*?|&/";

    private FullTextQuery(string lucene, IReadOnlyList<(string Folded, bool Prefix)> terms)
    {
        Lucene = lucene;
        Terms = terms;
    }

    /// <summary>The Lucene query to send as a parameter to <c>db.index.fulltext.queryNodes</c>.</summary>
    public string Lucene { get; }

    /// <summary>The words, folded (lower case, accents and punctuation removed), and whether each is a prefix.</summary>
    public IReadOnlyList<(string Folded, bool Prefix)> Terms { get; }

    /// <summary>Parses the user's text; refuses text without a word of letters or digits.</summary>
    public static FullTextQuery Parse(string? query)
    {
        var clauses = new List<string>();
        var terms = new List<(string, bool)>();
        foreach (var word in (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = word.Length > 1 && word[^1] == '*';
            var term = prefix ? word[..^1] : word;
            if (!term.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            var folded = Compact(term);
            if (prefix && folded.Length > 0 && NameFolding.Fold(term).IndexOf(' ', StringComparison.Ordinal) < 0)
            {
                // A prefix cannot be a phrase in Lucene: send the folded word escaped, then the wildcard.
                clauses.Add(Escape(folded) + "*");
                terms.Add((folded, true));
            }
            else
            {
                clauses.Add("\"" + Escape(term) + "\"");
                terms.Add((folded, false));
            }
        }

        return clauses.Count > 0
            ? new FullTextQuery(string.Join(" AND ", clauses), terms)
            : throw new InvalidArgumentException("query", $"A text search needs at least one word of letters or digits; got '{query}'.");
    }

    /// <summary>Lucene's escape: a backslash before each character its query parser reads as syntax.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (LuceneSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// About <paramref name="words"/> words of <paramref name="text"/> around the first match, each matching word marked
    /// with [ and ]; the start of the text, unmarked, when no single word matches (a phrase across punctuation).
    /// </summary>
    public string Snippet(string text, int words = 16)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return "";
        }

        var matches = tokens.Select(t => Matches(text.AsSpan(t.Start, t.Length))).ToArray();
        var first = Array.IndexOf(matches, true);
        var from = first < 0 ? 0 : Math.Max(0, Math.Min(first - (words / 4), tokens.Count - words));
        var to = Math.Min(tokens.Count, from + words);
        var builder = new StringBuilder();
        if (from > 0)
        {
            builder.Append('…');
        }

        for (var i = from; i < to; i++)
        {
            var (start, length) = tokens[i];
            var end = i + 1 < to ? tokens[i + 1].Start : start + length;
            var piece = text[start..end];
            if (matches[i])
            {
                // Mark the word's letters and digits, not the punctuation around it ("FAÇADE." gives "[FAÇADE].").
                var core = piece.TrimEnd();
                var lead = 0;
                while (lead < core.Length && !char.IsLetterOrDigit(core[lead]))
                {
                    lead++;
                }

                var tail = core.Length;
                while (tail > lead && !char.IsLetterOrDigit(core[tail - 1]))
                {
                    tail--;
                }

                builder.Append(core[..lead]).Append('[').Append(core[lead..tail]).Append(']').Append(piece[tail..]);
            }
            else
            {
                builder.Append(piece);
            }
        }

        if (to < tokens.Count)
        {
            builder.Append('…');
        }

        return builder.ToString().Trim();
    }

    private bool Matches(ReadOnlySpan<char> word)
    {
        var folded = Compact(word.ToString());
        if (folded.Length == 0)
        {
            return false;
        }

        foreach (var (term, prefix) in Terms)
        {
            if (prefix ? folded.StartsWith(term, StringComparison.Ordinal) : folded == term)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folded, without the spaces folding leaves for punctuation ("15,000" and "15000" meet).</summary>
    private static string Compact(string text) => NameFolding.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    private static List<(int Start, int Length)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add((start, i - start));
            }
        }

        return tokens;
    }
}
