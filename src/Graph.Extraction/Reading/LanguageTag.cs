namespace Graph.Extraction.Reading;

/// <summary>Language tags as documents give them (<c>en-US</c>, <c>en_GB</c>, <c>FR</c>) made uniform.</summary>
internal static class LanguageTag
{
    /// <summary>The primary subtag lower-cased and a region upper-cased (<c>en</c>, <c>pt-BR</c>), or null when it is not a tag.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Replace('_', '-').Split('-');
        var primary = parts[0];
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetter))
        {
            return null;
        }

        primary = primary.ToLowerInvariant();
        if (parts.Length == 1)
        {
            return primary;
        }

        var region = parts[1];
        if (region.Length == 2 && region.All(char.IsAsciiLetter))
        {
            return $"{primary}-{region.ToUpperInvariant()}";
        }

        // Scripts and variants (zh-Hant, sl-rozaj) are kept as written; the reader needs only the primary language.
        return parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit)) ? primary + text.Trim().Replace('_', '-')[parts[0].Length..] : null;
    }
}
