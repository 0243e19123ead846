using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class KnownOperationTypesRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new KnownOperationTypesRule(c);

    [Fact]
    public void Operations_the_schema_supports_are_allowed()
    {
        ExpectValid(s_rule, "query { dog { name } } subscription S { newMessage }");
    }

    [Fact]
    public void Mutation_without_a_mutation_type_is_reported()
    {
        ExpectErrors(s_rule, "mutation M { doSomething }",
            new ExpectedError("The mutation operation is not supported by the schema.", (1, 1)));
    }
}
