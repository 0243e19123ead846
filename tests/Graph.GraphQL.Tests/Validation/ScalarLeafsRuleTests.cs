using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class ScalarLeafsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new ScalarLeafsRule(c);

    [Fact]
    public void Leaves_without_and_objects_with_selections_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { barks name(surname: true) mother { name } } }");
    }

    [Fact]
    public void Object_field_without_selection_is_reported()
    {
        ExpectErrors(s_rule, "{ human { pets } }",
            new ExpectedError("Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (1, 11)));
    }

    [Fact]
    public void Leaf_field_with_selection_is_reported_at_the_selection()
    {
        ExpectErrors(s_rule, "{ dog { barks { sinceWhen } } }",
            new ExpectedError("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 15)));
    }
}
