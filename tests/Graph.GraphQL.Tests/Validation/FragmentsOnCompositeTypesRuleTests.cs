using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class FragmentsOnCompositeTypesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new FragmentsOnCompositeTypesRule(c);

    [Fact]
    public void Object_interface_and_union_conditions_are_allowed()
    {
        ExpectValid(s_rule, "fragment A on Dog { name } fragment B on Pet { name } fragment C on CatOrDog { __typename } fragment D on Dog { ... { name } ... on Pet { name } }");
    }

    [Fact]
    public void Scalar_and_input_conditions_are_reported()
    {
        ExpectErrors(s_rule, "fragment scalarFragment on Boolean { bad }\nfragment inputFragment on ComplexInput { x }\nfragment inline on Dog { ... on String { meowVolume } }",
            new ExpectedError("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (1, 28)),
            new ExpectedError("Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".", (2, 27)),
            new ExpectedError("Fragment cannot condition on non composite type \"String\".", (3, 33)));
    }
}
