using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class NoUndefinedVariablesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new NoUndefinedVariablesRule(c);

    [Fact]
    public void Variables_defined_by_the_operation_are_allowed_in_fragments()
    {
        ExpectValid(s_rule, "query Foo($a: String) { ...F } fragment F on QueryRoot { human(id: $a) { name } }");
    }

    [Fact]
    public void Undefined_variables_are_reported_with_the_operation()
    {
        ExpectErrors(s_rule, "query Foo($a: String) {\n  ...F\n}\nfragment F on QueryRoot { human(id: $b) { name } }\n{ dog { isAtLocation(x: $x) } }",
            new ExpectedError("Variable \"$b\" is not defined by operation \"Foo\".", (4, 37), (1, 1)),
            new ExpectedError("Variable \"$x\" is not defined.", (5, 25), (5, 1)));
    }
}
