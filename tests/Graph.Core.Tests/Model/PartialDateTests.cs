using Graph.Core.Errors;
using Graph.Core.Model;

namespace Graph.Core.Tests;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2024", 2024, 0, 0, DatePrecision.Year)]
    [InlineData("2024-10", 2024, 10, 0, DatePrecision.Month)]
    [InlineData("2025-02-09", 2025, 2, 9, DatePrecision.Day)]
    [InlineData("2024-02-29", 2024, 2, 29, DatePrecision.Day)]
    public void Parses_year_month_and_day_precision(string text, int year, int month, int day, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal((year, month, day, precision), (date.Year, date.Month, date.Day, date.Precision));
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("2024/10")]
    [InlineData("2024-1")]
    [InlineData("0000")]
    [InlineData("2024-10-01T00:00")]
    public void Refuses_malformed_or_impossible_dates_naming_the_forms(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        var error = Assert.Throws<InvalidArgumentException>(() => PartialDate.Parse(text, "validFrom"));
        Assert.Equal("validFrom", error.Argument);
        Assert.Contains("'2024', '2024-10' or '2025-02-09'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Orders_by_first_day_then_coarser_first()
    {
        string[] ordered = ["2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2025"];
        var shuffled = ordered.Reverse().Select(t => PartialDate.Parse(t)).ToList();
        shuffled.Sort();
        Assert.Equal(ordered, shuffled.Select(d => d.ToString()));
        Assert.True(PartialDate.Parse("2024") < PartialDate.Parse("2024-01"));
        Assert.True(PartialDate.Parse("2024-12-31") > PartialDate.Parse("2024"));
    }

    [Fact]
    public void Spans_and_overlaps_cover_the_whole_period()
    {
        var february = PartialDate.Parse("2024-02");
        Assert.Equal(new DateOnly(2024, 2, 1), february.Start);
        Assert.Equal(new DateOnly(2024, 2, 29), february.End);
        Assert.Equal(new DateOnly(2024, 12, 31), PartialDate.OfYear(2024).End);
        Assert.True(PartialDate.OfYear(2024).Overlaps(PartialDate.OfDay(2024, 7, 4)));
        Assert.False(PartialDate.OfMonth(2024, 1).Overlaps(february));
    }
}
