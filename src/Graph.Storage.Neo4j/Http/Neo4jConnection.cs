using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// Cypher over Neo4j's HTTP APIs: reads the discovery document at the server root, then speaks the Query API where
/// the server offers it and the transactional endpoint otherwise. One pooled, keep-alive HttpClient; basic auth;
/// retries a whole unit of work on <c>Neo.TransientError.*</c> only; every failure becomes a <see cref="Neo4jException"/>
/// that says what to check.
/// </summary>
public sealed class Neo4jConnection : IDisposable
{
    private const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly Neo4jStoreOptions _options;
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _auth;
    private readonly string _database;
    private readonly SemaphoreSlim _discoveryLock = new(1, 1);
    private Neo4jProtocol? _protocol;
    private volatile string[] _bookmarks = [];

    /// <summary>A connection; <paramref name="handler"/> replaces the network (tests), otherwise a pooled socket handler is used.</summary>
    public Neo4jConnection(Neo4jStoreOptions options, HttpMessageHandler? handler = null)
    {
        _options = options.Validated();
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            AutomaticDecompression = DecompressionMethods.All,
        };
        var root = options.Uri.AbsoluteUri.EndsWith('/') ? options.Uri : new Uri(options.Uri.AbsoluteUri + "/");
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = root, Timeout = options.Timeout };
        _http.DefaultRequestHeaders.Connection.Add("keep-alive");
        _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _database = Uri.EscapeDataString(options.Database);
        if (options.Protocol != Neo4jProtocol.Auto)
        {
            _protocol = options.Protocol;
        }
    }

    /// <summary>The protocol in use, once known.</summary>
    public Neo4jProtocol? Protocol => _protocol;

    /// <summary>
    /// The bookmarks of the last write this connection committed over the Query API. Every later request sends them, so
    /// a cluster member (or Aura) answers only once it has applied that write: a client reads what it wrote.
    /// </summary>
    public IReadOnlyList<string> Bookmarks => _bookmarks;

    /// <summary>The server version from the discovery document, when it was read.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>Reads the discovery document (once) and picks the protocol.</summary>
    public async Task<Neo4jProtocol> DiscoverAsync(CancellationToken cancellationToken = default)
    {
        if (_protocol is { } known)
        {
            return known;
        }

        await _discoveryLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_protocol is { } again)
            {
                return again;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                root = default;
            }

            if (!response.IsSuccessStatusCode || root.ValueKind != JsonValueKind.Object)
            {
                throw new Neo4jException(Neo4jErrorKind.Protocol, null,
                    $"{_options.Uri} answered {(int)response.StatusCode} without Neo4j's discovery document. Check that Graph:Neo4j:Uri is the HTTP connector (port 7474 or Aura's https address), or set Graph:Neo4j:Protocol to QueryApi or Transactional to skip discovery.");
            }

            ServerVersion = root.TryGetProperty("neo4j_version", out var v) ? v.GetString() : null;
            _protocol = root.TryGetProperty("query", out _) ? Neo4jProtocol.QueryApi
                : root.TryGetProperty("transaction", out _) ? Neo4jProtocol.Transactional
                : throw new Neo4jException(Neo4jErrorKind.Protocol, null,
                    $"The discovery document at {_options.Uri} lists neither the Query API ('query') nor the transactional endpoint ('transaction'); is this a Neo4j 4.x or 5.x server?");
            return _protocol.Value;
        }
        finally
        {
            _discoveryLock.Release();
        }
    }

    /// <summary>Runs one read statement in an implicit transaction, retrying transient errors.</summary>
    public Task<CypherResult> ReadAsync(CypherStatement statement, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(async () =>
        {
            var protocol = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (protocol == Neo4jProtocol.QueryApi)
            {
                var root = await PostAsync($"db/{_database}/query/v2", QueryApiWireFormat.Body(statement, read: true, _bookmarks), null, cancellationToken, typed: true).ConfigureAwait(false);
                return QueryApiWireFormat.ParseResult(root.Body);
            }

            var answer = await PostAsync($"db/{_database}/tx/commit", TransactionalWireFormat.Body([statement]), null, cancellationToken, read: true).ConfigureAwait(false);
            return TransactionalWireFormat.ParseResults(answer.Body).FirstOrDefault() ?? CypherResult.Empty;
        }, cancellationToken);

    /// <summary>Runs one statement that cannot share a transaction (schema commands) in its own implicit transaction.</summary>
    public Task<CypherResult> RunAutoCommitAsync(CypherStatement statement, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(async () =>
        {
            var protocol = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (protocol == Neo4jProtocol.QueryApi)
            {
                var root = await PostAsync($"db/{_database}/query/v2", QueryApiWireFormat.Body(statement, read: false, _bookmarks), null, cancellationToken, typed: true).ConfigureAwait(false);
                RememberBookmarks(root.Body);
                return QueryApiWireFormat.ParseResult(root.Body);
            }

            var answer = await PostAsync($"db/{_database}/tx/commit", TransactionalWireFormat.Body([statement]), null, cancellationToken).ConfigureAwait(false);
            return TransactionalWireFormat.ParseResults(answer.Body).FirstOrDefault() ?? CypherResult.Empty;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction and commits it; a transient error rolls back and runs the
    /// whole unit again, any other error rolls back and is thrown.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<Neo4jTransaction, Task<T>> work, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(async () =>
        {
            var protocol = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = new Neo4jTransaction(this, protocol, cancellationToken);
            var result = await work(tx).ConfigureAwait(false);
            await tx.CommitAsync().ConfigureAwait(false);
            return result;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _discoveryLock.Dispose();
    }

    internal string DatabasePath => $"db/{_database}";

    /// <summary>Keeps the bookmarks an answer carries (a commit's, an auto-commit write's); an answer without any changes nothing.</summary>
    internal void RememberBookmarks(JsonElement answer)
    {
        var bookmarks = QueryApiWireFormat.Bookmarks(answer);
        if (bookmarks.Count > 0)
        {
            _bookmarks = [.. bookmarks];
        }
    }

    internal async Task<(JsonElement Body, string? Affinity)> PostAsync(string path, string? body, string? affinity, CancellationToken cancellationToken, bool read = false, bool typed = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(typed ? TypedJson.MediaType : "application/json");
        }

        if (typed)
        {
            // Typed answers too; errors still come as plain JSON objects.
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJson.MediaType));
        }

        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        if (read)
        {
            request.Headers.TryAddWithoutValidation("access-mode", "READ");
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    internal async Task DeleteAsync(string path, string? affinity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(JsonElement Body, string? Affinity)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _auth;
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement root = default;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                root = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new Neo4jException(Neo4jErrorKind.Protocol, null,
                    $"Neo4j answered {(int)response.StatusCode} with a body that is not JSON at {request.RequestUri}: {Shorten(text)}");
            }
        }

        var errors = ParameterJson.Errors(root);
        if (errors.Count > 0)
        {
            // The transactional endpoint answers 200 with errors in the body; the Query API uses 4xx. Both land here.
            throw Describe(errors[0], response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw Unauthorized(null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw response.StatusCode == HttpStatusCode.NotFound
                ? new Neo4jException(Neo4jErrorKind.DatabaseNotFound, null,
                    $"Neo4j answered 404 for {request.RequestUri}: no database '{_options.Database}' (or no such endpoint). Check Graph:Neo4j:Database; SHOW DATABASES lists them.")
                : new Neo4jException(Neo4jErrorKind.Protocol, null,
                    $"Neo4j answered {(int)response.StatusCode} {response.ReasonPhrase} for {request.RequestUri}: {Shorten(text)}");
        }

        var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        return (root, affinity);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Neo4jException(Neo4jErrorKind.Timeout, null,
                $"Neo4j at {_options.Uri} did not answer within {_options.Timeout.TotalSeconds:0.#} s (Graph:Neo4j:Timeout).", e);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jException(Neo4jErrorKind.Unreachable, null,
                $"Cannot reach Neo4j at {_options.Uri}: {e.Message} Is the server running, and is Graph:Neo4j:Uri its HTTP address (http://host:7474)?", e);
        }
    }

    private Neo4jException Describe(Neo4jError error, HttpStatusCode status) => error.Code switch
    {
        "Neo.ClientError.Security.Unauthorized" or "Neo.ClientError.Security.AuthenticationRateLimit" or "Neo.ClientError.Security.CredentialsExpired" => Unauthorized(error),
        "Neo.ClientError.Database.DatabaseNotFound" => new Neo4jException(Neo4jErrorKind.DatabaseNotFound, error.Code,
            $"Neo4j has no database '{_options.Database}' ({error.Code}: {error.Message}). Check Graph:Neo4j:Database; SHOW DATABASES lists them, and Community Edition has only 'neo4j' and 'system'."),
        _ when error.Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) => new Neo4jException(Neo4jErrorKind.Transient, error.Code,
            $"Neo4j reported a temporary failure ({error.Code}: {error.Message})."),
        _ => new Neo4jException(Neo4jErrorKind.Cypher, error.Code, $"Neo4j refused a statement ({error.Code}, HTTP {(int)status}): {error.Message}"),
    };

    private Neo4jException Unauthorized(Neo4jError? error) => new(Neo4jErrorKind.Unauthorized, error?.Code ?? "Neo.ClientError.Security.Unauthorized",
        $"Neo4j at {_options.Uri} refused the credentials of user '{_options.User}'{(error is null ? "" : $" ({error.Code}: {error.Message})")}. Check Graph:Neo4j:User and Graph:Neo4j:Password (NEO4J_AUTH in docker-compose).");

    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (Neo4jException e) when (e.IsTransient && tries < _options.MaxRetries)
            {
                var delay = _options.RetryDelay * Math.Pow(2, tries);
                await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)), cancellationToken).ConfigureAwait(false);
            }
            catch (Neo4jException e) when (e.IsTransient)
            {
                throw new Neo4jException(Neo4jErrorKind.Transient, e.Code, $"{e.Message} Gave up after {tries + 1} attempts.", e);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
