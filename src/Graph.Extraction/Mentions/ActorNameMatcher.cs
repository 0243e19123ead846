using System.Text;
using Graph.Core;
using Graph.Core.Model;
using Graph.Extraction.Gazetteer;
using Graph.Extraction.Text;

namespace Graph.Extraction.Mentions;

/// <summary>One place in a text where an actor's name or alias occurs.</summary>
/// <param name="Start">Offset of its first character (UTF-16 code units).</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">The name as the text writes it (the text from start to end).</param>
/// <param name="Actor">The actor named.</param>
public sealed record NameMatch(int Start, int End, string Text, Actor Actor);

/// <summary>
/// Finds where a graph's actors are named in a text by their names and aliases alone (no patterns, no coreference,
/// unlike <see cref="MentionFinder"/>): whole words, case and accents folded, the longest name at each place, never
/// overlapping. Acronyms ("NIS", "U.S.") match only in capitals, so "us" is not the United States. Built once per set
/// of actors; a pure function of the text after that.
/// </summary>
public sealed class ActorNameMatcher
{
    private readonly Dictionary<string, Entry> _byFolded = new(StringComparer.Ordinal);

    // Most words of a name starting with a folded word: spares the scan at the many words no name starts with.
    private readonly Dictionary<string, int> _wordsByFirstWord = new(StringComparer.Ordinal);

    private sealed record Entry(Actor Actor, bool IsName, string? AcronymLetters);

    /// <summary>Indexes the actors' names and aliases. Where two actors share a folded name, an actor's own name wins over another's alias, then the lower id.</summary>
    public ActorNameMatcher(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            Add(actor, actor.Name, isName: true);
            foreach (var alias in actor.Aliases)
            {
                Add(actor, alias, isName: false);
            }
        }
    }

    /// <summary>How many folded names are indexed.</summary>
    public int NameCount => _byFolded.Count;

    private void Add(Actor actor, string name, bool isName)
    {
        // "The Korea Herald" is also written without its article.
        Put(actor, name, isName);
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            Put(actor, name[4..], isName);
        }
    }

    private void Put(Actor actor, string name, bool isName)
    {
        var folded = NameFolding.Fold(name);
        if (folded.Length < 2)
        {
            return;
        }

        var entry = new Entry(actor, isName, ReferenceGazetteer.IsAcronym(name) ? Letters(name) : null);
        if (_byFolded.TryGetValue(folded, out var existing) && (existing.IsName || !isName))
        {
            return;
        }

        _byFolded[folded] = entry;
        var words = folded.Split(' ');
        _wordsByFirstWord[words[0]] = Math.Max(_wordsByFirstWord.GetValueOrDefault(words[0]), words.Length);
    }

    /// <summary>The names in <paramref name="text"/>, in text order and not overlapping.</summary>
    public IReadOnlyList<NameMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<NameMatch>();
        if (_byFolded.Count == 0 || text.Length == 0)
        {
            return found;
        }

        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        var folded = new string[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            folded[t] = tokens[t].Kind is TokenKind.Word or TokenKind.Number ? NameFolding.Fold(tokens[t].Text) : "";
        }

        var key = new StringBuilder();
        var i = 0;
        while (i < tokens.Count)
        {
            var longest = folded[i].Length > 0 ? _wordsByFirstWord.GetValueOrDefault(folded[i].Split(' ')[0]) : 0;
            var match = longest == 0 ? null : LongestAt(text, tokens, folded, i, longest, key);
            if (match is null)
            {
                i++;
                continue;
            }

            found.Add(match.Value.Match);
            i = match.Value.Next;
        }

        return found;
    }

    private (NameMatch Match, int Next)? LongestAt(string text, List<Token> tokens, string[] folded, int i, int maxWords, StringBuilder key)
    {
        (NameMatch, int)? best = null;
        key.Clear();
        var words = 0;
        for (var j = i; j < tokens.Count; j++)
        {
            var token = tokens[j];
            if (token.Kind == TokenKind.Possessive)
            {
                // "Putin’s government" folds as "putins government", as the alias does.
                key.Append('s');
                continue;
            }

            if (token.Kind == TokenKind.Punctuation)
            {
                // Inside a name: hyphens, dashes, slashes, brackets ("DPRK–Russia", "Resolution 2397 (2017)"); not clause breaks.
                if (token.Text is "." or "," or ";" or ":" or "!" or "?" or "\"" or "“" or "”")
                {
                    break;
                }

                continue;
            }

            if (key.Length > 0)
            {
                key.Append(' ');
            }

            key.Append(folded[j]);
            words += folded[j].Count(c => c == ' ') + 1;
            if (words > maxWords)
            {
                break;
            }

            if (_byFolded.TryGetValue(key.ToString(), out var entry) && Fits(text, tokens[i].Start, token.End, entry))
            {
                best = (new NameMatch(tokens[i].Start, token.End, text[tokens[i].Start..token.End], entry.Actor), j + 1);
            }
        }

        return best;
    }

    // An acronym is matched with its capitals: "NIS" and "N.I.S." but not "nis"; other names in any case.
    private static bool Fits(string text, int start, int end, Entry entry) =>
        entry.AcronymLetters is null || Letters(text.AsSpan(start, end - start)) == entry.AcronymLetters;

    private static string Letters(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
