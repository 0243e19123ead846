using System.Globalization;

namespace Graph.Core;

/// <summary>
/// Control characters (Unicode category Cc: U+0000..U+001F, U+007F..U+009F) have no place in names, ids or lookups: a
/// NUL stored in a name splits it for C tools and hides it from search. Line breaks and tabs are allowed where text may
/// span lines.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The index of the first control character, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text, bool allowLineBreaks = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Null when the text has none; otherwise what is wrong, naming the character and where it is.</summary>
    public static string? Problem(string? text, bool allowLineBreaks = false)
    {
        if (text is null)
        {
            return null;
        }

        var index = IndexOf(text, allowLineBreaks);
        return index < 0
            ? null
            : $"must not contain control characters; found U+{((int)text[index]).ToString("X4", CultureInfo.InvariantCulture)} at position {index}.";
    }
}
