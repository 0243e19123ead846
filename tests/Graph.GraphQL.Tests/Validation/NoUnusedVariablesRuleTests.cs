using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class NoUnusedVariablesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new NoUnusedVariablesRule(c);

    [Fact]
    public void Variables_used_anywhere_including_fragments_are_allowed()
    {
        ExpectValid(s_rule, "query Foo($a: ID, $b: Boolean) { human(id: $a) { name } ...F } fragment F on QueryRoot { dog { isHouseTrained(atOtherHomes: $b) } }");
    }

    [Fact]
    public void Unused_variables_are_reported_at_their_definitions()
    {
        ExpectErrors(s_rule, "query Foo($a: ID, $b: String) { human(id: $a) { name } }\nquery ($c: Int) { __typename }",
            new ExpectedError("Variable \"$b\" is never used in operation \"Foo\".", (1, 19)),
            new ExpectedError("Variable \"$c\" is never used.", (2, 8)));
    }
}
