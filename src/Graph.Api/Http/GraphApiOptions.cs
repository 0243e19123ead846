namespace Graph.Api.Http;

/// <summary>
/// The <c>Graph:Api</c> part of <see cref="Composition.GraphOptions"/>: the GraphQL endpoint's key, limits, CORS and
/// playground (e.g. <c>Graph__Api__Key</c>). Defaults live here; <see cref="Composition.GraphOptionsValidator"/> checks them.
/// </summary>
public sealed class GraphApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Api";

    /// <summary>The least length of an API key: shorter keys are guessable.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// The key that mutations must present (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>). Without one the
    /// server is read-only and says so to every mutation.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Largest request body (or GET query string) accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Largest POST body accepted from a caller presenting the API key, in bytes: room for a document sent to <c>ingestDocument</c>.</summary>
    public int MaxWriteRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest selection nesting a query may have.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated cost a query may have (fields weighted by the list sizes they ask for).</summary>
    public int MaxCost { get; set; } = 200_000;

    /// <summary>Most lexical tokens a document may have.</summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>Most aliased fields an operation may have.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Most field selections an operation may have once its fragments are expanded (a fragment fan-out is refused).</summary>
    public int MaxExpandedFields { get; set; } = 20_000;

    /// <summary>How long one request may run (parse, validation, cost and execution together), in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Origins allowed to call the endpoint from a browser page (CORS); empty allows none, <c>*</c> any.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Whether browsers asking for HTML at /graphql get the playground.</summary>
    public bool Playground { get; set; } = true;

    /// <summary>
    /// The folder holding the explorer's built bundle (its index.html and assets). Empty: wwwroot/explorer beside the
    /// content root, else beside the application. Without an index.html there, <c>/</c> answers 503 saying how to build it.
    /// </summary>
    public string? ExplorerDirectory { get; set; }

    /// <summary>Most subscriptions one WebSocket connection may hold at once (an SSE connection holds one).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Seconds between heartbeats on an idle subscription connection (WebSocket ping, SSE comment line).</summary>
    public int SubscriptionHeartbeatSeconds { get; set; } = 15;

    /// <summary>Seconds a WebSocket client has to send <c>connection_init</c> before it is closed with 4408.</summary>
    public int ConnectionInitTimeoutSeconds { get; set; } = 3;

    /// <summary>
    /// A trusted-documents file (<c>{ "sha256 hash": "operation text" }</c>, as GraphQL Code Generator's client preset
    /// writes <c>persisted-documents.json</c>): requests may send <c>documentId</c> instead of the text. Empty: none.
    /// </summary>
    public string? TrustedDocuments { get; set; }

    /// <summary>When true, only operations of <see cref="TrustedDocuments"/> run: a request with query text is refused.</summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>True when a key is configured, so mutations may run.</summary>
    public bool AllowsWrites => !string.IsNullOrEmpty(Key);
}
