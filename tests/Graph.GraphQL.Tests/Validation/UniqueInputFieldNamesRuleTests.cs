using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class UniqueInputFieldNamesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new UniqueInputFieldNamesRule(c);

    [Fact]
    public void Distinct_fields_including_in_nested_objects_are_allowed()
    {
        ExpectValid(s_rule, "{ f(arg: { f1: \"v\", f2: { f1: 1 }, f3: [{ f1: 1 }, { f1: 2 }] }) }");
    }

    [Fact]
    public void Duplicate_input_fields_are_reported_against_the_first()
    {
        ExpectErrors(s_rule, "{ f(arg: { f1: \"v\", f1: \"w\", f1: \"x\" }) }",
            new ExpectedError("There can be only one input field named \"f1\".", (1, 12), (1, 21)),
            new ExpectedError("There can be only one input field named \"f1\".", (1, 12), (1, 30)));
    }
}
