using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class FieldsOnCorrectTypeRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new FieldsOnCorrectTypeRule(c);

    [Fact]
    public void Defined_fields_aliases_and_typename_are_allowed()
    {
        ExpectValid(s_rule, "{ dog { name tn: __typename alias: barks } catOrDog { __typename ... on Cat { meows } } __schema { types { name } } }");
    }

    [Fact]
    public void Unknown_field_is_reported_with_field_suggestions()
    {
        ExpectErrors(s_rule, "{ dog { meowVolume } }",
            new ExpectedError("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 9)));
    }

    [Fact]
    public void Field_on_abstract_type_suggests_inline_fragments_on_the_types_that_have_it()
    {
        ExpectErrors(s_rule, "{ pet { meows } being { numEyes } }",
            new ExpectedError("Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?", (1, 9)),
            new ExpectedError("Cannot query field \"numEyes\" on type \"Being\". Did you mean to use an inline fragment on \"Alien\"?", (1, 25)));
    }

    [Fact]
    public void Field_on_union_is_reported()
    {
        ExpectErrors(s_rule, "{ catOrDog { name } }",
            new ExpectedError("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (1, 14)));
    }
}
