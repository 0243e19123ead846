using System.Globalization;
using System.Text;

namespace Graph.Core;

/// <summary>
/// Folds names for matching: lower case, accents removed, punctuation and runs of spaces made one space,
/// so "Wi Sung-lac", "wi sung lac" and "Wí Sung–lac" all meet. Both stores index and look up folded names.
/// </summary>
public static class NameFolding
{
    // Precomposed Latin letters and their base letters. string.Normalize does nothing when the runtime runs with
    // InvariantGlobalization (no ICU), as this repository's builds do, so accents are also stripped by this table.
    private const string Precomposed =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵ" +
        "ĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻ" +
        "ȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";

    private const string Bases =
        "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijj" +
        "kkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaa" +
        "aaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy";

    private static readonly Dictionary<char, string> s_bases = BuildBases();

    /// <summary>The folded form of a name.</summary>
    /// <remarks>
    /// Written into a buffer on the stack (a character folds to at most two), so folding makes one string, or none when
    /// the name is folded already: names are folded for every actor a store loads and every lookup it answers.
    /// </remarks>
    public static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var most = normalized.Length * 2;
        char[]? rented = null;
        var buffer = most <= 512 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(most));
        try
        {
            var folded = FoldInto(normalized, buffer);
            return folded.SequenceEqual(text) ? text : new string(folded);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> FoldInto(string normalized, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                if (c > '\u007f' && s_bases.TryGetValue(c, out var letters))
                {
                    letters.CopyTo(buffer[length..]);
                    length += letters.Length;
                }
                else
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (c is '\'' or '’' or '.')
            {
                // "Korea's" and "U.S." fold to "koreas" and "us".
                continue;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return buffer[..length];
    }

    private static Dictionary<char, string> BuildBases()
    {
        var bases = new Dictionary<char, string>
        {
            ['ß'] = "ss",
            ['æ'] = "ae",
            ['Æ'] = "ae",
            ['œ'] = "oe",
            ['Œ'] = "oe",
            ['ø'] = "o",
            ['Ø'] = "o",
            ['đ'] = "d",
            ['Đ'] = "d",
            ['ł'] = "l",
            ['Ł'] = "l",
            ['þ'] = "th",
            ['Þ'] = "th",
            ['ı'] = "i",
        };
        for (var i = 0; i < Precomposed.Length; i++)
        {
            bases[Precomposed[i]] = Bases[i].ToString();
        }

        return bases;
    }
}
