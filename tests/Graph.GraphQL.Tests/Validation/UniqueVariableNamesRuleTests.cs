using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueVariableNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueVariableNamesRule(c);

    [Fact]
    public void Distinct_variables_are_allowed()
    {
        ExpectValid(s_rule, "query A($x: Int, $y: String) { __typename } query B($x: String) { __typename }");
    }

    [Fact]
    public void Duplicates_are_reported_once_per_name_at_every_occurrence()
    {
        ExpectErrors(s_rule, "query A($x: Int, $x: Int, $x: String, $y: Int, $y: Int) { __typename }",
            new ExpectedError("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)),
            new ExpectedError("There can be only one variable named \"$y\".", (1, 40), (1, 49)));
    }
}
