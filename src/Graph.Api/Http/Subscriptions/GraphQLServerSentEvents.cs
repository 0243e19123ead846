using System.Text;
using Graph.Api.Http.PersistedOperations;
using Graph.Api.Schema;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Http.Subscriptions;

/// <summary>
/// GraphQL over Server-Sent Events in "distinct connections" mode (as the npm <c>graphql-sse</c> client speaks it): a
/// POST (JSON body) or GET (query parameters) with <c>Accept: text/event-stream</c> runs one operation; each result is an
/// <c>event: next</c>, the end an <c>event: complete</c>, and a comment line (<c>:</c>) goes out every
/// <see cref="GraphApiOptions.SubscriptionHeartbeatSeconds"/> so proxies keep the stream open. Refusals before the stream
/// starts are plain JSON with a 4xx status. The connection closing cancels the operation and disposes its stream.
/// </summary>
internal sealed partial class GraphQLServerSentEvents(
    RequestExecutor executor,
    IGraphStore store,
    GraphApiOptions options,
    TrustedDocumentStore trusted,
    ILogger logger)
{
    /// <summary>The media type.</summary>
    public const string EventStream = "text/event-stream";

    private static readonly byte[] s_complete = Encoding.UTF8.GetBytes("event: complete\ndata:\n\n");
    private static readonly byte[] s_heartbeat = Encoding.UTF8.GetBytes(":\n\n");
    private static readonly byte[] s_nextPrefix = Encoding.UTF8.GetBytes("event: next\ndata: ");
    private static readonly byte[] s_eventEnd = Encoding.UTF8.GetBytes("\n\n");

    /// <summary>Runs one operation over an event stream.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var access = ApiKey.Check(http.Request, options.Key);
        if (!ApiKey.MaySubscribe(access))
        {
            LogRefused(logger, access);
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"graph\"";
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, ApiErrors.Coded(ApiErrors.Unauthenticated,
                access == WriteAccess.WrongKey
                    ? "The API key sent is not valid."
                    : "Subscriptions on this server need the API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.")).ConfigureAwait(false);
            return;
        }

        var (request, problem) = await GraphQLHttpRequestReader.ReadAsync(http.Request, options.MaxRequestBytes, http.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            await RefuseAsync(http, problem.Status, ApiErrors.Coded("BAD_REQUEST", problem.Message)).ConfigureAwait(false);
            return;
        }

        // Over SSE a POST may run any operation; a GET (a browser's EventSource) queries and subscriptions, never mutations.
        request = WithOperations(request!, HttpMethods.IsGet(http.Request.Method) ? AllowedOperations.Query | AllowedOperations.Subscription : AllowedOperations.All);
        var (resolved, refusal) = trusted.Apply(request);
        if (refusal is not null)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, refusal).ConfigureAwait(false);
            return;
        }

        var token = http.RequestAborted;
        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(resolved!, new GraphRequestContext(store, access), http.RequestServices, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        if (result.Stream is null && !result.IsDataPresent)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, result).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = EventStream + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var body = http.Response.Body;
        var gate = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var heartbeat = HeartbeatAsync(body, gate, stop.Token);
        try
        {
            // The status and headers go out at once, so the client knows it is subscribed before the first event.
            await http.Response.StartAsync(token).ConfigureAwait(false);
            await body.FlushAsync(token).ConfigureAwait(false);
            if (result.Stream is { } stream)
            {
                await using (((IAsyncDisposable)stream).ConfigureAwait(false))
                {
                    await foreach (var next in stream.WithCancellation(token).ConfigureAwait(false))
                    {
                        await WriteAsync(body, gate, [.. s_nextPrefix, .. SubscriptionMessages.Result(next), .. s_eventEnd], token).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                await WriteAsync(body, gate, [.. s_nextPrefix, .. SubscriptionMessages.Result(result), .. s_eventEnd], token).ConfigureAwait(false);
            }

            await WriteAsync(body, gate, s_complete, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away: the stream was disposed above, its bus subscription with it.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }
    }

    private static GraphQLRequest WithOperations(GraphQLRequest request, AllowedOperations allowed) => new()
    {
        Query = request.Query,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        DocumentId = request.DocumentId,
        AllowedOperations = allowed,
    };

    private async Task HeartbeatAsync(Stream body, SemaphoreSlim gate, CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SubscriptionHeartbeatSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                await WriteAsync(body, gate, s_heartbeat, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }

    private static async Task WriteAsync(Stream body, SemaphoreSlim gate, byte[] bytes, CancellationToken token)
    {
        await gate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await body.WriteAsync(bytes, token).ConfigureAwait(false);
            await body.FlushAsync(token).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, GraphQL.Error.GraphQLError error) =>
        RefuseAsync(http, status, ExecutionResult.FromError(error));

    private static async Task RefuseAsync(HttpContext http, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(SubscriptionMessages.Result(result), http.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an event-stream request: {Access}")]
    private static partial void LogRefused(ILogger logger, WriteAccess access);
}
