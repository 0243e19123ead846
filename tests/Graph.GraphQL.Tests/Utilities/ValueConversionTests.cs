using Graph.GraphQL.Language;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Utilities;

public sealed class ValueConversionTests
{
    private static readonly EnumType s_color = new("Color", "RED", "GREEN");
    private static readonly InputObjectType s_point = new("Point", t => t.Field("x", Types.NonNull(Scalars.Float)).Field("color", s_color).Field("tags", Types.List(Scalars.String)));

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789012.0, "123456789012")]
    [InlineData(-0.000001, "-0.000001")]
    public void Numbers_print_like_javascript(double value, string expected) => Assert.Equal(expected, JsNumber.Format(value));

    [Fact]
    public void Inspect_renders_values_like_graphql_js()
    {
        Assert.Equal("{ a: [1, \"b\", null], c: { d: [Object] } }", Inspect.Value(new Dictionary<string, object?>
        {
            ["a"] = new object?[] { 1, "b", null },
            ["c"] = new Dictionary<string, object?> { ["d"] = new Dictionary<string, object?> { ["e"] = 1 } },
        }));
    }

    [Fact]
    public void Ast_from_value_writes_typed_literals()
    {
        var value = new Dictionary<string, object?> { ["x"] = 2.0, ["color"] = "GREEN", ["tags"] = "one" };
        Assert.Equal("{x: 2, color: GREEN, tags: \"one\"}", AstPrinter.Print(AstFromValue.Get(value, s_point)!));
        Assert.Equal("\"7\"", AstPrinter.Print(AstFromValue.Get("7", Scalars.String)!));
        Assert.Equal("7", AstPrinter.Print(AstFromValue.Get("7", Scalars.ID)!));
        Assert.Null(AstFromValue.Get(null, Types.NonNull(Scalars.Int)));
    }

    [Fact]
    public void Value_from_ast_coerces_and_rejects()
    {
        Assert.True(ValueFromAst.TryGetValue(Parser.ParseValue("{x: 1, color: RED}"), s_point, null, out var point));
        Assert.Equal(1.0, ((Dictionary<string, object?>)point!)["x"]);
        Assert.False(ValueFromAst.TryGetValue(Parser.ParseValue("{color: RED}"), s_point, null, out _));
        Assert.False(ValueFromAst.TryGetValue(Parser.ParseValue("BLUE"), s_color, null, out _));
        Assert.True(ValueFromAst.TryGetValue(Parser.ParseValue("[1, $v]"), Types.List(Scalars.Int), new Dictionary<string, object?>(), out var list));
        Assert.Equal([1, null], (List<object?>)list!);
    }
}
