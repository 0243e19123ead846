using System.Collections.Frozen;

namespace Graph.Extraction.Text;

/// <summary>
/// Splits news prose into sentences by hand scanning (no regular expressions): a sentence ends at '.', '!' or '?'
/// (with any closing quotes or brackets) followed by white space and a capital, digit or opening quote, unless the
/// word before the stop is an abbreviation ("Mr.", "Jan.", "U.S.") or an initial. A blank line always ends one;
/// a single line break inside a sentence does not. Spans are trimmed and index the original text.
/// </summary>
public static class SentenceSplitter
{
    // Abbreviations that take a full stop without ending a sentence in news copy.
    private static readonly FrozenSet<string> s_abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen", "rep", "gov",
        "pres", "amb", "st", "jr", "sr", "rev", "hon", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig",
        "u.s", "u.n", "u.k", "e.u", "u.s.a", "d.c", "a.m", "p.m", "n", "s",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sentences of the text, in order.</summary>
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' && IsBlankLineAt(text, i, out var after))
            {
                Add(sentences, text, start, i);
                start = after;
                i = after;
                continue;
            }

            if (c is '.' or '!' or '?')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or ']' or '.')
                {
                    end++;
                }

                if (end >= text.Length)
                {
                    break;
                }

                if (char.IsWhiteSpace(text[end]) && StartsSentence(text, end) && !(c == '.' && IsAbbreviationBefore(text, i)))
                {
                    Add(sentences, text, start, end);
                    start = end;
                }

                i = end;
                continue;
            }

            i++;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsBlankLineAt(string text, int i, out int after)
    {
        var j = i + 1;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r')
        {
            j++;
        }

        if (j < text.Length && text[j] == '\n')
        {
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            after = j;
            return true;
        }

        after = i + 1;
        return false;
    }

    private static bool StartsSentence(string text, int whitespace)
    {
        var j = whitespace;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        if (j >= text.Length)
        {
            return true;
        }

        var c = text[j];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[';
    }

    private static bool IsAbbreviationBefore(string text, int stop)
    {
        var j = stop - 1;
        while (j >= 0 && (char.IsLetter(text[j]) || text[j] == '.'))
        {
            j--;
        }

        var word = text.AsSpan(j + 1, stop - j - 1);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital is an initial ("John F. Kennedy").
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        var lookup = s_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word);
    }

    private static void Add(List<TextSpan> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }
}
