using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class KnownTypeNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new KnownTypeNamesRule(c);

    [Fact]
    public void Known_types_are_allowed()
    {
        ExpectValid(s_rule, "query Foo($var: String, $required: [Int!]!, $color: FurColor) { dog { ... on Dog { name } ...F } } fragment F on Pet { name }");
    }

    [Fact]
    public void Unknown_types_are_reported_with_suggestions()
    {
        ExpectErrors(s_rule, "query Foo($var: JumbledUpLetters) {\n  dog { ... on Badger { name } ...F }\n}\nfragment F on Peat { name }",
            new ExpectedError("Unknown type \"JumbledUpLetters\".", (1, 17)),
            new ExpectedError("Unknown type \"Badger\".", (2, 16)),
            new ExpectedError("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (4, 15)));
    }
}
