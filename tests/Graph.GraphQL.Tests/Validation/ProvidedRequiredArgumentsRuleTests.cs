using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class ProvidedRequiredArgumentsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new ProvidedRequiredArgumentsRule(c);

    [Fact]
    public void Required_arguments_given_and_defaults_left_out_are_allowed()
    {
        ExpectValid(s_rule, "{ complicatedArgs { multipleReqs(req1: 1, req2: 2) nonNullFieldWithDefault multipleOpts } dog { name @include(if: true) } }");
        ExpectValid(s_rule, "{ dog { unknownField(x: 1) } }");
    }

    [Fact]
    public void Missing_field_arguments_are_reported_at_the_field()
    {
        ExpectErrors(s_rule, "{ complicatedArgs { multipleReqs(req2: 2) } }",
            new ExpectedError("Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", (1, 21)));
    }

    [Fact]
    public void Missing_directive_arguments_are_reported_at_the_directive()
    {
        ExpectErrors(s_rule, "{ dog @include { name @required } }",
            new ExpectedError("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 7)),
            new ExpectedError("Directive \"@required\" argument \"arg1\" of type \"Int!\" is required, but it was not provided.", (1, 23)));
    }
}
