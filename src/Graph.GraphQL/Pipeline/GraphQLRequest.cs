using System.Text.Json;
using Graph.GraphQL.Utilities;

namespace Graph.GraphQL.Pipeline;

/// <summary>A GraphQL request as sent over HTTP: query text, operation name, variables and extensions.</summary>
public sealed class GraphQLRequest
{
    /// <summary>The document text.</summary>
    public required string Query { get; init; }

    /// <summary>The operation to run when the document has several.</summary>
    public string? OperationName { get; init; }

    /// <summary>Variable values (plain values or JSON elements).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Request extensions (e.g. persisted query hashes), passed through for the host.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>
    /// The id of a persisted (trusted) document the request names instead of, or beside, its text; the host looks it up
    /// and fills <see cref="Query"/> before the pipeline runs.
    /// </summary>
    public string? DocumentId { get; init; }

    /// <summary>The operation types this request may run (e.g. queries only for an HTTP GET); others are refused.</summary>
    public AllowedOperations AllowedOperations { get; init; } = AllowedOperations.All;

    /// <summary>A request whose variables are a JSON object (as read from an HTTP body).</summary>
    public static GraphQLRequest Create(string query, string? operationName, JsonElement variables, JsonElement? extensions = null)
    {
        return new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables.ValueKind == JsonValueKind.Object ? JsonValues.ToDictionary(variables) : null,
            Extensions = extensions is { ValueKind: JsonValueKind.Object } e ? JsonValues.ToDictionary(e) : null,
        };
    }
}
