using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueFragmentNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueFragmentNamesRule(c);

    [Fact]
    public void Distinct_fragment_names_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }");
    }

    [Fact]
    public void Repeated_fragment_name_is_reported_at_both_names()
    {
        ExpectErrors(s_rule, "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }",
            new ExpectedError("There can be only one fragment named \"A\".", (2, 10), (3, 10)));
    }
}
