namespace Graph.Storage.Neo4j;

/// <summary>Which HTTP API the client speaks; <see cref="Auto"/> reads the server's discovery document.</summary>
public enum Neo4jProtocol
{
    /// <summary>The Query API when the server lists it (Neo4j 5.19+, Aura), else the transactional endpoint.</summary>
    Auto,

    /// <summary>The Query API: <c>/db/{database}/query/v2</c>.</summary>
    QueryApi,

    /// <summary>The transactional Cypher endpoint: <c>/db/{database}/tx</c> (Neo4j 4.x and 5.x).</summary>
    Transactional,
}

/// <summary>
/// Where the Neo4j store connects and how it behaves, bound from configuration (<c>Graph:Neo4j</c>,
/// environment <c>Graph__Neo4j__Uri</c>, ...).
/// </summary>
public sealed class Neo4jStoreOptions
{
    /// <summary>The HTTP root of the server, e.g. <c>http://localhost:7474</c> or <c>https://xxxx.databases.neo4j.io</c>.</summary>
    public Uri Uri { get; set; } = new("http://localhost:7474");

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public string Database { get; set; } = "neo4j";

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a unit of work is retried after a <c>Neo.TransientError.*</c>.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Rows per <c>UNWIND</c> batch in writes.</summary>
    public int BatchSize { get; set; } = 500;

    public Neo4jProtocol Protocol { get; set; } = Neo4jProtocol.Auto;

    /// <summary>Creates the constraints and indexes of <c>cypher/schema.cypher</c> on first use.</summary>
    public bool EnsureSchema { get; set; } = true;

    /// <summary>The clock that stamps review decisions (tests set a fixed one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options; throws naming the setting and what is allowed.</summary>
    public Neo4jStoreOptions Validated()
    {
        if (!Uri.IsAbsoluteUri || (Uri.Scheme != "http" && Uri.Scheme != "https"))
        {
            throw new ArgumentException($"Graph:Neo4j:Uri must be an absolute http:// or https:// address of Neo4j's HTTP connector (e.g. http://localhost:7474); got '{Uri}'. Bolt addresses (bolt://, neo4j://) are not used.");
        }

        if (string.IsNullOrWhiteSpace(Database))
        {
            throw new ArgumentException("Graph:Neo4j:Database must name a database (e.g. 'neo4j').");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Graph:Neo4j:Timeout must be positive; got {Timeout}.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"Graph:Neo4j:MaxRetries must be 0 or more; got {MaxRetries}.");
        }

        if (BatchSize is < 1 or > 100_000)
        {
            throw new ArgumentException($"Graph:Neo4j:BatchSize must be between 1 and 100000; got {BatchSize}.");
        }

        return this;
    }
}
