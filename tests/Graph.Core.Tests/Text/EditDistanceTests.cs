namespace Graph.Core.Tests;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("russia", "russia", 0)]
    [InlineData("rusia", "russia", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ab", "ba", 2)]
    public void Distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }

    [Fact]
    public void A_bounded_distance_gives_up_above_its_limit_but_is_exact_within_it()
    {
        Assert.Equal(3, EditDistance.Between("kitten", "sitting", 3));
        Assert.True(EditDistance.Between("kitten", "sitting", 2) > 2);
        Assert.True(EditDistance.Between("a", "abcdef", 2) > 2);
    }
}
