using Graph.Core.Model;
using Graph.Extraction.Text;

namespace Graph.Extraction.Figures;

/// <summary>
/// Reads dates in a clause, absolute ("in 2009", "in October 2024", "on February 9, 2025") and relative ("last year",
/// "since November", "last month", "on Monday", "earlier this year"), resolved against the publication date. Relative
/// dates are left out when the publication date is unknown.
/// </summary>
public static class Dates
{
    private static readonly string[] s_months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] s_days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The first date among <c>tokens[from..to)</c> (validFrom), and validTo when "until"/"by" introduces one.</summary>
    public static EdgeAttributes Read(IReadOnlyList<Token> tokens, int from, int to, PartialDate? published, EdgeAttributes attributes)
    {
        for (var i = Math.Max(0, from); i < Math.Min(tokens.Count, to); i++)
        {
            if (!TryDate(tokens, i, published, out var date, out var next))
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1].Lower : "";
            if (before is "until" or "till" or "by")
            {
                attributes = attributes.ValidTo is null ? attributes with { ValidTo = date } : attributes;
            }
            else if (attributes.ValidFrom is null)
            {
                attributes = attributes with { ValidFrom = date };
            }

            i = next - 1;
        }

        return attributes;
    }

    /// <summary>Reads one date starting at token <paramref name="i"/>.</summary>
    public static bool TryDate(IReadOnlyList<Token> tokens, int i, PartialDate? published, out PartialDate date, out int next)
    {
        date = default;
        next = i + 1;
        var t = tokens[i];
        var month = Month(t.Lower);
        if (month > 0 && t.IsCapitalized)
        {
            // "May" alone is too often a verb: require a day or a year with it, or a preposition before it.
            if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number && int.TryParse(tokens[i + 1].Text, out var n))
            {
                if (n is >= 1 and <= 31)
                {
                    var year = 0;
                    var k = i + 2;
                    if (k + 1 < tokens.Count && tokens[k].Text == "," && IsYear(tokens[k + 1].Text, out var y))
                    {
                        year = y;
                        k += 2;
                    }
                    else if (k < tokens.Count && IsYear(tokens[k].Text, out var y2))
                    {
                        year = y2;
                        k++;
                    }
                    else if (published is { } p)
                    {
                        year = p.Month != 0 && month > p.Month ? p.Year - 1 : p.Year;
                    }

                    if (year > 0 && n <= DateTime.DaysInMonth(year, month))
                    {
                        date = PartialDate.OfDay(year, month, n);
                        next = k;
                        return true;
                    }

                    return false;
                }

                if (IsYear(tokens[i + 1].Text, out var yy))
                {
                    date = PartialDate.OfMonth(yy, month);
                    next = i + 2;
                    return true;
                }
            }

            if (i > 0 && tokens[i - 1].Lower is "in" or "since" or "of" or "until" or "by" or "from" && published is { } pub && (month != 5 || tokens[i - 1].Lower != "in" || true))
            {
                var year = pub.Month != 0 && month > pub.Month ? pub.Year - 1 : pub.Year;
                date = PartialDate.OfMonth(year, month);
                return true;
            }

            return false;
        }

        if (IsYear(t.Text, out var plain) && i > 0 && tokens[i - 1].Lower is "in" or "since" or "of" or "until" or "by" or "from" or "late" or "early" or "mid")
        {
            date = PartialDate.OfYear(plain);
            return true;
        }

        if (published is not { } published2)
        {
            return false;
        }

        if (t.Lower is "last" or "previous" or "past" && i + 1 < tokens.Count)
        {
            var unit = tokens[i + 1].Lower;
            next = i + 2;
            switch (unit)
            {
                case "year":
                    date = PartialDate.OfYear(published2.Year - 1);
                    return true;
                case "month" when published2.Month != 0:
                    date = published2.Month == 1 ? PartialDate.OfMonth(published2.Year - 1, 12) : PartialDate.OfMonth(published2.Year, published2.Month - 1);
                    return true;
                case "summer" or "spring" or "autumn" or "fall" or "winter":
                    date = PartialDate.OfYear(published2.Year - 1);
                    return true;
                default:
                    var m = Month(unit);
                    if (m > 0)
                    {
                        date = PartialDate.OfMonth(published2.Month != 0 && m < published2.Month ? published2.Year : published2.Year - 1, m);
                        return true;
                    }

                    return false;
            }
        }

        if (t.Lower == "the" && i + 2 < tokens.Count && tokens[i + 1].Lower == "previous" && tokens[i + 2].Lower == "year")
        {
            date = PartialDate.OfYear(published2.Year - 1);
            next = i + 3;
            return true;
        }

        if (t.Lower == "this" && i + 1 < tokens.Count && tokens[i + 1].Lower == "year")
        {
            date = PartialDate.OfYear(published2.Year);
            next = i + 2;
            return true;
        }

        var weekday = Array.IndexOf(s_days, t.Lower);
        if (weekday >= 0 && t.IsCapitalized && i > 0 && tokens[i - 1].Lower is "on" or "since" or "last" && published2.Precision == DatePrecision.Day)
        {
            // The latest such weekday before the publication day (news says "on Monday" of the past week).
            var day = published2.Start;
            var target = (DayOfWeek)((weekday + 1) % 7);
            var back = ((int)day.DayOfWeek - (int)target + 7) % 7;
            var resolved = day.AddDays(-(back == 0 ? 0 : back));
            date = PartialDate.OfDay(resolved.Year, resolved.Month, resolved.Day);
            return true;
        }

        return false;
    }

    private static int Month(string word) => Array.IndexOf(s_months, word) + 1;

    private static bool IsYear(string text, out int year)
    {
        year = 0;
        return text.Length == 4 && int.TryParse(text, out year) && year is >= 1900 and <= 2100;
    }
}
