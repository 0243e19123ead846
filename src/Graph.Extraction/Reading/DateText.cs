using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Core.Model;

namespace Graph.Extraction.Reading;

/// <summary>Dates as documents write them: ISO (<c>2025-02-09T10:00Z</c>), <c>9 February 2025</c>, <c>Feb. 9, 2025</c>, <c>February 2025</c>, PDF's <c>D:20250209</c>.</summary>
internal static partial class DateText
{
    private static readonly string[] _months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date the text starts with or consists of (a weekday or time around it is allowed); null when there is none.</summary>
    public static PartialDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var iso = IsoDate().Match(text);
        if (iso.Success)
        {
            return Create(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }

        var pdf = PdfDate().Match(text);
        if (pdf.Success)
        {
            return Create(pdf.Groups["y"].Value, pdf.Groups["m"].Value, pdf.Groups["d"].Value);
        }

        var dayFirst = DayMonthYear().Match(text);
        if (dayFirst.Success && Month(dayFirst.Groups["mon"].Value) is { } m1)
        {
            return Create(dayFirst.Groups["y"].Value, m1, dayFirst.Groups["d"].Value);
        }

        var monthFirst = MonthDayYear().Match(text);
        if (monthFirst.Success && Month(monthFirst.Groups["mon"].Value) is { } m2)
        {
            return Create(monthFirst.Groups["y"].Value, m2, monthFirst.Groups["d"].Value);
        }

        var monthYear = MonthYear().Match(text);
        if (monthYear.Success && Month(monthYear.Groups["mon"].Value) is { } m3)
        {
            return Create(monthYear.Groups["y"].Value, m3, string.Empty);
        }

        return null;
    }

    /// <summary>A date from a .NET date and time, at day precision.</summary>
    public static PartialDate? From(DateTime? value) =>
        value is { } v && v.Year > 1 ? PartialDate.OfDay(v.Year, v.Month, v.Day) : null;

    private static string? Month(string name)
    {
        var key = name.Trim('.').ToLowerInvariant();
        if (key.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(_months, key[..3]);
        if (index < 0)
        {
            return null;
        }

        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1).ToLowerInvariant();

        // "Sept" and full names pass; words that merely start like a month ("mayor", "marching") do not.
        return (key.Length == 3 || full.StartsWith(key, StringComparison.Ordinal) || key == "sept")
            ? (index + 1).ToString("D2", CultureInfo.InvariantCulture)
            : null;
    }

    private static PartialDate? Create(string year, string month, string day)
    {
        var text = day.Length == 0 ? $"{year}-{month}" : $"{year}-{month}-{int.Parse(day, CultureInfo.InvariantCulture):D2}";
        return PartialDate.TryParse(text, out var date) && date.Year is >= 1800 and <= 2200 ? date : null;
    }

    [GeneratedRegex(@"^(?:\w+,?\s+)?(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d])")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^D:(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})")]
    private static partial Regex PdfDate();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[A-Za-z]{3,9}\.?),?\s+(?<y>\d{4})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<mon>[A-Za-z]{3,9}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9}\.?)\s+(?<y>\d{4})\b")]
    private static partial Regex MonthYear();
}
