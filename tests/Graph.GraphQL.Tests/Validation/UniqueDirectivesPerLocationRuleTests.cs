using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueDirectivesPerLocationRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueDirectivesPerLocationRule(c);

    [Fact]
    public void Different_and_repeatable_directives_are_allowed()
    {
        ExpectValid(s_rule, "{ dog @include(if: true) @skip(if: false) { name @repeatable @repeatable } }");
        ExpectValid(s_rule, "{ dog @include(if: true) { name @include(if: true) } }");
    }

    [Fact]
    public void Repeated_non_repeatable_directive_is_reported_against_the_first()
    {
        ExpectErrors(s_rule, "fragment F on Dog { name @skip(if: true) @skip(if: true) @skip(if: false) }",
            new ExpectedError("The directive \"@skip\" can only be used once at this location.", (1, 26), (1, 42)),
            new ExpectedError("The directive \"@skip\" can only be used once at this location.", (1, 26), (1, 58)));
    }
}
