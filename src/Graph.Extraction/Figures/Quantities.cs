using System.Globalization;
using Graph.Core.Model;
using Graph.Extraction.Mentions;
using Graph.Extraction.Text;

namespace Graph.Extraction.Figures;

/// <summary>
/// Reads figures in a clause into edge attributes: head counts ("13,221 workers", "about 15,000", "between 10,000
/// and 12,000 troops", "more than a million rounds"), sums ("$800 a month", "from $100 to $200") and the personnel
/// they count.
/// </summary>
public static class Quantities
{
    /// <summary>The figures among <c>tokens[from..to)</c>, laid over <paramref name="attributes"/>.</summary>
    public static EdgeAttributes Read(IReadOnlyList<Token> tokens, int from, int to, EdgeAttributes attributes)
    {
        for (var i = Math.Max(0, from); i < Math.Min(tokens.Count, to); i++)
        {
            var t = tokens[i];
            if (t.Text == "$" && i + 1 < tokens.Count && Number(tokens, i + 1, out var amount, out var next))
            {
                var fromTo = i >= 1 && tokens[i - 1].Lower == "from" && next + 1 < tokens.Count && tokens[next].Lower == "to" && tokens[next + 1].Text == "$"
                    && Number(tokens, next + 2, out var upper, out var afterUpper);
                if (fromTo)
                {
                    Number(tokens, next + 2, out upper, out afterUpper);
                    attributes = attributes with { AmountMin = amount, AmountMax = upper, Currency = "USD" };
                    next = afterUpper;
                }
                else
                {
                    attributes = attributes with { Amount = amount, Currency = "USD" };
                    if (Approximate(tokens, i))
                    {
                        attributes = attributes with { Note = "approximately" };
                    }
                }

                if (next + 1 < tokens.Count && tokens[next].Lower is "a" or "per" or "each" or "every" && Period(tokens[next + 1].Lower) is { } period)
                {
                    attributes = attributes with { Period = period };
                }

                i = next;
                continue;
            }

            if ((t.Kind == TokenKind.Number || (t.Lower == "a" && i + 1 < tokens.Count && tokens[i + 1].Lower is "million" or "billion" or "thousand")) && !IsYear(t.Text) && Number(tokens, i, out var count, out var after))
            {
                if (i >= 1 && tokens[i - 1].Lower == "between" && after + 1 < tokens.Count && tokens[after].Lower == "and" && Number(tokens, after + 1, out var high, out var afterHigh))
                {
                    attributes = attributes with { CountMin = (long)count, CountMax = (long)high };
                    after = afterHigh;
                }
                else if (attributes.Count is null && attributes.CountMin is null)
                {
                    if (after < tokens.Count && tokens[after].Lower is "percent" or "%" or "per")
                    {
                        i = after;
                        continue;
                    }

                    attributes = attributes with { Count = (long)count };
                    if (Approximate(tokens, i))
                    {
                        attributes = attributes with { Note = "approximately" };
                    }
                    else if (i >= 2 && tokens[i - 1].Lower == "than" && tokens[i - 2].Lower is "more" or "over")
                    {
                        attributes = attributes with { Note = "more than" };
                    }
                }

                i = after - 1;
            }
            else if (t.Lower is "thousands" or "hundreds" or "dozens" && attributes.Count is null && attributes.Note is null)
            {
                attributes = attributes with { Note = t.Lower };
            }
        }

        return attributes;
    }

    /// <summary>The personnel a clause speaks of, from its nouns.</summary>
    public static string? Personnel(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var i = Math.Max(0, from); i < Math.Min(tokens.Count, to); i++)
        {
            if (Cues.Personnel.TryGetValue(tokens[i].Lower, out var p))
            {
                return p;
            }
        }

        return null;
    }

    private static bool IsYear(string text) => text.Length == 4 && text.All(char.IsDigit) && text[0] is '1' or '2';

    private static bool Approximate(IReadOnlyList<Token> tokens, int i) =>
        i >= 1 && tokens[i - 1].Lower is "about" or "approximately" or "around" or "roughly" or "nearly" or "almost" or "some" or "estimated" or "an";

    private static string? Period(string word) => word switch
    {
        "month" => "month",
        "year" => "year",
        "week" => "week",
        "day" => "day",
        _ => null,
    };

    private static bool Number(IReadOnlyList<Token> tokens, int i, out decimal value, out int next)
    {
        value = 0;
        next = i;
        if (i >= tokens.Count)
        {
            return false;
        }

        if (tokens[i].Lower is "a" && i + 1 < tokens.Count && tokens[i + 1].Lower is "million" or "billion" or "thousand")
        {
            value = 1;
            next = i + 1;
        }
        else if (tokens[i].Kind == TokenKind.Number && decimal.TryParse(tokens[i].Text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            next = i + 1;
        }
        else
        {
            return false;
        }

        if (next < tokens.Count)
        {
            var scale = tokens[next].Lower switch
            {
                "thousand" => 1_000m,
                "million" => 1_000_000m,
                "billion" => 1_000_000_000m,
                _ => 1m,
            };
            if (scale != 1m)
            {
                value *= scale;
                next++;
            }
        }

        return true;
    }
}
