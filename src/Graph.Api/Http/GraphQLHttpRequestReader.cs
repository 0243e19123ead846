using System.Buffers;
using System.IO.Pipelines;
using System.Text.Unicode;
using System.Text.Json;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Utilities;
using Microsoft.AspNetCore.Http;

namespace Graph.Api.Http;

/// <summary>A request the endpoint refuses before GraphQL sees it: the HTTP status and what was wrong.</summary>
public sealed record HttpRequestProblem(int Status, string Message, string? Allow = null);

/// <summary>
/// Reads a GraphQL-over-HTTP request: a JSON POST body (<c>query</c>, <c>operationName</c>, <c>variables</c>,
/// <c>extensions</c>) or GET query parameters (variables and extensions as JSON text), with a size limit. Anything
/// malformed is a <see cref="HttpRequestProblem"/> that says what was wrong and what is allowed.
/// </summary>
public static class GraphQLHttpRequestReader
{
    /// <summary>Reads the request, or returns the problem with it.</summary>
    public static async Task<(GraphQLRequest? Request, HttpRequestProblem? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return ReadGet(request, maxBytes);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, new HttpRequestProblem(StatusCodes.Status405MethodNotAllowed, $"Method {request.Method} is not allowed at /graphql: use POST (any operation) or GET (queries only).", "GET, POST"));
        }

        if (!IsJsonContentType(request.ContentType, out var charsetProblem))
        {
            return (null, new HttpRequestProblem(StatusCodes.Status415UnsupportedMediaType, charsetProblem ?? $"POST bodies must be JSON: send 'Content-Type: application/json' (got '{request.ContentType ?? "none"}')."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // The body is read from Kestrel's pipe and parsed in place: no copies, no decoded string of the whole body.
        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return (null, TooLarge(maxBytes));
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var body = read.Buffer;
        byte[]? rented = null;
        try
        {
            ReadOnlyMemory<byte> bytes;
            if (body.IsSingleSegment)
            {
                bytes = body.First;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent((int)body.Length);
                body.CopyTo(rented);
                bytes = rented.AsMemory(0, (int)body.Length);
            }

            return Parse(bytes);
        }
        finally
        {
            reader.AdvanceTo(body.End);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static (GraphQLRequest?, HttpRequestProblem?) Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Length == 0)
        {
            return (null, BadRequest("The request body is empty: send a JSON object such as {\"query\": \"{ stats { actors } }\"}."));
        }

        if (!Utf8.IsValid(body.Span))
        {
            return (null, BadRequest("The request body is not valid UTF-8."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"The request body is not valid JSON: {e.Message}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, BadRequest($"The request body must be a JSON object with a \"query\" string; got a JSON {root.ValueKind.ToString().ToLowerInvariant()}."));
            }

            var (documentId, documentIdProblem) = DocumentIdOf(root);
            if (documentIdProblem is not null)
            {
                return (null, documentIdProblem);
            }

            documentId ??= root.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object
                && ext.TryGetProperty("persistedQuery", out var persisted) && persisted.ValueKind == JsonValueKind.Object
                && persisted.TryGetProperty("sha256Hash", out var hash) && hash.ValueKind == JsonValueKind.String && TryGetString(hash, out var hashText)
                    ? hashText
                    : null;
            var hasQuery = root.TryGetProperty("query", out var query) && query.ValueKind != JsonValueKind.Null;
            if ((!hasQuery && documentId is null) || (hasQuery && query.ValueKind != JsonValueKind.String))
            {
                return (null, BadRequest(!hasQuery
                    ? "The request has no \"query\": send the GraphQL document as a string in \"query\", or a trusted document's id in \"documentId\"."
                    : $"\"query\" must be a string holding the GraphQL document; got a JSON {query.ValueKind.ToString().ToLowerInvariant()}."));
            }

            string? operationName = null;
            if (root.TryGetProperty("operationName", out var op) && op.ValueKind != JsonValueKind.Null)
            {
                if (op.ValueKind != JsonValueKind.String)
                {
                    return (null, BadRequest($"\"operationName\" must be a string or null; got a JSON {op.ValueKind.ToString().ToLowerInvariant()}."));
                }

                if (!TryGetString(op, out operationName))
                {
                    return (null, LoneSurrogate("operationName"));
                }
            }

            var (variables, variablesProblem) = ObjectParameter(root, "variables");
            var (extensions, extensionsProblem) = ObjectParameter(root, "extensions");
            if ((variablesProblem ?? extensionsProblem) is { } problem)
            {
                return (null, problem);
            }

            string? queryText = "";
            if (hasQuery && !TryGetString(query, out queryText))
            {
                return (null, LoneSurrogate("query"));
            }

            // Plain HTTP answers once: subscriptions go over WebSocket or Server-Sent Events (Http/Subscriptions).
            return (new GraphQLRequest
            {
                Query = queryText!,
                OperationName = operationName,
                Variables = variables,
                Extensions = extensions,
                DocumentId = documentId,
                AllowedOperations = AllowedOperations.Query | AllowedOperations.Mutation,
            }, null);
        }
    }

    private static (GraphQLRequest?, HttpRequestProblem?) ReadGet(HttpRequest request, int maxBytes)
    {
        if (request.QueryString.Value is { } raw && raw.Length > maxBytes)
        {
            return (null, new HttpRequestProblem(StatusCodes.Status414RequestUriTooLong, $"The query string is longer than {maxBytes} bytes, the limit: send large requests as POST."));
        }

        var parameters = request.Query;
        foreach (var (name, values) in parameters)
        {
            if (values.Count > 1)
            {
                return (null, BadRequest($"Parameter \"{name}\" is given {values.Count} times; give it once."));
            }
        }

        var documentId = parameters["documentId"].FirstOrDefault() is { Length: > 0 } id ? id : null;
        var query = parameters["query"].FirstOrDefault() ?? "";
        if (query.Length == 0 && documentId is null && !parameters.ContainsKey("extensions"))
        {
            return (null, BadRequest("The request has no \"query\" parameter: GET /graphql?query={stats{actors}} (or ?documentId=<id> for a trusted document)."));
        }

        var variables = JsonParameter(parameters["variables"].FirstOrDefault(), "variables", out var problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var extensions = JsonParameter(parameters["extensions"].FirstOrDefault(), "extensions", out problem);
        if (problem is not null)
        {
            return (null, problem);
        }

        var operationName = parameters["operationName"].FirstOrDefault();
        // GET is for queries only (GraphQL over HTTP): the engine refuses other operations before they run.
        return (new GraphQLRequest
        {
            Query = query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables,
            Extensions = extensions,
            DocumentId = documentId ?? PersistedQueryHash(extensions),
            AllowedOperations = AllowedOperations.Query,
        }, null);
    }

    /// <summary>
    /// A request's trusted-document id: <c>documentId</c> (GraphQL over HTTP's trusted documents); the Apollo form
    /// <c>extensions.persistedQuery.sha256Hash</c> is accepted too.
    /// </summary>
    private static (string? Id, HttpRequestProblem? Problem) DocumentIdOf(JsonElement root)
    {
        if (!root.TryGetProperty("documentId", out var id) || id.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return id.ValueKind == JsonValueKind.String && TryGetString(id, out var text) && text is { Length: > 0 and <= 200 }
            ? (text, null)
            : (null, BadRequest("\"documentId\" must be a non-empty string of at most 200 characters: the SHA-256 (hex) of a trusted operation."));
    }

    private static string? PersistedQueryHash(IReadOnlyDictionary<string, object?>? extensions) =>
        extensions?.GetValueOrDefault("persistedQuery") is IReadOnlyDictionary<string, object?> persisted && persisted.GetValueOrDefault("sha256Hash") is string { Length: > 0 } hash
            ? hash
            : null;

    private static IReadOnlyDictionary<string, object?>? JsonParameter(string? text, string name, out HttpRequestProblem? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = BadRequest($"\"{name}\" must be a JSON object; got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                return null;
            }

            return JsonValues.ToDictionary(document.RootElement);
        }
        catch (InvalidOperationException)
        {
            problem = LoneSurrogate(name, null, text);
            return null;
        }
        catch (JsonException e)
        {
            problem = BadRequest($"\"{name}\" is not valid JSON: {e.Message}");
            return null;
        }
    }

    private static (IReadOnlyDictionary<string, object?>?, HttpRequestProblem?) ObjectParameter(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, BadRequest($"\"{name}\" must be a JSON object or null; got a JSON {value.ValueKind.ToString().ToLowerInvariant()}."));
        }

        try
        {
            return (JsonValues.ToDictionary(value), null);
        }
        catch (InvalidOperationException)
        {
            return (null, LoneSurrogate(name, value));
        }
    }

    /// <summary>True for <c>application/json</c> with no charset or UTF-8.</summary>
    private static bool IsJsonContentType(string? contentType, out string? problem)
    {
        problem = null;

        // What nearly every client sends, answered without parsing the header.
        if (contentType is "application/json" or "application/json; charset=utf-8" or "application/json;charset=utf-8" or "application/json; charset=UTF-8")
        {
            return true;
        }

        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        if (!media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Only UTF-8 request bodies are accepted; got charset '{media.Charset}'.";
            return false;
        }

        return true;
    }

    private static HttpRequestProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    // A JSON string can escape half of a UTF-16 surrogate pair ("\ud800"), which is no text at all: reading it throws.
    private static bool TryGetString(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static HttpRequestProblem LoneSurrogate(string name, JsonElement? value = null, string? text = null)
    {
        var where = name;
        if (value is { } element)
        {
            where = InvalidStringPath(element, name) ?? name;
        }
        else if (text is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                where = InvalidStringPath(document.RootElement, name) ?? name;
            }
            catch (JsonException)
            {
            }
        }

        return BadRequest($"\"{where}\" is not valid text: it holds half of a UTF-16 surrogate pair (an escape such as \\ud800 without its partner). Send each character whole.");
    }

    // The path of the first string (or property name) in the element that cannot be read as text, e.g. variables.input.name.
    private static string? InvalidStringPath(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element, out _) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path + " (a property name)";
                    }

                    if (InvalidStringPath(property.Value, path + "." + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidStringPath(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static HttpRequestProblem TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes, the limit (Graph:Api:MaxRequestBytes).");
}
