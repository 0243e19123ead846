using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class NoUnusedFragmentsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new NoUnusedFragmentsRule(c);

    [Fact]
    public void Fragments_used_directly_or_through_other_fragments_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");
    }

    [Fact]
    public void Unused_fragments_are_reported_including_ones_only_used_by_unused_ones()
    {
        ExpectErrors(s_rule, "{ dog { name } }\nfragment Unused1 on Dog { ...Unused2 }\nfragment Unused2 on Dog { name }",
            new ExpectedError("Fragment \"Unused1\" is never used.", (2, 1)),
            new ExpectedError("Fragment \"Unused2\" is never used.", (3, 1)));
    }
}
