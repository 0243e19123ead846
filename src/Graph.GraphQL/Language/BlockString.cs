using System.Text;

namespace Graph.GraphQL.Language;

/// <summary>
/// The spec's block string algorithms: the dedent applied when reading <c>"""..."""</c> (BlockStringValue)
/// and the inverse used to print a string as a block string.
/// </summary>
public static class BlockString
{
    /// <summary>
    /// Applies the spec's BlockStringValue to lines already split on line terminators: removes the common
    /// indentation of all lines but the first, then drops leading and trailing blank lines.
    /// </summary>
    public static IReadOnlyList<string> DedentLines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var commonIndent = int.MaxValue;
        var firstNonEmpty = -1;
        var lastNonEmpty = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length)
            {
                continue;
            }

            if (firstNonEmpty < 0)
            {
                firstNonEmpty = i;
            }

            lastNonEmpty = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (firstNonEmpty < 0)
        {
            return Array.Empty<string>();
        }

        var result = new string[lastNonEmpty - firstNonEmpty + 1];
        for (var i = firstNonEmpty; i <= lastNonEmpty; i++)
        {
            var line = lines[i];
            result[i - firstNonEmpty] = i == 0 || commonIndent == int.MaxValue ? line : line.Length > commonIndent ? line[commonIndent..] : string.Empty;
        }

        return result;
    }

    /// <summary>The value a block string with this raw text (between the triple quotes, escapes undone) denotes.</summary>
    public static string Dedent(string rawValue)
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        return string.Join('\n', DedentLines(SplitLines(rawValue)));
    }

    /// <summary>
    /// Whether printing <paramref name="value"/> as a block string gives back the same value when read;
    /// false for strings with control characters or whose leading/trailing whitespace the dedent would lose.
    /// </summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\u0000' or '\u0001' or '\u0002' or '\u0003' or '\u0004' or '\u0005' or '\u0006' or '\u0007' or '\u0008'
                    or '\u000B' or '\u000C' or '\u000E' or '\u000F' or '\u0010' or '\u0011' or '\u0012' or '\u0013' or '\u0014'
                    or '\u0015' or '\u0016' or '\u0017' or '\u0018' or '\u0019' or '\u001A' or '\u001B' or '\u001C' or '\u001D'
                    or '\u001E' or '\u001F':
                    return false;
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false; // leading blank line would be dropped
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        if (isEmptyLine)
        {
            return false; // trailing blank line would be dropped
        }

        if (hasCommonIndent && seenNonEmptyLine)
        {
            return false; // the common indentation would be removed
        }

        return true;
    }

    /// <summary>Prints <paramref name="value"/> as a <c>"""</c> block string that reads back to the same value.</summary>
    public static string Print(string value, bool minimize = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = SplitLines(escaped);
        var isSingleLine = lines.Count == 1;

        // A common indent after the first line would be stripped when read back: a leading newline keeps it.
        var forceLeadingNewLine = lines.Count > 1;
        for (var i = 1; i < lines.Count && forceLeadingNewLine; i++)
        {
            forceLeadingNewLine = lines[i].Length == 0 || IsWhiteSpace(lines[i][0]);
        }

        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);

        var builder = new StringBuilder(escaped.Length + 8);
        builder.Append("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append("\"\"\"");
        return builder.ToString();
    }

    internal static bool IsWhiteSpace(char c) => c == ' ' || c == '\t';

    internal static int LeadingWhitespace(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || c == '\n')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }
}
