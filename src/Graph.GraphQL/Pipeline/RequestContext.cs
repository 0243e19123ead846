using System.Diagnostics;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>The state a request carries through the pipeline steps; a step that sets <see cref="Result"/> ends the request.</summary>
public sealed class RequestContext
{
    private List<KeyValuePair<string, object?>>? _timings;

    internal RequestContext(GraphQLSchema schema, RequestExecutorOptions options, GraphQLRequest request, object? userContext, IServiceProvider? services, CancellationToken cancellationToken)
        : this(schema, options, request, userContext, services, cancellationToken, default, cancellationToken)
    {
    }

    internal RequestContext(
        GraphQLSchema schema,
        RequestExecutorOptions options,
        GraphQLRequest request,
        object? userContext,
        IServiceProvider? services,
        CancellationToken clientCancellationToken,
        CancellationToken deadlineToken,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        Options = options;
        Request = request;
        UserContext = userContext;
        Services = services;
        ClientCancellationToken = clientCancellationToken;
        DeadlineToken = deadlineToken;
        CancellationToken = cancellationToken;
    }

    /// <summary>The schema.</summary>
    public GraphQLSchema Schema { get; }

    /// <summary>The executor's options.</summary>
    public RequestExecutorOptions Options { get; }

    /// <summary>The incoming request.</summary>
    public GraphQLRequest Request { get; }

    /// <summary>The application's per-request context.</summary>
    public object? UserContext { get; }

    /// <summary>The request's services.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>
    /// Cancelled when the client goes away or the request's deadline (<see cref="RequestExecutorOptions.Timeout"/>,
    /// counted from the request's arrival) passes: every step runs under this one token.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Cancelled only when the deadline passes (not when the client goes away).</summary>
    public CancellationToken DeadlineToken { get; }

    /// <summary>Cancelled only when the client goes away.</summary>
    public CancellationToken ClientCancellationToken { get; }

    /// <summary>SHA-256 of the query text (hex), the key of the document and operation caches.</summary>
    public string? DocumentHash { get; set; }

    /// <summary>The cached or parsed document.</summary>
    public CachedDocument? Document { get; set; }

    /// <summary>The operation to execute.</summary>
    public OperationDefinitionNode? Operation { get; set; }

    /// <summary>The document's fragments by name (the document's own map, built once).</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode>? Fragments => Document?.Document.GetFragments();

    /// <summary>Coerced variable values.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; set; }

    /// <summary>The response; once set, later steps do not run.</summary>
    public ExecutionResult? Result { get; set; }

    /// <summary>Ends the request with errors and no data.</summary>
    public void Fail(IReadOnlyList<GraphQLError> errors) => Result = ExecutionResult.FromErrors(errors);

    internal void RecordTiming(string step, long ticks) => (_timings ??= []).Add(new KeyValuePair<string, object?>(step, ticks));

    internal IReadOnlyDictionary<string, object?> Timings()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["unit"] = "stopwatchTicks", ["frequency"] = Stopwatch.Frequency };
        if (_timings is not null)
        {
            foreach (var (step, ticks) in _timings)
            {
                map[step] = ticks;
            }
        }

        return map;
    }
}

/// <summary>A parsed document in the cache, with whether it already passed validation and its operations by name.</summary>
public sealed class CachedDocument(DocumentNode document)
{
    /// <summary>The parsed document.</summary>
    public DocumentNode Document { get; } = document;

    /// <summary>True once the document passed validation (validation is then skipped on reuse).</summary>
    public bool IsValidated { get; set; }

    /// <summary>Operations already selected, by operation name ("" for the anonymous choice): the operation cache.</summary>
    internal Dictionary<string, OperationDefinitionNode> Operations { get; } = new(StringComparer.Ordinal);
}

/// <summary>One step of the request pipeline.</summary>
public interface IRequestStep
{
    /// <summary>The name used in tracing.</summary>
    string Name { get; }

    /// <summary>Does the step's work; sets <see cref="RequestContext.Result"/> to end the request.</summary>
    ValueTask InvokeAsync(RequestContext context);
}
