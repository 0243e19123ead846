using System.Collections.Concurrent;
using System.Text;
using Graph.Core.Model;

namespace Graph.Api.Schema.Relationships;

/// <summary>Captions for drawn edges: the type in words, then what the edge carries (personnel, count, date).</summary>
public static class Captions
{
    // The type in words depends only on the rule: worked out once per field name.
    private static readonly ConcurrentDictionary<string, string> s_words = new(StringComparer.Ordinal);

    /// <summary>E.g. <c>deployed · workers · 13221 · 2024</c>.</summary>
    public static string Of(Relationship edge)
    {
        var words = s_words.GetOrAdd(edge.Rule.FieldName, Words);
        var a = edge.Attributes;
        var personnel = a.Personnel ?? (edge.Key.Qualifier.Length > 0 ? edge.Key.Qualifier : null);
        var range = a.Count is null && (a.CountMin is not null || a.CountMax is not null);
        if (personnel is null && a.Count is null && !range && a.Amount is null && edge.Date is null)
        {
            return words;
        }

        var builder = new StringBuilder(words, words.Length + 48);
        void Add(object? part)
        {
            if (part is not null)
            {
                builder.Append(" · ").Append(part is decimal d ? d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : part.ToString());
            }
        }

        Add(personnel);
        Add(a.Count);
        Add(range ? $"{a.CountMin}–{a.CountMax}" : null);
        Add(a.Amount is { } amount ? $"{amount:0.##}{(a.Currency is null ? "" : " " + a.Currency)}{(a.Period is null ? "" : " per " + a.Period)}" : null);
        Add(edge.Date);
        return builder.ToString();
    }

    private static string Words(string fieldName)
    {
        var builder = new StringBuilder();
        foreach (var c in fieldName)
        {
            if (char.IsUpper(c))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
