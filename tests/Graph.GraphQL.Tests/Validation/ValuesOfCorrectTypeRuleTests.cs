using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class ValuesOfCorrectTypeRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new ValuesOfCorrectTypeRule(c);

    [Theory]
    [InlineData("intArgField(intArg: 2)")]
    [InlineData("intArgField(intArg: -2147483648)")]
    [InlineData("floatArgField(floatArg: 1.1)")]
    [InlineData("floatArgField(floatArg: 1)")]
    [InlineData("stringArgField(stringArg: \"s\")")]
    [InlineData("booleanArgField(booleanArg: true)")]
    [InlineData("enumArgField(enumArg: BROWN)")]
    [InlineData("idArgField(idArg: 1)")]
    [InlineData("idArgField(idArg: \"someIdString\")")]
    [InlineData("intArgField(intArg: null)")]
    [InlineData("stringListArgField(stringListArg: [\"one\", null, \"two\"])")]
    [InlineData("stringListArgField(stringListArg: \"one\")")]
    [InlineData("complexArgField(complexArg: { requiredField: true, intField: 4 })")]
    [InlineData("complexArgField(complexArg: { requiredField: false, stringListField: \"single\" })")]
    [InlineData("oneOfArgField(oneOfArg: { stringField: \"abc\" })")]
    public void Literals_of_the_expected_type_are_allowed(string field)
    {
        ExpectValid(s_rule, "{ complicatedArgs { " + field + " } }");
    }

    [Fact]
    public void Wrong_scalar_literals_are_reported_with_the_scalar_reason()
    {
        ExpectErrors(s_rule, "{ complicatedArgs {\n  intArgField(intArg: \"3\")\n  intArgField(intArg: 829384293849283498239482938)\n  booleanArgField(booleanArg: 2)\n} }",
            new ExpectedError("Expected value of type \"Int\", found \"3\"; Int cannot represent non-integer value: \"3\"", (2, 23)),
            new ExpectedError("Expected value of type \"Int\", found 829384293849283498239482938; Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", (3, 23)),
            new ExpectedError("Expected value of type \"Boolean\", found 2; Boolean cannot represent a non boolean value: 2", (4, 31)));
    }

    [Fact]
    public void Unknown_enum_value_is_reported()
    {
        var errors = Validate(s_rule, "{ complicatedArgs { enumArgField(enumArg: BROWNY) } }");
        var error = Assert.Single(errors);
        Assert.StartsWith("Expected value of type \"FurColor\", found BROWNY;", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Graph.GraphQL.Language.SourceLocation(1, 43), Assert.Single(error.LocationsOrEmpty));
    }

    [Fact]
    public void Null_in_non_null_position_is_reported()
    {
        ExpectErrors(s_rule, "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) stringListNonNullArgField(stringListNonNullArg: [\"a\", null]) } }",
            new ExpectedError("Expected value of type \"Int!\", found null.", (1, 55)),
            new ExpectedError("Expected value of type \"String!\", found null.", (1, 115)));
    }

    [Fact]
    public void Input_object_problems_are_reported()
    {
        ExpectErrors(s_rule, "{ complicatedArgs {\n  complexArgField(complexArg: { intField: 4 })\n  complexArgField(complexArg: { requiredField: true, invalidField: \"value\" })\n  complexArgField(complexArg: \"notAnObject\")\n} }",
            new ExpectedError("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (2, 31)),
            new ExpectedError("Field \"invalidField\" is not defined by type \"ComplexInput\". Did you mean \"intField\"?", (3, 54)),
            new ExpectedError("Expected value of type \"ComplexInput\", found \"notAnObject\".", (4, 31)));
    }

    [Fact]
    public void Object_literal_for_a_scalar_is_reported_without_checking_inside()
    {
        ExpectErrors(s_rule, "{ complicatedArgs { intArgField(intArg: { a: \"x\" }) } }",
            new ExpectedError("Expected value of type \"Int\", found {a: \"x\"}; Int cannot represent non-integer value: {a: \"x\"}", (1, 41)));
    }

    [Fact]
    public void OneOf_input_objects_need_exactly_one_non_null_field()
    {
        ExpectErrors(s_rule, "{ complicatedArgs {\n  oneOfArgField(oneOfArg: { stringField: \"abc\", intField: 123 })\n  oneOfArgField(oneOfArg: { stringField: null })\n} }",
            new ExpectedError("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (2, 27)),
            new ExpectedError("Field \"OneOfInput.stringField\" must be non-null.", (3, 27)));
    }

    [Fact]
    public void Variable_default_values_are_checked()
    {
        ExpectErrors(s_rule, "query Q($a: Int = \"one\", $b: ComplexInput = { intField: 3 }) { __typename }",
            new ExpectedError("Expected value of type \"Int\", found \"one\"; Int cannot represent non-integer value: \"one\"", (1, 19)),
            new ExpectedError("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", (1, 45)));
    }
}
