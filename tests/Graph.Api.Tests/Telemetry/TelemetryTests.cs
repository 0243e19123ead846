using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Telemetry;
using Graph.GraphQL.Pipeline;

namespace Graph.Api.Tests.Telemetry;

/// <summary>Traces and metrics of real requests over real HTTP, with the server composed as Program.cs composes it.</summary>
public sealed partial class TelemetryTests
{
    private const string NeighbourhoodQuery = "query Around { neighbourhood(actor: \"Russia\", depth: 1) { nodeCount nodes { id caption } } }";

    private static readonly Dictionary<string, string?> s_prometheusOn = new() { ["Graph:Telemetry:Prometheus"] = "true" };

    [Fact]
    public async Task One_request_traces_as_an_HTTP_span_over_a_GraphQL_request_span_with_its_stage_spans_and_the_store_spans_below()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RequestTelemetry.Name or InstrumentedGraphStore.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await TelemetryHost.StartAsync(s_prometheusOn);
        Assert.IsType<InstrumentedGraphStore>(host.RegisteredStore);

        // The trace id comes from the client (W3C traceparent), so only this request's spans are collected.
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = NeighbourhoodQuery }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Russia", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The HTTP span stops last, after the response is written: wait for it.
        for (var i = 0; i < 100 && !spans.Any(s => s.Source.Name == "Microsoft.AspNetCore"); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var all = spans.ToList();
        var http = Assert.Single(all, s => s.Source.Name == "Microsoft.AspNetCore");
        var graphql = Assert.Single(all, s => s.OperationName == "graphql.request");
        Assert.Equal(http.SpanId, graphql.ParentSpanId);
        Assert.Equal("query", graphql.GetTagItem("graphql.operation.type"));
        Assert.Equal("Around", graphql.GetTagItem("graphql.operation.name"));

        var stages = all.Where(s => s.ParentSpanId == graphql.SpanId && s.Source.Name == RequestTelemetry.Name).Select(s => s.OperationName).ToList();
        foreach (var stage in new[] { "graphql.parse", "graphql.validate", "graphql.cost", "graphql.execute" })
        {
            Assert.Contains(stage, stages);
        }

        var execute = Assert.Single(all, s => s.OperationName == "graphql.execute");
        var store = all.Where(s => s.Source.Name == InstrumentedGraphStore.SourceName).ToList();
        Assert.Contains(store, s => s.OperationName == "store.GetNeighbourhood");
        foreach (var call in store)
        {
            Assert.Equal(execute.SpanId, call.ParentSpanId);
            Assert.Equal("sqlite", call.GetTagItem("db.system.name"));
        }

        TestContext.Current.SendDiagnosticMessage(string.Join("\n", all.OrderBy(s => s.StartTimeUtc).Select(s => $"{s.Source.Name} {s.OperationName} {s.Duration.TotalMilliseconds:0.000} ms")));
    }

    [Fact]
    public async Task Metrics_at_the_Prometheus_endpoint_count_the_request_its_error_code_and_the_store_calls()
    {
        await using var host = await TelemetryHost.StartAsync(s_prometheusOn);
        var before = await ScrapeAsync(host);

        await PostAsync(host, NeighbourhoodQuery);
        await PostAsync(host, "{ neighbourhood(actor: ");   // a syntax error: GRAPHQL_PARSE_FAILED
        var after = await ScrapeAsync(host);

        Assert.True(Sum(after, "graphql_requests_total", "graphql_outcome=\"ok\"") > Sum(before, "graphql_requests_total", "graphql_outcome=\"ok\""), after);
        Assert.True(Sum(after, "graphql_errors_total", "graphql_error_code=\"GRAPHQL_PARSE_FAILED\"") > Sum(before, "graphql_errors_total", "graphql_error_code=\"GRAPHQL_PARSE_FAILED\""), after);
        Assert.True(Sum(after, "graph_store_calls_total", "db_operation_name=\"GetNeighbourhood\"") > Sum(before, "graph_store_calls_total", "db_operation_name=\"GetNeighbourhood\""), after);
        Assert.True(Sum(after, "graphql_request_duration_seconds_count", "") >= 2, after);
    }

    [Fact]
    public async Task Without_an_exporter_the_store_is_not_wrapped_and_there_is_no_metrics_endpoint()
    {
        await using var host = await TelemetryHost.StartAsync(new Dictionary<string, string?>());
        Assert.IsNotType<InstrumentedGraphStore>(host.RegisteredStore);
        using var response = await host.Client.GetAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Telemetry wraps the store, the event bus wraps that: ingestion and review must still find the store that keeps
    /// documents and proposals under both layers.
    /// </summary>
    [Fact]
    public async Task With_telemetry_on_a_document_is_ingested_through_the_instrumented_store_and_the_event_bus()
    {
        await using var host = await TelemetryHost.StartAsync(new Dictionary<string, string?>(s_prometheusOn) { ["Graph:Api:Key"] = Graph.Api.Tests.EndToEnd.ApiServer.Key });
        var body = JsonSerializer.Serialize(new
        {
            query = "mutation($text: String!) { ingestDocument(input: {text: $text, title: \"Telemetry and ingestion\"}) { proposalCount } }",
            variables = new { text = "Estonia and Finland signed a border agreement on Monday, the Estonian foreign ministry said.\n" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Graph.Api.Tests.EndToEnd.ApiServer.Key);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"errors\"", text, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(text)!["data"]!["ingestDocument"]!["proposalCount"]!.GetValue<int>() > 0, text);
    }

    private static async Task PostAsync(TelemetryHost host, string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("graphql", content, TestContext.Current.CancellationToken);
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string> ScrapeAsync(TelemetryHost host)
    {
        using var response = await host.Client.GetAsync("metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The sum of the samples of a metric whose labels contain the text (metrics are process-wide: other tests add to them too).</summary>
    private static double Sum(string exposition, string metric, string label) =>
        exposition.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
