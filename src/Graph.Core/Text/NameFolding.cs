using System.Globalization;
using System.Text;

namespace Graph.Core;

/// <summary>
/// Folds names for matching: lower case, accents removed, punctuation and runs of spaces made one space,
/// so "Wi Sung-lac", "wi sung lac" and "Wí Sung–lac" all meet. Both stores index and look up folded names.
/// </summary>
public static class NameFolding
{
    /// <summary>The folded form of a name.</summary>
    public static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
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
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
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

        return builder.ToString();
    }
}
