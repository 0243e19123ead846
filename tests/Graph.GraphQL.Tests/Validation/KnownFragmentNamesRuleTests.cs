using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class KnownFragmentNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new KnownFragmentNamesRule(c);

    [Fact]
    public void Defined_fragments_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { ...A ... on Dog { ...A } } } fragment A on Dog { name }");
    }

    [Fact]
    public void Unknown_fragment_is_reported_at_its_name()
    {
        ExpectErrors(s_rule, "{ dog { ...UnknownFragment } }",
            new ExpectedError("Unknown fragment \"UnknownFragment\".", (1, 12)));
    }
}
