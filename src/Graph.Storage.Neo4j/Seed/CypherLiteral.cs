using System.Collections;
using System.Globalization;
using System.Text;

namespace Graph.Storage.Neo4j.Seed;

/// <summary>
/// Renders values as Cypher literals for generated scripts, where parameters are not available. Strings are
/// single-quoted with every quote, backslash and control character escaped, so no text can end a literal early.
/// </summary>
public static class CypherLiteral
{
    /// <summary>The literal for a value: text, whole or real number, boolean, null, list or map.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => String(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => Real(d),
        decimal m => String(m.ToString(CultureInfo.InvariantCulture)),
        IReadOnlyDictionary<string, object?> map => Map(map),
        IDictionary<string, object?> map => Map(map.AsReadOnly()),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Of)) + "]",
        _ => throw new ArgumentException($"No Cypher literal for {value.GetType().Name} '{value}'."),
    };

    /// <summary>A single-quoted string literal.</summary>
    public static string String(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\'': builder.Append(@"\'"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                case '\b': builder.Append(@"\b"); break;
                case '\f': builder.Append(@"\f"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>A map literal; keys that are not plain identifiers are backtick-quoted.</summary>
    public static string Map(IReadOnlyDictionary<string, object?> map) =>
        "{" + string.Join(", ", map.Where(p => p.Value is not null).Select(p => $"{Name(p.Key)}: {Of(p.Value)}")) + "}";

    /// <summary>A property key or variable, backtick-quoted unless it is a plain identifier.</summary>
    public static string Name(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static string Real(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
