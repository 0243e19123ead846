using Graph.GraphQL.Language;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Tests.Type;

public sealed class ScalarTests
{
    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(true, 1)]
    [InlineData(2147483647L, 2147483647)]
    public void Int_serializes_integral_values(object input, int expected) => Assert.Equal(expected, Scalars.Int.Serialize(input));

    [Theory]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData(2147483648L, "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("x", "Int cannot represent non-integer value: \"x\"")]
    public void Int_refuses_other_values(object input, string message) =>
        Assert.Equal(message, Assert.Throws<ScalarCoercionException>(() => Scalars.Int.Serialize(input)).Message);

    [Fact]
    public void Literals_are_checked_per_scalar()
    {
        Assert.Equal(42, Scalars.Int.ParseLiteral(Parser.ParseValue("42")));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 99999999999", Assert.Throws<ScalarCoercionException>(() => Scalars.Int.ParseLiteral(Parser.ParseValue("99999999999"))).Message);
        Assert.Equal(1.5, Scalars.Float.ParseLiteral(Parser.ParseValue("1.5")));
        Assert.Equal(3.0, Scalars.Float.ParseLiteral(Parser.ParseValue("3")));
        Assert.Equal("7", Scalars.ID.ParseLiteral(Parser.ParseValue("7")));
        Assert.Equal("String cannot represent a non string value: 7", Assert.Throws<ScalarCoercionException>(() => Scalars.String.ParseLiteral(Parser.ParseValue("7"))).Message);
        Assert.Equal("Boolean cannot represent a non boolean value: \"true\"", Assert.Throws<ScalarCoercionException>(() => Scalars.Boolean.ParseValue("true")).Message);
        Assert.Equal("ID cannot represent value: 1.5", Assert.Throws<ScalarCoercionException>(() => Scalars.ID.ParseValue(1.5)).Message);
    }

    [Fact]
    public void Clr_enums_map_to_constant_case_values()
    {
        var type = EnumType.FromEnum<DayOfWeek>("Day");
        Assert.Equal("MONDAY", type.Serialize(DayOfWeek.Monday));
        Assert.Equal(DayOfWeek.Friday, type.ParseValue("FRIDAY"));
        Assert.Equal("Value \"FRYDAY\" does not exist in \"Day\" enum. Did you mean the enum value \"FRIDAY\", \"MONDAY\", or \"SUNDAY\"?", Assert.Throws<ScalarCoercionException>(() => type.ParseValue("FRYDAY")).Message);
    }
}
