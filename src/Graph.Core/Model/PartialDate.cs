using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Graph.Core.Errors;

namespace Graph.Core.Model;

/// <summary>
/// An ISO 8601 date of any precision the sources give: a year (<c>2024</c>), a month (<c>2024-10</c>) or a day
/// (<c>2025-02-09</c>). It orders by the first day it covers, the coarser first on a tie, so 2024 &lt; 2024-01 &lt;
/// 2024-01-01 &lt; 2024-01-02 &lt; 2024-02; <see cref="Start"/> and <see cref="End"/> give the days it spans.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int month, int day) => (Year, Month, Day) = (year, month, day);

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month 1..12, or 0 when only the year is known.</summary>
    public int Month { get; }

    /// <summary>The day 1..31, or 0 when the day is not known.</summary>
    public int Day { get; }

    /// <summary>How much the date says.</summary>
    public DatePrecision Precision => Day != 0 ? DatePrecision.Day : Month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day covered.</summary>
    public DateOnly Start => new(Year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day);

    /// <summary>The last day covered.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Year, 12, 31),
        DatePrecision.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>A year.</summary>
    public static PartialDate OfYear(int year) => Create(year, 0, 0);

    /// <summary>A month of a year.</summary>
    public static PartialDate OfMonth(int year, int month) => Create(year, month, 0);

    /// <summary>A day.</summary>
    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, or throws an error that shows those forms.</summary>
    public static PartialDate Parse(string text, string argument = "date") =>
        TryParse(text, out var date)
            ? date
            : throw new InvalidArgumentException(argument, $"Malformed date '{text}' for {argument}. Expected an ISO 8601 date of year, month or day precision: '2024', '2024-10' or '2025-02-09'.");

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; false when malformed or not a real date.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        int month = 0, day = 0;
        if (text.Length >= 7 && (text[4] != '-' || !TryDigits(text, 5, 2, out month) || month is < 1 or > 12))
        {
            return false;
        }

        if (text.Length == 10 && (text[7] != '-' || !TryDigits(text, 8, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>True when the two dates' spans share a day.</summary>
    public bool Overlaps(PartialDate other) => Start <= other.End && other.Start <= End;

    /// <inheritdoc />
    public int CompareTo(PartialDate other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    /// <summary>Orders two dates.</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Orders two dates.</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Orders two dates.</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two dates.</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>The ISO 8601 text at the date's own precision.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    private static PartialDate Create(int year, int month, int day)
    {
        var text = day != 0 ? $"{year:D4}-{month:D2}-{day:D2}" : month != 0 ? $"{year:D4}-{month:D2}" : $"{year:D4}";
        return Parse(text);
    }

    private static bool TryDigits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}

/// <summary>How much of a date is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}
