using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Tests.Language;

public sealed class AstPrinterTests
{
    private static string Reprint(string text) => AstPrinter.Print(Parser.Parse(text));

    [Fact]
    public void Prints_a_minimal_query_in_short_form()
    {
        Assert.Equal("{\n  id\n  name\n}", Reprint("query { id, name }"));
    }

    [Fact]
    public void Keeps_query_keyword_when_there_are_directives_or_variables()
    {
        Assert.Equal("query @dir {\n  id\n}", Reprint("query @dir { id }"));
        Assert.Equal("query ($foo: TestType) @dir {\n  id\n}", Reprint("query ($foo: TestType) @dir { id }"));
        Assert.Equal("mutation {\n  id\n}", Reprint("mutation { id }"));
    }

    [Fact]
    public void Prints_variable_definitions_with_defaults_and_directives()
    {
        Assert.Equal(
            "query Q($a: Int = 1 @dir, $b: [String!]! @dir(x: 1)) {\n  f(a: $a)\n}",
            Reprint("query Q($a:Int=1@dir $b:[String!]!@dir(x:1)){f(a:$a)}"));
    }

    [Fact]
    public void Wraps_field_arguments_when_the_line_passes_eighty_characters()
    {
        var printed = Reprint("{ trip(wheelchair: false, arriveBy: false, includePlannedCancellations: true, transitDistanceReluctance: 2000) { dateTime } }");
        Assert.Equal(
            "{\n  trip(\n    wheelchair: false\n    arriveBy: false\n    includePlannedCancellations: true\n    transitDistanceReluctance: 2000\n  ) {\n    dateTime\n  }\n}",
            printed);
    }

    [Fact]
    public void Prints_the_query_kitchen_sink_canonically()
    {
        var printed = AstPrinter.Print(Parser.Parse(KitchenSink.Query));
        Assert.Contains("query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {", printed, StringComparison.Ordinal);
        Assert.Contains("    whoever123is: node(id: [123, 456]) {", printed.Replace("\n  ", "\n    ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("... on User @onInlineFragment {", printed, StringComparison.Ordinal);
        Assert.Contains("fragment frag on Friend @onFragmentDefinition {", printed, StringComparison.Ordinal);
        Assert.Contains("{\n  unnamed(truthy: true, falsy: false, nullish: null)\n  query\n}", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(KitchenSink.Query))]
    [InlineData(nameof(KitchenSink.Schema))]
    public void Printing_is_stable_and_round_trips_the_tree(string which)
    {
        var text = which == nameof(KitchenSink.Query) ? KitchenSink.Query : KitchenSink.Schema;
        var first = Parser.Parse(text, new ParserOptions { NoLocation = true });
        var printed = AstPrinter.Print(first);
        var second = Parser.Parse(printed, new ParserOptions { NoLocation = true });
        AstAssert.Equal(first, second);
        Assert.Equal(printed, AstPrinter.Print(second));
    }

    [Fact]
    public void Prints_the_schema_kitchen_sink_with_descriptions_and_block_strings()
    {
        var printed = AstPrinter.Print(Parser.Parse(KitchenSink.Schema));
        Assert.StartsWith("\"\"\"\nThis is a description\nof the `Foo` type.\n\"\"\"\ntype Foo implements Bar & Baz & Two {\n  \"Description of the `one` field.\"\n  one: Type\n", printed, StringComparison.Ordinal);
        Assert.Contains("  \"\"\"This is a description of the `two` field.\"\"\"\n  two(\n    \"\"\"This is a description of the `argument` argument.\"\"\"\n    argument: InputType!\n  ): Type\n", printed, StringComparison.Ordinal);
        Assert.Contains("  five(argument: [String] = [\"string\", \"string\"]): String\n", printed, StringComparison.Ordinal);
        Assert.Contains("  six(argument: InputType = {key: \"value\"}): Type\n", printed, StringComparison.Ordinal);
        Assert.Contains("union Feed = Story | Article | Advert", printed, StringComparison.Ordinal);
        Assert.Contains("directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE", printed, StringComparison.Ordinal);
        Assert.Contains("extend schema @onSchema {\n  subscription: SubscriptionType\n}", printed, StringComparison.Ordinal);
        Assert.Contains("type UndefinedType\n", printed, StringComparison.Ordinal);
        Assert.Contains("input InputType {\n  key: String!\n  answer: Int = 42\n}", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_descriptions_of_executable_definitions()
    {
        var printed = Reprint("\"Op\" query Q(\"var\" $a: Int) { f } \"Frag\" fragment F on T { f }");
        Assert.Equal("\"Op\"\nquery Q(\"var\" $a: Int) {\n  f\n}\n\n\"Frag\"\nfragment F on T {\n  f\n}", printed);
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("hello", "\"hello\"")]
    [InlineData("quote \" and \\ backslash", "\"quote \\\" and \\\\ backslash\"")]
    [InlineData("\n\t\r\b\f", "\"\\n\\t\\r\\b\\f\"")]
    [InlineData("\u0000\u001F\u007F\u009F", "\"\\u0000\\u001F\\u007F\\u009F\"")]
    [InlineData("\u00A0 and \U0001F600", "\"\u00A0 and \U0001F600\"")]
    public void Prints_strings_with_escapes(string value, string expected)
    {
        Assert.Equal(expected, AstPrinter.PrintString(value));
    }

    [Fact]
    public void Printed_strings_read_back_to_the_same_value()
    {
        var value = "a\"b\\c\nd\u0001e\u2028f\U0001F600";
        var node = Assert.IsType<StringValueNode>(Parser.ParseValue(AstPrinter.PrintString(value)));
        Assert.Equal(value, node.Value);
    }

    [Fact]
    public void Node_to_string_prints_the_node()
    {
        var value = Parser.ParseValue("{a: [1, 2.5, \"x\", ENUM, null, $v]}");
        Assert.Equal("{a: [1, 2.5, \"x\", ENUM, null, $v]}", value.ToString());
        Assert.Equal("[Int!]!", Parser.ParseType("[ Int ! ] !").ToString());
    }
}
