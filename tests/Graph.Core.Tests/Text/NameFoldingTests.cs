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
    public void A_long_name_folds_as_a_short_one_does_and_a_folded_name_comes_back_as_it_is()
    {
        // Past the stack buffer (512 characters) the fold rents its buffer; every character may fold to two ("ß").
        var name = string.Concat(Enumerable.Repeat("Straße Ålpha–", 60));
        Assert.Equal(string.Concat(Enumerable.Repeat("strasse alpha ", 60)).TrimEnd(), NameFolding.Fold(name));
        Assert.Equal(new string('s', 600), NameFolding.Fold(new string('ß', 300)));

        var folded = "north korea";
        Assert.Same(folded, NameFolding.Fold(folded));
        Assert.Equal("", NameFolding.Fold(""));
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
