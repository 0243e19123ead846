namespace Graph.Storage.Neo4j.Http;

/// <summary>What went wrong talking to Neo4j, so callers and logs can tell a bad password from a bad query.</summary>
public enum Neo4jErrorKind
{
    /// <summary>The server refused the user or password.</summary>
    Unauthorized,

    /// <summary>The database named in the options does not exist.</summary>
    DatabaseNotFound,

    /// <summary>No server answered at the address.</summary>
    Unreachable,

    /// <summary>The server did not answer in time.</summary>
    Timeout,

    /// <summary>A Cypher statement failed (syntax, semantics, constraint).</summary>
    Cypher,

    /// <summary>A temporary failure (deadlock, leader switch) that outlasted the retries.</summary>
    Transient,

    /// <summary>The server answered something this client does not understand.</summary>
    Protocol,
}

/// <summary>
/// A failure of the Neo4j server or of the way to it, with Neo4j's status code (e.g.
/// <c>Neo.ClientError.Statement.SyntaxError</c>) when the server gave one.
/// </summary>
public sealed class Neo4jException(Neo4jErrorKind kind, string? code, string message, Exception? inner = null) : Exception(message, inner)
{
    public Neo4jErrorKind Kind { get; } = kind;

    /// <summary>Neo4j's status code, or null when the failure happened before the server spoke.</summary>
    public string? Code { get; } = code;

    /// <summary>True for <c>Neo.TransientError.*</c>: the only errors worth retrying.</summary>
    public bool IsTransient => Code is not null && Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);
}
