using System.Text.Json;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language;
using Graph.GraphQL.Tests.Differential;
using Graph.GraphQL.Type;
using Graph.GraphQL.Utilities;
using Graph.GraphQL.Validation;

namespace Graph.GraphQL.Tests.Conformance;

/// <summary>
/// Our introspection of the kitchen-sink schema, checked by graphql-js (tools/graphql-js/check-introspection.mjs):
/// buildClientSchema and assertValidSchema accept it, printSchema of it equals our SDL printer's
/// output byte for byte, and each printed definition equals graphql-js's own for kitchen-sink.graphql.
/// </summary>
public sealed class IntrospectionConformanceTests
{
    [Fact]
    public Task Full_introspection_is_accepted_by_graphql_js_and_prints_as_our_sdl_printer_prints() =>
        CheckAsync(OurEngine.KitchenSink);

    [Fact]
    public Task Schema_built_from_sdl_introspects_and_prints_as_graphql_js_expects() =>
        CheckAsync(OurEngine.KitchenSinkFromSdl);

    private static async Task CheckAsync(GraphQLSchema schema)
    {
        var (_, query) = GraphQLJs.Run("check-introspection.mjs", ["--print-query"]);
        var document = Parser.Parse(query);
        Assert.Empty(Validator.Validate(schema, document));
        var result = await Executor.ExecuteAsync(new ExecutionArgs { Schema = schema, Document = document });

        var directory = Directory.CreateTempSubdirectory("graph-introspection-");
        try
        {
            var introspectionPath = Path.Combine(directory.FullName, "introspection.json");
            var sdlPath = Path.Combine(directory.FullName, "schema.graphql");
            await File.WriteAllTextAsync(introspectionPath, result.ToJson(), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(sdlPath, SchemaPrinter.Print(schema), TestContext.Current.CancellationToken);

            var (exitCode, output) = GraphQLJs.Run("check-introspection.mjs", [introspectionPath, sdlPath], allowFailure: true);

            using var report = JsonDocument.Parse(output);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.True(exitCode == 0 && problems.Count == 0,
                $"graphql-js found {problems.Count} problem(s) with our introspection:\n\n" + string.Join("\n\n", problems));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
