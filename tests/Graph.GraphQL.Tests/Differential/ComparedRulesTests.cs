using Graph.GraphQL.Language;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// The differential suite validates with every specified rule but one: MaxIntrospectionDepthRule, a recommendation
/// that tools/graphql-js/run-operations.mjs leaves out as well. This pins that exactly that rule, and no other, is
/// left out of the comparison.
/// </summary>
public sealed class ComparedRulesTests
{
    [Fact]
    public void Only_the_introspection_depth_rule_is_left_out_of_the_comparison()
    {
        var left = SpecifiedRules.All.Except(OurEngine.SpecRules).ToList();
        var excluded = Assert.Single(left);

        var deep = Parser.Parse("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        var error = Assert.Single(Validator.Validate(OurEngine.KitchenSink, deep, [excluded]));
        Assert.Contains("introspection", error.Message, StringComparison.OrdinalIgnoreCase);

        var shallow = Parser.Parse("{ __schema { types { name fields { name } } } }");
        Assert.Empty(Validator.Validate(OurEngine.KitchenSink, shallow, [excluded]));
        Assert.Equal(SpecifiedRules.All.Count - 1, OurEngine.SpecRules.Count);
    }
}
