using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>Checks a document against a schema; returns the errors (none when valid).</summary>
public delegate IReadOnlyList<GraphQLError> DocumentValidator(GraphQLSchema schema, DocumentNode document);

/// <summary>
/// Decides whether the request may run its chosen operation (<see cref="RequestContext.Operation"/>): null to let it
/// run, or the error that refuses it (with its <c>extensions.code</c>).
/// </summary>
public delegate GraphQLError? OperationAuthorizer(RequestContext context);

/// <summary>Settings of a <see cref="RequestExecutor"/>.</summary>
public sealed record RequestExecutorOptions
{
    /// <summary>
    /// A validation of documents in place of the default: all of the specification's rules, run under the request's
    /// deadline and cancellation. Null (the default) uses the default.
    /// </summary>
    public DocumentValidator? Validator { get; init; }

    /// <summary>Limits checked after validation and before execution.</summary>
    public QueryLimits Limits { get; init; } = new();

    /// <summary>How many parsed-and-validated documents to keep, least recently used dropped first.</summary>
    public int DocumentCacheSize { get; init; } = 512;

    /// <summary>The host's check of the chosen operation (e.g. mutations need a key); null lets every operation run.</summary>
    public OperationAuthorizer? AuthorizeOperation { get; init; }

    /// <summary>
    /// Stops a request this long after it arrived (TIMEOUT error), whichever step it is in: parse, validation, analysis
    /// or execution. Null: no limit.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Shows unexpected exceptions' messages to clients (development only).</summary>
    public bool ExposeExceptionMessages { get; init; }

    /// <summary>Adds each step's duration (Stopwatch ticks) under <c>extensions.tracing</c>.</summary>
    public bool EnableTracing { get; init; }
}
