using Graph.GraphQL.Error;
using Graph.GraphQL.Language;

namespace Graph.GraphQL.Tests.Language;

public sealed class LexerTests
{
    private static Token LexOne(string text)
    {
        var lexer = new Lexer(new Source(text));
        return lexer.Advance();
    }

    private static GraphQLSyntaxError LexError(string text)
    {
        return Assert.Throws<GraphQLSyntaxError>(() =>
        {
            var lexer = new Lexer(new Source(text));
            while (lexer.Advance().Kind != TokenKind.EndOfFile)
            {
            }
        });
    }

    private static void AssertError(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.LocationsOrEmpty));
    }

    [Fact]
    public void Skips_whitespace_commas_comments_and_byte_order_mark()
    {
        var text = "\uFEFF\n\n    ,, # comment\r\n\t foo # trailing\n";
        var token = LexOne(text);
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("foo", token.GetText(text).ToString());
        Assert.Equal(new SourceLocation(4, 3), new Source(text).GetLocation(token.Start));
    }

    [Fact]
    public void Reads_every_punctuator_without_a_value()
    {
        var lexer = new Lexer(new Source("! $ & ( ) ... : = @ [ ] { | }"));
        var kinds = new List<TokenKind>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.EndOfFile; token = lexer.Advance())
        {
            Assert.Null(token.Value);
            kinds.Add(token.Kind);
        }

        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Amp, TokenKind.ParenL, TokenKind.ParenR, TokenKind.Spread, TokenKind.Colon,
             TokenKind.Equals, TokenKind.At, TokenKind.BracketL, TokenKind.BracketR, TokenKind.BraceL, TokenKind.Pipe, TokenKind.BraceR],
            kinds);
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("9876543210123456789", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E-4", TokenKind.Float)]
    [InlineData("-1.123e+4", TokenKind.Float)]
    public void Reads_numbers_as_source_text(string text, TokenKind kind)
    {
        var token = LexOne(text);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, token.GetText(text).ToString());
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("+1", "Unexpected character: \"+\".", 1, 1)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData(".123", "Unexpected character: \".\".", 1, 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 1, 2)]
    [InlineData("1.0e\"", "Invalid number, expected digit but got: '\"'.", 1, 5)]
    [InlineData("1.2.3", "Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("1_234", "Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("0xF1", "Invalid number, expected digit but got: \"x\".", 1, 2)]
    public void Reports_bad_numbers_at_the_offending_character(string text, string message, int line, int column)
    {
        AssertError(text, message, line, column);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\"", "unicode \u1234\u5678")]
    [InlineData("\"emoji \\u{1F600}\"", "emoji \U0001F600")]
    [InlineData("\"pair \\uD83D\\uDE00\"", "pair \U0001F600")]
    [InlineData("\"literal \U0001F600\"", "literal \U0001F600")]
    [InlineData("\"\\u{0}\"", "\0")]
    public void Decodes_string_escapes(string text, string expected)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"no end quote", "Unterminated string.", 1, 14)]
    [InlineData("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"multi\rline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".", 1, 6)]
    [InlineData("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".", 1, 6)]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"bad \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 6)]
    [InlineData("\"bad \\uD83D esc\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 6)]
    [InlineData("\"bad \\uDE00 esc\"", "Invalid Unicode escape sequence: \"\\uDE00\".", 1, 6)]
    [InlineData("\"bad \\u{D83D} esc\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".", 1, 6)]
    public void Reports_bad_strings(string text, string message, int line, int column)
    {
        AssertError(text, message, line, column);
    }

    [Fact]
    public void Block_string_is_dedented_and_blank_edge_lines_removed()
    {
        var text = "\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \n\"\"\"";
        var token = LexOne(text);
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", token.Value);
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    rest\"\"\"", "  first line keeps its indent\nrest")]
    public void Reads_block_strings(string text, string expected)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Fact]
    public void Block_string_tracks_lines_for_following_tokens()
    {
        var text = "\"\"\"\nline\nline\n\"\"\" name";
        var lexer = new Lexer(new Source(text));
        lexer.Advance();
        var name = lexer.Advance();
        Assert.Equal(new SourceLocation(4, 5), new Source(text).GetLocation(name.Start));
    }

    [Theory]
    [InlineData("\"\"\"", "Unterminated string.", 1, 4)]
    [InlineData("\"\"\"no end quote", "Unterminated string.", 1, 16)]
    public void Reports_bad_block_strings(string text, string message, int line, int column)
    {
        AssertError(text, message, line, column);
    }

    [Theory]
    [InlineData("..", "Unexpected character: \".\".", 1, 1)]
    [InlineData("~", "Unexpected character: \"~\".", 1, 1)]
    [InlineData("\u00AA", "Unexpected character: U+00AA.", 1, 1)]
    [InlineData("\u0007", "Unexpected character: U+0007.", 1, 1)]
    [InlineData("\U0001F600", "Unexpected character: U+1F600.", 1, 1)]
    [InlineData("\n\n   ?", "Unexpected character: \"?\".", 3, 4)]
    public void Reports_unexpected_characters(string text, string message, int line, int column)
    {
        AssertError(text, message, line, column);
    }

    [Fact]
    public void Number_followed_by_non_ascii_letter_ends_before_it()
    {
        var error = LexError("1\u00F6");
        Assert.Equal("Syntax Error: Unexpected character: U+00F6.", error.Message);
    }

    [Fact]
    public void Lone_surrogates_are_rejected_everywhere()
    {
        var lone = ((char)0xDEAD).ToString();
        AssertError(lone, "Invalid character: U+DEAD.", 1, 1);
        AssertError("\"lone " + lone + " surrogate\"", "Invalid character within String: U+DEAD.", 1, 7);
        AssertError("\"\"\"block " + lone + "\"\"\"", "Invalid character within String: U+DEAD.", 1, 10);
        AssertError("# comment " + lone, "Invalid character: U+DEAD.", 1, 11);
    }

    [Fact]
    public void Error_positions_count_lines_ended_by_carriage_returns()
    {
        AssertError("a\r\nb\rc\n  ~", "Unexpected character: \"~\".", 4, 3);
    }

    [Fact]
    public void Lookahead_does_not_move_the_lexer()
    {
        var text = "a b";
        var lexer = new Lexer(new Source(text));
        lexer.Advance();
        var next = lexer.Lookahead();
        Assert.Equal("b", next.GetText(text).ToString());
        Assert.Equal("a", lexer.Token.GetText(text).ToString());
    }

    [Fact]
    public void Repeats_end_of_file_after_the_last_token()
    {
        var lexer = new Lexer(new Source("a"));
        lexer.Advance();
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }
}
