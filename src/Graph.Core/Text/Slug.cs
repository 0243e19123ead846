using System.Text;

namespace Graph.Core;

/// <summary>Slugs: lower-case ASCII letters, digits and single hyphens, used in ids.</summary>
public static class Slug
{
    /// <summary>True when the text is a non-empty slug.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Makes a slug from a display name: accents dropped, anything else becomes a hyphen.</summary>
    public static string From(string name)
    {
        var folded = NameFolding.Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        while (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        return builder.Length == 0 ? "unnamed" : builder.ToString();
    }
}
