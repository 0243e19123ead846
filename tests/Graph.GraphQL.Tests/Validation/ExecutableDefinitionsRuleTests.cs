using Graph.GraphQL.Validation;
using Graph.GraphQL.Validation.Rules;
using static Graph.GraphQL.Tests.Validation.ValidationHarness;

namespace Graph.GraphQL.Tests.Validation;

public sealed class ExecutableDefinitionsRuleTests
{
    private static readonly ValidationRuleFactory s_rule = static c => new ExecutableDefinitionsRule(c);

    [Fact]
    public void Operations_and_fragments_are_allowed()
    {
        ExpectValid(s_rule, "query Foo { dog { ...Frag } } fragment Frag on Dog { name }");
    }

    [Fact]
    public void Type_and_schema_definitions_are_reported()
    {
        ExpectErrors(s_rule, """
            query Foo { dog { name } }
            type Cow { name: String }
            extend type Dog { color: String }
            schema { query: QueryRoot }
            """,
            new ExpectedError("The \"Cow\" definition is not executable.", (2, 1)),
            new ExpectedError("The \"Dog\" definition is not executable.", (3, 1)),
            new ExpectedError("The schema definition is not executable.", (4, 1)));
    }
}
