using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class VariablesAreInputTypesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new VariablesAreInputTypesRule(c);

    [Fact]
    public void Input_types_are_allowed()
    {
        ExpectValid(s_rule, "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput, $d: FurColor) { dog { name } }");
    }

    [Fact]
    public void Output_types_are_reported_at_the_type()
    {
        ExpectErrors(s_rule, "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }",
            new ExpectedError("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
            new ExpectedError("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (1, 24)),
            new ExpectedError("Variable \"$c\" cannot be non-input type \"Pet\".", (1, 44)));
    }
}
