using Graph.GraphQL.DataLoader;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Execution;

/// <summary>Everything the executor needs for one operation: schema, parsed (and validated) document, and request values.</summary>
public sealed class ExecutionArgs
{
    /// <summary>The schema to execute against.</summary>
    public required GraphQLSchema Schema { get; init; }

    /// <summary>The document; it should have passed validation.</summary>
    public required DocumentNode Document { get; init; }

    /// <summary>The operation to run; may be null when the document has exactly one.</summary>
    public string? OperationName { get; init; }

    /// <summary>
    /// The operation already chosen from <see cref="Document"/> (e.g. by the request pipeline); when set, the executor
    /// runs it and does not choose again from <see cref="OperationName"/>.
    /// </summary>
    public OperationDefinitionNode? Operation { get; init; }

    /// <summary>Raw variable values (plain values or JSON elements), coerced by the executor.</summary>
    public IReadOnlyDictionary<string, object?>? VariableValues { get; init; }

    /// <summary>Variables already coerced (e.g. by the pipeline); when set, <see cref="VariableValues"/> is ignored.</summary>
    public IReadOnlyDictionary<string, object?>? CoercedVariableValues { get; init; }

    /// <summary>The source of root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>The application's per-request context, given to resolvers.</summary>
    public object? UserContext { get; init; }

    /// <summary>The request's services, given to resolvers.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Cancels execution (client gone).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// For a subscription: ends its response stream (the client went away). Unset, <see cref="CancellationToken"/> does,
    /// which under a request deadline would end the stream when the deadline passes.
    /// </summary>
    public CancellationToken SubscriptionCancellationToken { get; init; }

    /// <summary>Stops execution after this long; the response then carries a TIMEOUT error. Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Cancelled when a deadline set before execution began has passed (the request pipeline's one deadline over parse,
    /// validation, analysis and execution). When set, <see cref="CancellationToken"/> must be cancelled by it too; the
    /// executor then starts no timer of its own, and reports the TIMEOUT error of <see cref="Timeout"/> when it fires.
    /// </summary>
    public CancellationToken DeadlineToken { get; init; }

    /// <summary>When true, messages of unexpected resolver exceptions reach the client; otherwise "Unexpected error.".</summary>
    public bool ExposeExceptionMessages { get; init; }

    /// <summary>The request's data loaders; created when null.</summary>
    public DataLoaderContext? DataLoaders { get; init; }
}
