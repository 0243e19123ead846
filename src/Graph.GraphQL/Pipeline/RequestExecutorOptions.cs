using Graph.GraphQL.Analysis;
using Graph.GraphQL.Error;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>Checks a document against a schema; returns the errors (none when valid).</summary>
public delegate IReadOnlyList<GraphQLError> DocumentValidator(GraphQLSchema schema, DocumentNode document);

/// <summary>Settings of a <see cref="RequestExecutor"/>.</summary>
public sealed record RequestExecutorOptions
{
    /// <summary>The validation of documents: by default all of the specification's rules.</summary>
    public DocumentValidator Validator { get; init; } = static (schema, document) => Validation.Validator.Validate(schema, document);

    /// <summary>Limits checked after validation and before execution.</summary>
    public QueryLimits Limits { get; init; } = new();

    /// <summary>How many parsed-and-validated documents to keep, least recently used dropped first.</summary>
    public int DocumentCacheSize { get; init; } = 512;

    /// <summary>Stops a request after this long (TIMEOUT error). Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Shows unexpected exceptions' messages to clients (development only).</summary>
    public bool ExposeExceptionMessages { get; init; }

    /// <summary>Adds each step's duration (Stopwatch ticks) under <c>extensions.tracing</c>.</summary>
    public bool EnableTracing { get; init; }
}
