using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Graph.Api.Http.PersistedOperations;
using Graph.Api.Schema;
using Graph.Core.Store;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Pipeline;
using Graph.GraphQL.Utilities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Http.Subscriptions;

/// <summary>
/// One WebSocket connection speaking <c>graphql-transport-ws</c> (the protocol of the npm <c>graphql-ws</c> client):
/// <c>connection_init</c> within <see cref="GraphApiOptions.ConnectionInitTimeoutSeconds"/> (else 4408), the API key
/// checked there (4403), <c>ping</c>/<c>pong</c> both ways (the server pings every
/// <see cref="GraphApiOptions.SubscriptionHeartbeatSeconds"/>), <c>subscribe</c> (4401 before the ack, 4409 for an id in
/// use) answered by <c>next</c>… <c>complete</c> or <c>error</c>, and <c>complete</c> from the client to stop one.
/// Malformed messages close with 4400. Each operation goes through the one request pipeline; when the socket closes every
/// operation is cancelled and awaited, so its response stream and bus subscription are gone.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection
{
    /// <summary>The subprotocol.</summary>
    public const string Protocol = "graphql-transport-ws";

    private const int MaxMessageBytes = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly RequestExecutor _executor;
    private readonly IGraphStore _store;
    private readonly GraphApiOptions _options;
    private readonly TrustedDocumentStore _trusted;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing;
    private WriteAccess _access;
    private int _initReceived;
    private bool _acknowledged;

    public GraphQLWebSocketConnection(WebSocket socket, HttpContext http, RequestExecutor executor, IGraphStore store, GraphApiOptions options, TrustedDocumentStore trusted, ILogger logger)
    {
        _socket = socket;
        _http = http;
        _executor = executor;
        _store = store;
        _options = options;
        _trusted = trusted;
        _logger = logger;
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    private sealed record Operation(CancellationTokenSource Cancel)
    {
        public Task Running { get; set; } = Task.CompletedTask;
    }

    /// <summary>Runs the connection until either side closes it.</summary>
    public async Task RunAsync()
    {
        var token = _closing.Token;
        var heartbeat = HeartbeatAsync(token);
        var initTimeout = InitTimeoutAsync(token);
        try
        {
            await ReceiveLoopAsync(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the connection was closed by us: nothing to answer.
        }
        finally
        {
            await _closing.CancelAsync().ConfigureAwait(false);
            Task[] running;
            lock (_operations)
            {
                running = [.. _operations.Values.Select(o => o.Running)];
            }

            await Task.WhenAll([.. running, heartbeat, initTimeout]).ConfigureAwait(false);
            _closing.Dispose();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (_socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), token).ConfigureAwait(false);
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    await CloseAsync(4400, $"Message larger than {MaxMessageBytes} bytes").ConfigureAwait(false);
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            if (received.MessageType != WebSocketMessageType.Text || !await HandleAsync(buffer.WrittenMemory, token).ConfigureAwait(false))
            {
                if (received.MessageType != WebSocketMessageType.Text)
                {
                    await CloseAsync(4400, "Messages must be text (JSON)").ConfigureAwait(false);
                }

                return;
            }
        }
    }

    /// <summary>Handles one message; false when the connection was closed because of it.</summary>
    private async Task<bool> HandleAsync(ReadOnlyMemory<byte> message, CancellationToken token)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return await CloseAsync(4400, "Invalid message received: not JSON").ConfigureAwait(false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return await CloseAsync(4400, "Invalid message received: an object with a string \"type\" is expected").ConfigureAwait(false);
            }

            switch (typeElement.GetString())
            {
                case "connection_init":
                    return await InitAsync(root).ConfigureAwait(false);
                case "ping":
                    await SendAsync(SubscriptionMessages.Plain("pong"), token).ConfigureAwait(false);
                    return true;
                case "pong":
                    return true;
                case "subscribe":
                    return await SubscribeAsync(root, token).ConfigureAwait(false);
                case "complete":
                    if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        Stop(id.GetString()!);
                        return true;
                    }

                    return await CloseAsync(4400, "Invalid message received: \"complete\" needs a string \"id\"").ConfigureAwait(false);
                default:
                    return await CloseAsync(4400, $"Invalid message received: unknown type \"{Truncate(typeElement.GetString())}\"").ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> InitAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            return await CloseAsync(4429, "Too many initialisation requests").ConfigureAwait(false);
        }

        // The key may come in the upgrade request's headers or, from browsers, in the connection_init payload.
        var presented = ApiKey.Presented(_http.Request);
        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (string[])["apiKey", "Authorization", "authorization", ApiKey.HeaderName])
            {
                if (payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    presented = ApiKey.FromValue(value.GetString()) ?? presented;
                    break;
                }
            }
        }

        _access = ApiKey.CheckPresented(presented, _options.Key);
        if (!ApiKey.MaySubscribe(_access))
        {
            LogRefused(_logger, _access);
            return await CloseAsync(4403, "Forbidden: the API key is missing or wrong").ConfigureAwait(false);
        }

        _acknowledged = true;
        await SendAsync(SubscriptionMessages.Plain("connection_ack"), _closing.Token).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> SubscribeAsync(JsonElement message, CancellationToken token)
    {
        if (!_acknowledged)
        {
            return await CloseAsync(4401, "Unauthorized").ConfigureAwait(false);
        }

        if (!message.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } id)
        {
            return await CloseAsync(4400, "Invalid message received: \"subscribe\" needs a non-empty string \"id\"").ConfigureAwait(false);
        }

        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return await CloseAsync(4400, "Invalid message received: \"subscribe\" needs an object \"payload\"").ConfigureAwait(false);
        }

        var request = ReadRequest(payload, out var problem);
        Operation operation;
        lock (_operations)
        {
            if (_operations.ContainsKey(id))
            {
                operation = null!;
            }
            else if (_operations.Count >= _options.MaxSubscriptionsPerConnection)
            {
                problem = $"This connection already holds {_operations.Count} operations, the most one connection may hold (Graph:Api:MaxSubscriptionsPerConnection); complete one or open another connection.";
                operation = null!;
            }
            else
            {
                operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(token));
                _operations[id] = operation;
            }
        }

        if (operation is null && problem is null)
        {
            return await CloseAsync(4409, $"Subscriber for {Truncate(id)} already exists").ConfigureAwait(false);
        }

        if (operation is null)
        {
            await SendAsync(SubscriptionMessages.Error(id, [ApiErrors.Coded(SubscriptionLimits.TooManySubscriptions, problem!)]), token).ConfigureAwait(false);
            return true;
        }

        if (problem is not null)
        {
            Remove(id, operation);
            await SendAsync(SubscriptionMessages.Error(id, [ApiErrors.Coded(ErrorCodes.BadRequest, problem)]), token).ConfigureAwait(false);
            return true;
        }

        operation.Running = Task.Run(() => RunOperationAsync(id, request!, operation), CancellationToken.None);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, Operation operation)
    {
        var token = operation.Cancel.Token;
        try
        {
            var (trusted, refusal) = _trusted.Apply(request);
            if (refusal is not null)
            {
                await SendAsync(SubscriptionMessages.Error(id, [refusal]), token).ConfigureAwait(false);
                return;
            }

            var result = await _executor.ExecuteAsync(trusted!, new GraphRequestContext(_store, _access), _http.RequestServices, token).ConfigureAwait(false);
            if (result.Stream is { } stream)
            {
                await using (((IAsyncDisposable)stream).ConfigureAwait(false))
                {
                    await foreach (var next in stream.WithCancellation(token).ConfigureAwait(false))
                    {
                        await SendAsync(SubscriptionMessages.WithResult("next", id, next), token).ConfigureAwait(false);
                    }
                }
            }
            else if (!result.IsDataPresent)
            {
                // Request errors (parse, validation, an unknown actor): the operation ends with "error" (no "complete").
                await SendAsync(SubscriptionMessages.Error(id, result.Errors ?? []), token).ConfigureAwait(false);
                return;
            }
            else
            {
                await SendAsync(SubscriptionMessages.WithResult("next", id, result), token).ConfigureAwait(false);
            }

            await SendAsync(SubscriptionMessages.Plain("complete", id), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Completed by the client, or the connection closed: the stream was disposed by the await using above.
        }
        finally
        {
            Remove(id, operation);
            operation.Cancel.Dispose();
        }
    }

    private void Stop(string id)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(id, out var operation))
            {
                operation.Cancel.Cancel();
            }
        }
    }

    private void Remove(string id, Operation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(id, out var current) && ReferenceEquals(current, operation))
            {
                _operations.Remove(id);
            }
        }
    }

    private static GraphQLRequest? ReadRequest(JsonElement payload, out string? problem)
    {
        problem = null;
        string? documentId = payload.TryGetProperty("documentId", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        var query = payload.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : "";
        if (query.Length == 0 && documentId is null)
        {
            problem = "The subscribe payload needs \"query\" (the GraphQL document) or \"documentId\" (a trusted document's id).";
            return null;
        }

        var operationName = payload.TryGetProperty("operationName", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null;
        IReadOnlyDictionary<string, object?>? variables = null, extensions = null;
        if (payload.TryGetProperty("variables", out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                problem = "\"variables\" must be a JSON object or null.";
                return null;
            }

            variables = JsonValues.ToDictionary(v);
        }

        if (payload.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object)
        {
            extensions = JsonValues.ToDictionary(x);
            if (documentId is null && extensions.GetValueOrDefault("persistedQuery") is IReadOnlyDictionary<string, object?> persisted && persisted.GetValueOrDefault("sha256Hash") is string hash)
            {
                documentId = hash;
            }
        }

        return new GraphQLRequest { Query = query, OperationName = operationName, Variables = variables, Extensions = extensions, DocumentId = documentId };
    }

    private async Task HeartbeatAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.SubscriptionHeartbeatSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                if (_acknowledged)
                {
                    await SendAsync(SubscriptionMessages.Plain("ping"), token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private async Task InitTimeoutAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(_options.ConnectionInitTimeoutSeconds), token).ConfigureAwait(false);
            if (Volatile.Read(ref _initReceived) == 0)
            {
                await CloseAsync(4408, "Connection initialisation timeout").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private async Task SendAsync(byte[] message, CancellationToken token)
    {
        await _sendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the connection with a protocol code; always false (the connection is over).</summary>
    private async Task<bool> CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // Close output only: the receive loop reads the client's reply (CloseAsync would receive concurrently with it).
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }

        // A client that never answers the close is dropped shortly after.
        _closing.CancelAfter(TimeSpan.FromSeconds(2));
        return false;
    }

    private static string Truncate(string? text) => text is { Length: > 64 } ? text[..64] + "…" : text ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a subscription connection: {Access}")]
    private static partial void LogRefused(ILogger logger, WriteAccess access);
}
