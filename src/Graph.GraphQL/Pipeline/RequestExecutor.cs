using System.Diagnostics;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// The entry point for requests: runs the pipeline document cache → parse → validate → operation → authorize →
/// coerce variables → limits → execute, each step a small class; a step producing a result (an error) ends the
/// request. Parsing and caching belong here, not to the host: the host passes the request's text and gets a result.
/// Every step runs under one deadline (<see cref="RequestExecutorOptions.Timeout"/>) and the caller's cancellation.
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
            new AuthorizeOperationStep(),
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
        using var deadline = _options.Timeout is { } timeout ? new CancellationTokenSource(timeout) : null;
        using var linked = deadline is not null && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token)
            : null;
        var token = linked?.Token ?? deadline?.Token ?? cancellationToken;
        var context = new RequestContext(_schema, _options, request, userContext, services, cancellationToken, deadline?.Token ?? default, token);
        var tracing = _options.EnableTracing;

        // Null unless a listener samples it (an OpenTelemetry tracer, a test's ActivityListener): then no span is made.
        using var activity = RequestTelemetry.Source.StartActivity("graphql.request");
        var started = RequestTelemetry.MeasuresDuration ? Stopwatch.GetTimestamp() : 0;
        foreach (var step in _steps)
        {
            if (token.IsCancellationRequested && step is not ExecuteStep)
            {
                context.Fail([cancellationToken.IsCancellationRequested ? ErrorCodes.CancelledError() : ErrorCodes.TimeoutError(_options.Timeout)]);
                break;
            }


            var start = tracing ? Stopwatch.GetTimestamp() : 0;
            using var stepActivity = activity is null ? null : RequestTelemetry.Source.StartActivity(RequestTelemetry.SpanName(step));
            try
            {
                var pending = step.InvokeAsync(context);
                if (!pending.IsCompletedSuccessfully)
                {
                    await pending.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested && step is not ExecuteStep)
            {
                // A step that watches the token (analysis) gave up: the deadline passed or the client went away.
                context.Fail([cancellationToken.IsCancellationRequested ? ErrorCodes.CancelledError() : ErrorCodes.TimeoutError(_options.Timeout)]);
                break;
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

        var result = context.Result ?? ExecutionResult.FromError(new GraphQLError("The request produced no result."));
        RequestTelemetry.Finish(activity, context, result, started);
        if (tracing)
        {
            result.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
            result.Extensions["tracing"] = context.Timings();
        }

        return result;
    }
}
