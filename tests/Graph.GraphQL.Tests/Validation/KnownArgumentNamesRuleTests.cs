using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class KnownArgumentNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new KnownArgumentNamesRule(c);

    [Fact]
    public void Known_field_and_directive_arguments_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { doesKnowCommand(dogCommand: SIT) name(surname: true) @skip(if: false) } }");
    }

    [Fact]
    public void Unknown_field_argument_is_reported_with_suggestions()
    {
        ExpectErrors(s_rule, "{ dog { doesKnowCommand(dogcommand: SIT) } }",
            new ExpectedError("Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (1, 25)));
    }

    [Fact]
    public void Unknown_directive_argument_is_reported_once_as_a_directive_argument()
    {
        ExpectErrors(s_rule, "{ dog { name @skip(iff: true) } }",
            new ExpectedError("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 20)));
    }
}
