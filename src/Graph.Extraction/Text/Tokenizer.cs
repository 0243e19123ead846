namespace Graph.Extraction.Text;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>Letters (with inner hyphens, dots of abbreviations such as "U.S." or "N.Korea", inner apostrophes).</summary>
    Word,

    /// <summary>Digits with inner thousands separators or a decimal point ("13,221", "2.4").</summary>
    Number,

    /// <summary>The possessive ending "'s" / "’s" (split off so "Russia's" matches "Russia").</summary>
    Possessive,

    /// <summary>Any other single character: punctuation, a currency sign, a dash.</summary>
    Punctuation,
}

/// <summary>A token with its offsets in the original text.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just after it.</param>
/// <param name="Text">Its text, verbatim.</param>
/// <param name="Lower">Its text in lower case, with curly apostrophes made straight, for lexicon look-ups.</param>
/// <param name="Kind">What it is.</param>
public sealed record Token(int Start, int End, string Text, string Lower, TokenKind Kind)
{
    /// <summary>True when it starts with a capital letter.</summary>
    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);
}

/// <summary>Splits text into tokens with offsets (hand scanning; no allocations beyond the tokens).</summary>
public static class Tokenizer
{
    /// <summary>The tokens of <c>text[start..end)</c>.</summary>
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(8, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if ((c is '\'' or '’') && i + 1 < end && text[i + 1] is 's' or 'S' && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])) && tokens.Count > 0 && tokens[^1].End == i)
            {
                tokens.Add(Make(text, i, i + 2, TokenKind.Possessive));
                i += 2;
                continue;
            }

            if (char.IsDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsDigit(text[j]) || (text[j] is ',' or '.' && j + 1 < end && char.IsDigit(text[j + 1]))))
                {
                    j++;
                }

                // "1990s", "2nd": letters glued to digits stay in the number token.
                while (j < end && char.IsLetter(text[j]))
                {
                    j++;
                }

                tokens.Add(Make(text, i, j, TokenKind.Number));
                i = j;
                continue;
            }

            if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                    }
                    else if (d is '-' or '–' && j + 1 < end && char.IsUpper(text[j + 1]) && char.IsUpper(text[i]) && j - i >= 3)
                    {
                        // "Russia-North Korea": two capitalised names joined by a hyphen are two tokens.
                        break;
                    }
                    else if (d is '-' or '–' or '.' or '\'' or '’' && j + 1 < end && char.IsLetter(text[j + 1])
                        && !(d is '\'' or '’' && text[j + 1] is 's' or 'S' && (j + 2 >= end || !char.IsLetterOrDigit(text[j + 2]))))
                    {
                        j += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                // Keep the final stop of an abbreviation made of initials: "U.S." and "U.N." are one token.
                if (j < end && text[j] == '.' && j - i >= 3 && text[j - 2] == '.' && char.IsUpper(text[j - 1]))
                {
                    j++;
                }

                tokens.Add(Make(text, i, j, TokenKind.Word));
                i = j;
                continue;
            }

            tokens.Add(Make(text, i, i + 1, TokenKind.Punctuation));
            i++;
        }

        return tokens;
    }

    private static Token Make(string text, int start, int end, TokenKind kind)
    {
        var s = text.Substring(start, end - start);
        // Most tokens are already lower case: share the string rather than copy it.
        foreach (var c in s)
        {
            if (char.IsUpper(c) || c == '’')
            {
                return new Token(start, end, s, s.ToLowerInvariant().Replace('’', '\''), kind);
            }
        }

        return new Token(start, end, s, s, kind);
    }
}
