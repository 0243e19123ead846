using System.Diagnostics;
using System.Diagnostics.Metrics;
using Graph.GraphQL.Error;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Pipeline;

/// <summary>
/// The engine's traces and metrics, through the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/> (no
/// telemetry package): a span per request (<c>graphql.request</c>) with a child span per pipeline step
/// (<c>graphql.parse</c>, <c>graphql.validate</c>, <c>graphql.cost</c>, <c>graphql.execute</c>, ...), a request counter,
/// a duration histogram and an error counter by <c>extensions.code</c>. With nobody listening a span is never created
/// and a measurement is one enabled-check, so the host decides whether any of it costs anything.
/// </summary>
public static class RequestTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Graph.GraphQL";

    /// <summary>The engine's spans.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_requests = s_meter.CreateCounter<long>("graphql.requests", "{request}", "GraphQL requests run, by operation type and outcome.");

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>("graphql.request.duration", "s", "Time from the request's text to its result.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> s_errors = s_meter.CreateCounter<long>("graphql.errors", "{error}", "GraphQL errors in results, by extensions.code.");

    /// <summary>Whether a request should measure its duration (someone listens to the duration).</summary>
    internal static bool MeasuresDuration => s_duration.Enabled;

    /// <summary>The span name of a pipeline step: the limits step is the cost analysis.</summary>
    internal static string SpanName(IRequestStep step) => step.Name switch
    {
        "parse" => "graphql.parse",
        "validate" => "graphql.validate",
        "limits" => "graphql.cost",
        "execute" => "graphql.execute",
        "documentCache" => "graphql.document_cache",
        "operation" => "graphql.operation",
        "authorize" => "graphql.authorize",
        "coerceVariables" => "graphql.coerce_variables",
        var other => "graphql." + other,
    };

    /// <summary>Records a finished request: its span's tags and status, the counters and the duration.</summary>
    internal static void Finish(Activity? activity, RequestContext context, ExecutionResult result, long startTimestamp)
    {
        if (activity is null && startTimestamp == 0 && !s_requests.Enabled && !s_errors.Enabled)
        {
            return;
        }

        var operationType = context.Operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "unknown",
        };
        var outcome = result.Errors is { Count: > 0 } ? (result.IsDataPresent ? "partial" : "failed") : "ok";
        if (activity is not null)
        {
            activity.SetTag("graphql.operation.type", operationType);
            if (context.Operation?.Name?.Value is { } name)
            {
                activity.SetTag("graphql.operation.name", name);
            }

            activity.SetTag("graphql.outcome", outcome);
            if (outcome == "failed")
            {
                activity.SetStatus(ActivityStatusCode.Error, result.Errors![0].Message);
            }
        }

        if (s_requests.Enabled)
        {
            s_requests.Add(1, new KeyValuePair<string, object?>("graphql.operation.type", operationType), new KeyValuePair<string, object?>("graphql.outcome", outcome));
        }

        if (startTimestamp != 0)
        {
            s_duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("graphql.operation.type", operationType));
        }

        if (s_errors.Enabled && result.Errors is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                s_errors.Add(1, new KeyValuePair<string, object?>("graphql.error.code", ErrorCodes.Of(error) ?? "UNCODED"));
            }
        }
    }
}
