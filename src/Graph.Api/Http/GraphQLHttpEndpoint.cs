using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Api.Http.PersistedOperations;
using Graph.Api.Schema;
using Graph.Core.Store;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Http;

/// <summary>
/// GraphQL over HTTP at /graphql, as the GraphQL-over-HTTP specification asks: POST with JSON or GET (queries only);
/// answers in <c>application/graphql-response+json</c> (400 for requests that fail before execution, 200 once data
/// exists) or <c>application/json</c> (200 for every well-formed request). Browsers asking for HTML get the playground.
/// This class does HTTP only: it reads the request, hands its text to the engine's <see cref="RequestExecutor"/> (which
/// parses, caches, validates, picks the operation and asks <see cref="ApiKey.AuthorizeOperation"/> whether it may run),
/// and turns the result into a status and a body. Every refusal is a GraphQL error in JSON.
/// </summary>
public sealed partial class GraphQLHttpEndpoint(
    RequestExecutor executor,
    IGraphStore store,
    IOptions<GraphApiOptions> options,
    PlaygroundFiles playground,
    TrustedDocumentStore trustedDocuments,
    ILogger<GraphQLHttpEndpoint> logger)
{
    /// <summary>The GraphQL response media type of the specification.</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy JSON media type.</summary>
    public const string Json = "application/json";

    private const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    private const string JsonUtf8 = Json + "; charset=utf-8";

    // The engine's response format (compact, relaxed escaping), written straight into Kestrel's response pipe.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly GraphApiOptions _options = options.Value;

    /// <summary>Answers one request.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) && _options.Playground && !request.Query.ContainsKey("query") && PrefersHtml(request))
        {
            await ServePlaygroundAsync(http).ConfigureAwait(false);
            return;
        }

        var mediaType = Negotiate(request);
        if (mediaType is null)
        {
            await WriteProblemAsync(http, Json, new HttpRequestProblem(StatusCodes.Status406NotAcceptable,
                $"Cannot answer in any of the accepted media types ('{request.Headers.Accept}'): this endpoint answers in {GraphQLResponseJson} or {Json}.")).ConfigureAwait(false);
            return;
        }

        // Only a caller holding the key may send a large body (a document to ingest); anyone else keeps the small limit.
        var access = ApiKey.Check(request, _options.Key);
        var limit = access == WriteAccess.Granted && HttpMethods.IsPost(request.Method) ? Math.Max(_options.MaxWriteRequestBytes, _options.MaxRequestBytes) : _options.MaxRequestBytes;
        var (graphQLRequest, problem) = await GraphQLHttpRequestReader.ReadAsync(request, limit, http.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            await WriteProblemAsync(http, mediaType, problem).ConfigureAwait(false);
            return;
        }

        (graphQLRequest, var untrusted) = trustedDocuments.Apply(graphQLRequest!);
        if (untrusted is not null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = WithCharset(mediaType);
            await WriteResultAsync(http, ExecutionResult.FromError(untrusted)).ConfigureAwait(false);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(graphQLRequest!, new GraphRequestContext(store, access), http.RequestServices, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (!result.IsDataPresent && result.Errors is [var refusal, ..] && await WriteRefusalAsync(http, mediaType, refusal, access).ConfigureAwait(false))
        {
            return;
        }

        LogErrors(result);
        http.Response.StatusCode = mediaType == GraphQLResponseJson && !result.IsDataPresent ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = WithCharset(mediaType);
        await WriteResultAsync(http, result).ConfigureAwait(false);
    }

    /// <summary>Writes the result into the response pipe (no intermediate stream buffer) and flushes it.</summary>
    private static async Task WriteResultAsync(HttpContext http, ExecutionResult result)
    {
        var pipe = http.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(pipe, s_writerOptions))
        {
            ExecutionResultJsonWriter.Write(writer, result);
        }

        await pipe.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static string WithCharset(string mediaType) => mediaType switch
    {
        GraphQLResponseJson => GraphQLResponseJsonUtf8,
        Json => JsonUtf8,
        _ => mediaType + "; charset=utf-8",
    };

    /// <summary>Serves the example queries (JSON) the playground offers.</summary>
    public static async Task ServeExamplesAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.WriteAsync(PlaygroundFiles.Examples(), http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The response media type: graphql-response+json when accepted at least as much as json, else json; null when neither is acceptable.</summary>
    internal static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        // The common single values, answered without parsing the header.
        if (accept.Count == 1)
        {
            switch (accept[0])
            {
                case GraphQLResponseJson:
                    return GraphQLResponseJson;
                case Json or "*/*" or "application/*":
                    return Json;
            }
        }

        if (string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return Json;
        }

        double graphql = -1, json = -1;
        foreach (var value in values)
        {
            var q = value.Quality ?? 1.0;
            var type = value.MediaType.Value ?? "";
            if (type.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphql = Math.Max(graphql, q);
            }
            else if (type.Equals(Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                json = Math.Max(json, q);
            }
        }

        if (graphql > 0 && graphql >= json)
        {
            return GraphQLResponseJson;
        }

        return json > 0 ? Json : graphql > 0 ? GraphQLResponseJson : null;
    }

    private static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var values))
        {
            return false;
        }

        return values.Any(v => v.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);
    }

    private async Task ServePlaygroundAsync(HttpContext http)
    {
        if (playground.IndexPath is not { } index)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "The GraphQL playground is not built. Build src/Graph.Api with Node.js and npm on PATH (tools/playground is bundled into wwwroot/playground), or POST GraphQL requests to this URL.",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(index, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives the engine's refusals of an operation their HTTP status: 405 for a mutation sent with GET, 401 or 403 for
    /// one refused by <see cref="ApiKey.AuthorizeOperation"/>. False when the error is not such a refusal.
    /// </summary>
    private async Task<bool> WriteRefusalAsync(HttpContext http, string mediaType, GraphQLError error, WriteAccess access)
    {
        switch (ErrorCodes.Of(error))
        {
            case ErrorCodes.OperationNotAllowed when HttpMethods.IsGet(http.Request.Method):
                await WriteProblemAsync(http, mediaType, new HttpRequestProblem(StatusCodes.Status405MethodNotAllowed, "Only queries may be sent with GET: send mutations with POST, subscriptions over WebSocket or Server-Sent Events.", "POST")).ConfigureAwait(false);
                return true;
            case ApiErrors.Unauthenticated:
                LogRefusedMutation(logger, access);
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"graph\"";
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                break;
            case ApiErrors.Forbidden:
                LogRefusedMutation(logger, access);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                return false;
        }

        http.Response.ContentType = WithCharset(mediaType);
        await WriteResultAsync(http, ExecutionResult.FromError(error)).ConfigureAwait(false);
        return true;
    }

    private static async Task WriteProblemAsync(HttpContext http, string mediaType, HttpRequestProblem problem)
    {
        http.Response.StatusCode = problem.Status;
        if (problem.Allow is not null)
        {
            http.Response.Headers.Allow = problem.Allow;
        }

        http.Response.ContentType = WithCharset(mediaType);
        var code = problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge or StatusCodes.Status414RequestUriTooLong => "REQUEST_TOO_LARGE",
            StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
            StatusCodes.Status406NotAcceptable => "NOT_ACCEPTABLE",
            StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            _ => "BAD_REQUEST",
        };
        var error = ApiErrors.Coded(code, problem.Message);
        await WriteResultAsync(http, ExecutionResult.FromError(error)).ConfigureAwait(false);
    }

    private void LogErrors(ExecutionResult result)
    {
        if (result.Errors is not { Count: > 0 } errors || !logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        foreach (var error in errors)
        {
            if (error.OriginalError is { } original and not GraphQLError and not Core.Errors.GraphException)
            {
                LogResolverFailure(logger, string.Join('.', error.Path ?? []), original);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a mutation: {Access}")]
    private static partial void LogRefusedMutation(ILogger logger, WriteAccess access);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resolver failed at {Path}")]
    private static partial void LogResolverFailure(ILogger logger, string path, Exception exception);
}
