using Graph.Extraction.Text;

namespace Graph.Extraction.Tests.Text;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokens_carry_offsets_into_the_text()
    {
        var text = "Iran’s navy seized 3,500 barrels.";
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        Assert.All(tokens, t => Assert.Equal(t.Text, text[t.Start..t.End]));
        Assert.Equal(["Iran", "’s", "navy", "seized", "3,500", "barrels", "."], tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.Possessive, tokens[1].Kind);
        Assert.Equal(TokenKind.Number, tokens[4].Kind);
    }

    [Fact]
    public void Abbreviations_and_hyphenated_words_are_single_tokens()
    {
        var text = "U.S. and N.Korea held high-level talks; Smith-Jones spoke.";
        var words = Tokenizer.Tokenize(text, 0, text.Length).Select(t => t.Text).ToList();
        Assert.Contains("U.S.", words);
        Assert.Contains("N.Korea", words);
        Assert.Contains("high-level", words);
    }

    [Fact]
    public void Two_capitalised_names_joined_by_a_hyphen_split_in_two()
    {
        var text = "the Iran-Iraq border";
        var words = Tokenizer.Tokenize(text, 0, text.Length).Select(t => t.Text).ToList();
        Assert.Equal(["the", "Iran", "-", "Iraq", "border"], words);
    }
}
