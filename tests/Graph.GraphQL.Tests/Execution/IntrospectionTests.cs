using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Tests.Execution;

public sealed class IntrospectionTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Utilities", "Fixtures", name));

    [Fact]
    public async Task Full_introspection_matches_graphql_js_except_built_in_descriptions()
    {
        // Expected: graphql-js 16.11 result for the same schema and query, with the descriptions of built-in types and
        // directives blanked (their wording is graphql-js's own text, which this engine does not copy).
        var schema = BuildSchema.FromSdl(Fixture("kitchen-sink.graphql"));
        var result = await new RequestExecutor(schema).ExecuteAsync(new GraphQLRequest { Query = Fixture("introspection-query.graphql") }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.Errors);

        var actual = JsonNode.Parse(result.ToJson())!;
        BlankBuiltInDescriptions(actual["data"]!["__schema"]!);
        var expected = JsonNode.Parse(Fixture("kitchen-sink.introspection.json"))!;
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    [Fact]
    public async Task Type_meta_field_and_deprecation_filtering()
    {
        var schema = BuildSchema.FromSdl(Fixture("kitchen-sink.graphql"));
        var json = await Run.Json(schema, """
            {
              kind: __type(name: "Kind") { enumValues { name } all: enumValues(includeDeprecated: true) { name isDeprecated } }
              filter: __type(name: "Filter") { inputFields { name } isOneOf }
              pick: __type(name: "Pick") { isOneOf }
              date: __type(name: "Date") { specifiedByURL }
              missing: __type(name: "Nope") { name }
            }
            """);
        Assert.Equal(
            """{"data":{"kind":{"enumValues":[{"name":"PERSON"},{"name":"PLACE"}],"all":[{"name":"PERSON","isDeprecated":false},{"name":"PLACE","isDeprecated":false},{"name":"THING","isDeprecated":true}]},"filter":{"inputFields":[{"name":"text"},{"name":"kinds"},{"name":"nested"},{"name":"ratio"}],"isOneOf":false},"pick":{"isOneOf":true},"date":{"specifiedByURL":"https://example.com/date"},"missing":null}}""",
            json);
    }

    private static void BlankBuiltInDescriptions(JsonNode schema)
    {
        string[] scalars = ["String", "Int", "Float", "Boolean", "ID"];
        string[] directives = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];
        foreach (var type in schema["types"]!.AsArray())
        {
            var name = (string)type!["name"]!;
            if (!name.StartsWith("__", StringComparison.Ordinal) && !scalars.Contains(name))
            {
                continue;
            }

            type["description"] = null;
            foreach (var field in type["fields"]?.AsArray() ?? [])
            {
                field!["description"] = null;
                foreach (var arg in field["args"]!.AsArray())
                {
                    arg!["description"] = null;
                }
            }

            foreach (var value in type["enumValues"]?.AsArray() ?? [])
            {
                value!["description"] = null;
            }
        }

        foreach (var directive in schema["directives"]!.AsArray())
        {
            if (directives.Contains((string)directive!["name"]!))
            {
                directive["description"] = null;
                foreach (var arg in directive["args"]!.AsArray())
                {
                    arg!["description"] = null;
                }
            }
        }
    }
}
