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

    /// <summary>
    /// Makes a slug from a display name: accents dropped, anything else becomes a hyphen; a name without letters or
    /// digits is <c>unnamed</c>. A name whose letters or digits are not all Latin ("Ким Чен Ын", "김정은", "金正恩") keeps
    /// what is readable and adds a short hash of the whole name (<c>unnamed-3f0c9a2e</c>, <c>kim-3f0c9a2e</c>), so that
    /// two such names never make one id.
    /// </summary>
    public static string From(string name)
    {
        var folded = NameFolding.Fold(name);
        var builder = new StringBuilder(folded.Length + 9);
        var dropped = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                continue;
            }

            dropped |= char.IsLetterOrDigit(c) || char.IsSurrogate(c);
            if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        while (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        if (!dropped)
        {
            return builder.Length == 0 ? "unnamed" : builder.ToString();
        }

        if (builder.Length == 0)
        {
            builder.Append("unnamed");
        }

        return builder.Append('-').Append(ShortHash(folded.Length > 0 ? folded : name)).ToString();
    }

    // Eight hex digits of the SHA-256 of the text: enough to keep distinct names apart, short enough to read.
    private static string ShortHash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..4]);
    }
}
