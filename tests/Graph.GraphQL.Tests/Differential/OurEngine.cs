using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// Runs a corpus case through our engine the way run-operations.mjs runs it through graphql-js:
/// parse, validate with the specification's rules, then execute over the kitchen-sink data, and
/// returns the response as JSON ({ errors?, data? }; {} for a valid subscription).
/// </summary>
public static class OurEngine
{
    /// <summary>Runs the case and returns our response.</summary>
    public static Task<JsonElement> RunAsync(ReferenceCase reference)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(reference.Document);
        }
        catch (GraphQLSyntaxError error)
        {
            return Task.FromResult(Errors([error]));
        }

        _ = document;
        throw new NotImplementedException("validation and execution are not merged yet");
    }

    private static JsonElement Errors(IEnumerable<GraphQLError> errors)
    {
        var array = new JsonArray();
        foreach (var error in errors)
        {
            array.Add(ErrorJson(error));
        }

        return JsonSerializer.SerializeToElement(new JsonObject { ["errors"] = array });
    }

    private static JsonObject ErrorJson(GraphQLError error)
    {
        var json = new JsonObject { ["message"] = error.Message };
        if (error.Locations is { Count: > 0 } locations)
        {
            json["locations"] = new JsonArray([.. locations.Select(l => (JsonNode)new JsonObject { ["line"] = l.Line, ["column"] = l.Column })]);
        }

        if (error.Path is { Count: > 0 } path)
        {
            json["path"] = new JsonArray([.. path.Select(p => p is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create((string)p))]);
        }

        return json;
    }
}
