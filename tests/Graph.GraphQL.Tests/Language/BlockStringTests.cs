using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Tests.Language;

public sealed class BlockStringTests
{
    [Fact]
    public void Dedent_removes_common_indentation_but_not_from_the_first_line()
    {
        Assert.Equal(["first", "  second", "third"], BlockString.DedentLines(["first", "    second", "  third"]));
    }

    [Fact]
    public void Dedent_drops_leading_and_trailing_blank_lines_only()
    {
        Assert.Equal(["a", "", "b"], BlockString.DedentLines(["", "  ", "  a", "", "  b", "\t", ""]));
    }

    [Fact]
    public void Dedent_of_only_blank_lines_is_empty()
    {
        Assert.Empty(BlockString.DedentLines(["  ", "", "\t"]));
    }

    [Fact]
    public void Dedent_ignores_blank_lines_when_finding_the_common_indent()
    {
        Assert.Equal("a\n\n  b", BlockString.Dedent("\n    a\n \n      b\n"));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData(" leading space", "\"\"\" leading space\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("trailing backslash\\", "\"\"\"\ntrailing backslash\\\n\"\"\"")]
    [InlineData("has \"\"\" triple quotes", "\"\"\"has \\\"\"\" triple quotes\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("first\n  indented", "\"\"\"\nfirst\n  indented\n\"\"\"")]
    [InlineData("   space-led\n  indented", "\"\"\"\n   space-led\n  indented\n\"\"\"")]
    public void Prints_block_strings(string value, string expected)
    {
        Assert.Equal(expected, BlockString.Print(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("simple")]
    [InlineData(" leading space")]
    [InlineData("trailing quote\"")]
    [InlineData("has \"\"\" triple quotes \\\"\"\"")]
    [InlineData("first\n  indented\n\nlast")]
    [InlineData("a very long line that goes on and on and on and on and on and on and on and on and on")]
    public void Printed_block_strings_read_back_to_the_same_value(string value)
    {
        var printed = BlockString.Print(value);
        var node = Assert.IsType<StringValueNode>(Parser.ParseValue(printed));
        Assert.True(node.Block);
        Assert.Equal(value, node.Value);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("simple", true)]
    [InlineData("  leading space is fine on one line", true)]
    [InlineData("\nleading newline", false)]
    [InlineData("trailing newline\n", false)]
    [InlineData("  common\n  indent", false)]
    [InlineData("carriage\rreturn", false)]
    [InlineData("control \u0001 char", false)]
    [InlineData("a\n  b", true)]
    public void Knows_which_strings_print_as_block_strings(string value, bool printable)
    {
        Assert.Equal(printable, BlockString.IsPrintableAsBlockString(value));
    }
}
