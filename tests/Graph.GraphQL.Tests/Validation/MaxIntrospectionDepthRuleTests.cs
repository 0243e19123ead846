using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class MaxIntrospectionDepthRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new MaxIntrospectionDepthRule(c);

    [Fact]
    public void Normal_introspection_query_is_allowed()
    {
        ExpectValid(s_rule, "{ __schema { types { fields { type { fields { name } } } } } }");
    }

    [Fact]
    public void Deeply_nested_introspection_lists_are_reported()
    {
        ExpectErrors(s_rule, "{\n  __schema { types { fields { type { fields { type { fields { name } } } } } } }\n}",
            new ExpectedError("Maximum introspection depth exceeded", (2, 3)));
    }

    [Fact]
    public void Depth_counts_through_fragments()
    {
        ExpectErrors(s_rule, "{ __type(name: \"Dog\") { ...F } }\nfragment F on __Type { interfaces { possibleTypes { inputFields { name } } } }",
            new ExpectedError("Maximum introspection depth exceeded", (1, 3)));
    }
}
