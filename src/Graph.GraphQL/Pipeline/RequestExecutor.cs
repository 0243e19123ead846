using System.Diagnostics;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// The entry point for requests: runs the pipeline document cache → parse → validate → operation → coerce variables →
/// limits → execute, each step a small class; a step producing a result (an error) ends the request.
/// </summary>
public sealed class RequestExecutor
{
    private readonly GraphQLSchema _schema;
    private readonly RequestExecutorOptions _options;
    private readonly IRequestStep[] _steps;

    /// <summary>Creates an executor for <paramref name="schema"/>.</summary>
    public RequestExecutor(GraphQLSchema schema, RequestExecutorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        options ??= new RequestExecutorOptions();
        _schema = schema;
        _options = options;
        DocumentCache = new DocumentCache(options.DocumentCacheSize);
        _steps =
        [
            new DocumentCacheStep(DocumentCache),
            new ParseStep(),
            new ValidateStep(DocumentCache),
            new OperationCacheStep(),
            new CoerceVariablesStep(),
            new AnalyzeLimitsStep(),
            new ExecuteStep(),
        ];
    }

    /// <summary>The parsed-document cache (exposed for diagnostics).</summary>
    public DocumentCache DocumentCache { get; }

    /// <summary>The schema requests run against.</summary>
    public GraphQLSchema Schema => _schema;

    /// <summary>Runs one request. Problems with the request become errors in the result; this does not throw for them.</summary>
    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, object? userContext = null, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new RequestContext(_schema, _options, request, userContext, services, cancellationToken);
        var tracing = _options.EnableTracing;
        foreach (var step in _steps)
        {
            var start = tracing ? Stopwatch.GetTimestamp() : 0;
            var pending = step.InvokeAsync(context);
            if (!pending.IsCompletedSuccessfully)
            {
                await pending.ConfigureAwait(false);
            }

            if (tracing)
            {
                context.RecordTiming(step.Name, Stopwatch.GetTimestamp() - start);
            }

            if (context.Result is not null && step is not ExecuteStep)
            {
                break;
            }
        }

        var result = context.Result ?? ExecutionResult.FromError(new Error.GraphQLError("The request produced no result."));
        if (tracing)
        {
            result.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            result.Extensions["tracing"] = context.Timings();
        }

        return result;
    }
}
