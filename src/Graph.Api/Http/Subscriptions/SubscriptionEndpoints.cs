using System.Net.WebSockets;
using Graph.Api.Http.PersistedOperations;
using Graph.Core.Store;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Http.Subscriptions;

/// <summary>
/// The two subscription transports at /graphql, beside GraphQL over HTTP: a WebSocket upgrade speaks
/// <c>graphql-transport-ws</c> (<see cref="GraphQLWebSocketConnection"/>), a request accepting <c>text/event-stream</c>
/// gets GraphQL over SSE (<see cref="GraphQLServerSentEvents"/>). Every other request is plain GraphQL over HTTP.
/// </summary>
public sealed class SubscriptionEndpoints(
    RequestExecutor executor,
    IGraphStore store,
    IOptions<GraphApiOptions> options,
    TrustedDocumentStore trusted,
    ILoggerFactory loggers)
{
    private readonly GraphApiOptions _options = options.Value;
    private readonly ILogger _logger = loggers.CreateLogger<SubscriptionEndpoints>();

    /// <summary>True for a WebSocket upgrade or a request whose Accept names <c>text/event-stream</c>.</summary>
    public static bool Handles(HttpContext http) => http.WebSockets.IsWebSocketRequest || AcceptsEventStream(http.Request);

    /// <summary>Serves the request over the transport it asked for.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await new GraphQLServerSentEvents(executor, store, _options, trusted, _logger).HandleAsync(http).ConfigureAwait(false);
            return;
        }

        var speaksProtocol = http.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketConnection.Protocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaksProtocol ? GraphQLWebSocketConnection.Protocol : null).ConfigureAwait(false);
        if (!speaksProtocol)
        {
            // The close code graphql-ws servers use for a client that does not speak graphql-transport-ws.
            await socket.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable: use graphql-transport-ws", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await new GraphQLWebSocketConnection(socket, http, executor, store, _options, trusted, _logger).RunAsync().ConfigureAwait(false);
    }

    private static bool AcceptsEventStream(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0)
        {
            return false;
        }

        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var values)
            && values.Any(v => v.MediaType.Equals(GraphQLServerSentEvents.EventStream, StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);
    }
}
