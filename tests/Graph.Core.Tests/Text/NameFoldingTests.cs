namespace Graph.Core.Tests;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Wi Sung-lac", "wi sung lac")]
    [InlineData("Wí Sung–lac", "wi sung lac")]
    [InlineData("  VOLODYMYR   ZELÉNSKY ", "volodymyr zelensky")]
    [InlineData("South Korea’s National Intelligence Service", "south koreas national intelligence service")]
    [InlineData("U.S.", "us")]
    [InlineData("Ålpha Straße", "alpha strasse")]
    [InlineData("Łódź", "lodz")]
    [InlineData("DPRK–Russia", "dprk russia")]
    public void Folds_case_accents_and_punctuation(string text, string folded)
    {
        Assert.Equal(folded, NameFolding.Fold(text));
    }

    [Fact]
    public void Slugs_come_from_folded_names()
    {
        Assert.Equal("wi-sung-lac", Slug.From("Wí Sung–lac"));
        Assert.Equal("unnamed", Slug.From("—"));
        Assert.True(Slug.IsValid("north-korea"));
        Assert.False(Slug.IsValid("North-Korea"));
        Assert.False(Slug.IsValid("-korea"));
    }
}
