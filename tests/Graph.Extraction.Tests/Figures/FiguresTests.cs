using Graph.Core.Model;
using Graph.Extraction.Figures;
using Graph.Extraction.Text;

namespace Graph.Extraction.Tests.Figures;

public sealed class FiguresTests
{
    private static EdgeAttributes Read(string text, string? published = "2025-03-15")
    {
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        var a = Quantities.Read(tokens, 0, tokens.Count, EdgeAttributes.None);
        return Dates.Read(tokens, 0, tokens.Count, published is null ? null : PartialDate.Parse(published), a);
    }

    [Fact]
    public void Counts_ranges_and_approximations()
    {
        Assert.Equal(13221, Read("13,221 workers arrived").Count);
        var range = Read("between 4,000 and 6,000 troops");
        Assert.Equal((4000L, 6000L), (range.CountMin!.Value, range.CountMax!.Value));
        var about = Read("about 15,000 laborers");
        Assert.Equal((15000L, "approximately"), (about.Count!.Value, about.Note!));
        Assert.Equal(1_000_000, Read("more than a million rounds").Count);
    }

    [Fact]
    public void Sums_with_currency_period_and_ranges()
    {
        var pay = Read("they earn $650 a month");
        Assert.Equal((650m, "USD", "month"), (pay.Amount!.Value, pay.Currency!, pay.Period!));
        var range = Read("pay ranging from $90 to $140");
        Assert.Equal((90m, 140m), (range.AmountMin!.Value, range.AmountMax!.Value));
    }

    [Theory]
    [InlineData("in 2009", "2009")]
    [InlineData("in October 2024", "2024-10")]
    [InlineData("on February 9", "2025-02-09")]
    [InlineData("since November", "2024-11")]
    [InlineData("last year", "2024")]
    [InlineData("last month", "2025-02")]
    [InlineData("earlier this year", "2025")]
    [InlineData("on Monday", "2025-03-10")]
    public void Dates_absolute_and_relative_resolve_against_publication(string phrase, string expected)
    {
        Assert.Equal(expected, Read("troops moved " + phrase).ValidFrom?.ToString());
    }

    [Fact]
    public void Relative_dates_are_left_out_without_a_publication_date()
    {
        Assert.Null(Read("troops moved last year", published: null).ValidFrom);
        Assert.Equal("2019", Read("they had to return by 2019", published: null).ValidTo?.ToString());
    }
}
