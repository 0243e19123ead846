using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class KnownDirectivesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new KnownDirectivesRule(c);

    [Fact]
    public void Known_directives_in_their_locations_are_allowed()
    {
        ExpectValid(s_rule, "query Q($v: Int @onVariableDefinition) @onQuery { dog @include(if: true) { name @skip(if: false) ...F @onFragmentSpread ... @onInlineFragment { barks } } } fragment F on Dog @onFragmentDefinition { name }");
    }

    [Fact]
    public void Unknown_directive_is_reported()
    {
        ExpectErrors(s_rule, "{ dog @unknown(directive: \"value\") { name } }",
            new ExpectedError("Unknown directive \"@unknown\".", (1, 7)));
    }

    [Fact]
    public void Directives_in_wrong_locations_are_reported()
    {
        ExpectErrors(s_rule, "query Foo($v: Int @onQuery) @include(if: true) {\n  name @onQuery\n  ...F @onField\n}\nmutation M @onQuery { x }",
            new ExpectedError("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (1, 19)),
            new ExpectedError("Directive \"@include\" may not be used on QUERY.", (1, 29)),
            new ExpectedError("Directive \"@onQuery\" may not be used on FIELD.", (2, 8)),
            new ExpectedError("Directive \"@onField\" may not be used on FRAGMENT_SPREAD.", (3, 8)),
            new ExpectedError("Directive \"@onQuery\" may not be used on MUTATION.", (5, 12)));
    }
}
