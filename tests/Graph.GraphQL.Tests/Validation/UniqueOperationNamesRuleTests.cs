using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueOperationNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueOperationNamesRule(c);

    [Fact]
    public void Distinct_names_and_one_anonymous_operation_are_allowed()
    {
        ExpectValid(s_rule, "query Foo { dog { name } } mutation Bar { dog { name } } fragment Foo on Dog { name }");
        ExpectValid(s_rule, "{ dog { name } }");
    }

    [Fact]
    public void Repeated_name_is_reported_at_both_names_even_across_operation_kinds()
    {
        ExpectErrors(s_rule, "query Foo { dog { name } }\nmutation Foo { dog { name } }",
            new ExpectedError("There can be only one operation named \"Foo\".", (1, 7), (2, 10)));
    }
}
