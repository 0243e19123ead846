using System.Text.RegularExpressions;
using Graph.Core.Model;

namespace Graph.Extraction.Reading;

/// <summary>
/// What a plain article says about itself in its own lines: a short first line before a blank line is the title; a date
/// line, a byline and a "Source:" line sit near the top or the bottom. Used for text, and as a fallback for every format.
/// </summary>
internal static partial class TextMetadata
{
    private const int MaxTitleLength = 200;
    private const int LinesScanned = 12;

    /// <summary>The metadata the text's own lines give.</summary>
    public static DocumentMetadata FromText(string text)
    {
        var lines = text.Split('\n');
        var edges = EdgeLines(lines);
        return new DocumentMetadata(
            Title: Title(lines),
            Publisher: edges.Select(Publisher).FirstOrDefault(p => p is not null),
            Url: edges.Select(Url).FirstOrDefault(u => u is not null),
            Published: PublishedDate(edges),
            Author: edges.Select(Author).FirstOrDefault(a => a is not null));
    }

    /// <summary>The first line when it is short, is not a date or a sentence running on, and a blank line and a body follow it.</summary>
    public static string? Title(IReadOnlyList<string> lines)
    {
        var first = 0;
        while (first < lines.Count && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        if (first >= lines.Count)
        {
            return null;
        }

        // A title heads a body: a blank line follows it, then more text.
        var candidate = lines[first].Trim();
        var blankAfter = first + 1 < lines.Count && string.IsNullOrWhiteSpace(lines[first + 1]);
        var bodyAfter = lines.Skip(first + 1).Any(l => !string.IsNullOrWhiteSpace(l));
        return blankAfter && bodyAfter && candidate.Length <= MaxTitleLength && !(candidate.Length <= 40 && DateText.Parse(candidate) is not null) && !candidate.EndsWith(',')
            ? candidate
            : null;
    }

    private static List<string> EdgeLines(string[] lines)
    {
        var nonBlank = lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (nonBlank.Count <= LinesScanned * 2)
        {
            return nonBlank;
        }

        return [.. nonBlank.Take(LinesScanned), .. nonBlank.TakeLast(LinesScanned)];
    }

    private static PartialDate? PublishedDate(List<string> lines)
    {
        PartialDate? updated = null;
        foreach (var line in lines.Where(l => l.Length <= 80))
        {
            var labelled = DateLabel().Match(line);
            if (labelled.Success)
            {
                var date = DateText.Parse(line[labelled.Length..]);
                if (date is null)
                {
                    continue;
                }

                if (!labelled.Groups["updated"].Success)
                {
                    return date;
                }

                updated ??= date;
                continue;
            }

            // A line that is only a date (with a weekday or time) is the dateline.
            if (line.Length <= 40 && DateText.Parse(line) is { } bare)
            {
                return bare;
            }
        }

        return updated;
    }

    private static string? Publisher(string line)
    {
        var match = PublisherLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["name"].Value.Trim().TrimEnd('.', ';');
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return uri.Host;
        }

        return value.Length is > 0 and <= 100 ? value : null;
    }

    private static string? Url(string line)
    {
        var match = UrlLine().Match(line);
        return match.Success && Uri.TryCreate(match.Groups["url"].Value.TrimEnd('.', ')'), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;
    }

    private static string? Author(string line)
    {
        var match = Byline().Match(line);
        return match.Success ? match.Groups["name"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?:(?:first\s+)?(?:published|posted|date|dated|released|issued)(?<pub>)|(?:last\s+)?(?<updated>updated|modified))(?:\s+on)?\s*[:\-–—]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"^(?:(?:original\s+)?source|originally\s+(?:published|appeared)\s+(?:by|in|on|at)|first\s+(?:published|appeared)\s+(?:by|in|on)|publisher|published\s+by)\s*[:\-–—]?\s*(?<name>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherLine();

    [GeneratedRegex(@"^(?:url|link|source|original(?:\s+(?:url|source|article))?|originally\s+published\s+at|read\s+more(?:\s+at)?)\s*[:\-–—]?\s*(?<url>https?://\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"^(?i:by)\s+(?<name>\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3}(?:\s+and\s+\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,3})?)\s*$")]
    private static partial Regex Byline();
}
