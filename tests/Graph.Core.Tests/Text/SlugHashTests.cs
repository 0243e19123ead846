namespace Graph.Core.Tests.Text;

/// <summary>Issue 10: names without Latin letters once all became <c>unnamed</c>, so five people became one record.</summary>
public sealed class SlugHashTests
{
    [Fact]
    public void Non_Latin_names_keep_apart_with_a_short_hash()
    {
        var slugs = new[] { "Ким Чен Ын", "김정은", "金正恩", "Ким Чен Ир" }.Select(Slug.From).ToList();
        Assert.Equal(4, slugs.Distinct().Count());
        Assert.All(slugs, s => Assert.True(Slug.IsValid(s), s));
        Assert.All(slugs, s => Assert.StartsWith("unnamed-", s, StringComparison.Ordinal));
    }

    [Fact]
    public void The_readable_part_is_kept_and_the_hash_is_stable()
    {
        Assert.Equal(Slug.From("Kim 김정은"), Slug.From("KIM 김정은"));
        Assert.StartsWith("kim-", Slug.From("Kim 김정은"), StringComparison.Ordinal);
        Assert.Equal("kim-".Length + 8, Slug.From("Kim 김정은").Length);
    }

    [Fact]
    public void Latin_names_are_unchanged()
    {
        Assert.Equal("north-korea", Slug.From("North Korea"));
        Assert.Equal("cote-d-ivoire", Slug.From("Côte d Ivoire"));
        Assert.Equal("unnamed", Slug.From("!!!???"));
    }

    [Theory]
    [InlineData("nul\u0000byte", 3)]
    [InlineData("bell\u0007", 4)]
    [InlineData("c1\u0085", 2)]
    [InlineData("fine", -1)]
    public void Control_characters_are_found(string text, int index)
    {
        Assert.Equal(index, ControlCharacters.IndexOf(text));
    }

    [Fact]
    public void Line_breaks_are_allowed_only_where_text_spans_lines()
    {
        Assert.Equal(1, ControlCharacters.IndexOf("a\nb"));
        Assert.Equal(-1, ControlCharacters.IndexOf("a\nb", allowLineBreaks: true));
        Assert.Equal("must not contain control characters; found U+0000 at position 3.", ControlCharacters.Problem("nul\0"));
    }
}
