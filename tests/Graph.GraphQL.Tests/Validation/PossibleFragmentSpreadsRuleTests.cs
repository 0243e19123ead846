using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class PossibleFragmentSpreadsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new PossibleFragmentSpreadsRule(c);

    [Fact]
    public void Spreads_whose_types_can_overlap_are_allowed()
    {
        ExpectValid(s_rule, "fragment A on Dog { ... on Pet { name } ... on CatOrDog { __typename } ...B } fragment B on Being { name } fragment C on Pet { ... on Dog { barks } } fragment D on HumanOrAlien { ... on Intelligent { iq } }");
    }

    [Fact]
    public void Object_into_different_object_is_reported()
    {
        ExpectErrors(s_rule, "fragment A on Dog { ...B }\nfragment B on Cat { meows }",
            new ExpectedError("Fragment \"B\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", (1, 21)));
    }

    [Fact]
    public void Inline_fragment_of_a_type_outside_the_union_is_reported()
    {
        ExpectErrors(s_rule, "fragment A on CatOrDog { ... on Human { name } }",
            new ExpectedError("Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"Human\".", (1, 26)));
    }

    [Fact]
    public void Disjoint_abstract_types_are_reported()
    {
        ExpectErrors(s_rule, "fragment A on Pet { ... on HumanOrAlien { __typename } }",
            new ExpectedError("Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"HumanOrAlien\".", (1, 21)));
    }
}
