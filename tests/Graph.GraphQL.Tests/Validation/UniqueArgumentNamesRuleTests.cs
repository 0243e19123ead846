using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueArgumentNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueArgumentNamesRule(c);

    [Fact]
    public void Distinct_arguments_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { isAtLocation(x: 1, y: 2) @include(if: true) } }");
    }

    [Fact]
    public void Duplicate_arguments_are_reported_at_every_occurrence()
    {
        ExpectErrors(s_rule, "{ dog { isAtLocation(x: 1, x: 2, x: 3) @skip(if: true, if: false) } }",
            new ExpectedError("There can be only one argument named \"x\".", (1, 22), (1, 28), (1, 34)),
            new ExpectedError("There can be only one argument named \"if\".", (1, 46), (1, 56)));
    }
}
