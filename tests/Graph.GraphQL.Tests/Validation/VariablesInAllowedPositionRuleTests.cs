using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class VariablesInAllowedPositionRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new VariablesInAllowedPositionRule(c);

    [Theory]
    [InlineData("($x: Boolean) { dog { isHouseTrained(atOtherHomes: $x) } }")]
    [InlineData("($x: Boolean!) { dog { isHouseTrained(atOtherHomes: $x) } }")]
    [InlineData("($x: Int!) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }")]
    [InlineData("($x: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $x) } }")]
    [InlineData("($x: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $x) } }")]
    [InlineData("($x: [String!]) { complicatedArgs { stringListArgField(stringListArg: $x) } }")]
    [InlineData("($x: String) { complicatedArgs { stringListArgField(stringListArg: [$x]) } }")]
    [InlineData("($x: Boolean!) { dog @include(if: $x) { name } }")]
    [InlineData("($x: String!) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $x }) } }")]
    public void Compatible_variable_types_are_allowed(string operation)
    {
        ExpectValid(s_rule, "query Q" + operation);
    }

    [Fact]
    public void Nullable_variable_in_non_null_position_is_reported_at_definition_and_use()
    {
        ExpectErrors(s_rule, "query Q($intArg: Int) {\n  complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) }\n}",
            new ExpectedError("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (2, 55)));
    }

    [Fact]
    public void Use_inside_a_fragment_is_reported()
    {
        ExpectErrors(s_rule, "query Q($x: String) { ...F }\nfragment F on QueryRoot { dog { isHouseTrained(atOtherHomes: $x) } }",
            new ExpectedError("Variable \"$x\" of type \"String\" used in position expecting type \"Boolean\".", (1, 9), (2, 62)));
    }

    [Fact]
    public void List_and_item_mismatches_are_reported()
    {
        ExpectErrors(s_rule, "query Q($list: [String], $item: String) {\n  complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $list) stringArgField(stringArg: $list) }\n  dog @include(if: $item) { name }\n}",
            new ExpectedError("Variable \"$list\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 9), (2, 69)),
            new ExpectedError("Variable \"$list\" of type \"[String]\" used in position expecting type \"String\".", (1, 9), (2, 102)),
            new ExpectedError("Variable \"$item\" of type \"String\" used in position expecting type \"Boolean!\".", (1, 26), (3, 20)));
    }

    [Fact]
    public void Nullable_variable_for_a_oneOf_field_is_reported()
    {
        ExpectErrors(s_rule, "query ($string: String) {\n  complicatedArgs { oneOfArgField(oneOfArg: { stringField: $string }) }\n}",
            new ExpectedError("Variable \"$string\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 8), (2, 60)));
    }
}
