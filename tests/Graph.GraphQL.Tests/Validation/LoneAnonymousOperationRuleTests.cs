using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class LoneAnonymousOperationRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new LoneAnonymousOperationRule(c);

    [Fact]
    public void One_anonymous_operation_with_fragments_is_allowed()
    {
        ExpectValid(s_rule, "{ dog { ...F } } fragment F on Dog { name }");
    }

    [Fact]
    public void Each_anonymous_operation_among_several_is_reported()
    {
        ExpectErrors(s_rule, "{ dog { name } }\n{ cat { name } }\nquery Named { dog { name } }",
            new ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)),
            new ExpectedError("This anonymous operation must be the only defined operation.", (2, 1)));
    }
}
