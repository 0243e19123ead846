using System.Globalization;
using Graph.Api.Http;
using Graph.Api.Http.PersistedOperations;
using Microsoft.Extensions.Options;

namespace Graph.Api.Composition;

/// <summary>
/// Checks every value of <see cref="GraphOptions"/>, each failure naming its setting (<c>Graph:Api:MaxDepth</c>), the
/// value found and what is allowed. The server runs it on start (a failure stops it) and so does every command.
/// </summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What is wrong with the options, one sentence per setting; empty when all is well.</summary>
    public static IReadOnlyList<string> Failures(GraphOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Store))
        {
            failures.Add($"Graph:Store must be embedded or neo4j (got '{options.Store}').");
        }

        if (options.Store == StoreKind.Neo4j && string.IsNullOrWhiteSpace(options.Neo4j.Uri))
        {
            failures.Add("Graph:Store is neo4j but Graph:Neo4j:Uri is not set (e.g. Graph__Neo4j__Uri=http://localhost:7474).");
        }
        else if (!string.IsNullOrWhiteSpace(options.Neo4j.Uri) && !IsHttpUri(options.Neo4j.Uri))
        {
            failures.Add($"Graph:Neo4j:Uri '{options.Neo4j.Uri}' is not an absolute http(s) URI (e.g. http://localhost:7474).");
        }

        Api(options.Api, failures);
        Telemetry(options.Telemetry, failures);
        Ingest(options.Ingest, failures);
        var model = options.Extraction.Model;
        if (model.Enabled)
        {
            if (string.IsNullOrWhiteSpace(model.Model))
            {
                failures.Add("Graph:Extraction:Model:Model must name the model to ask (e.g. 'llama3.1') when Graph:Extraction:Model:Enabled is true.");
            }

            if (model.Endpoint is { Length: > 0 } endpoint && !IsHttpUri(endpoint))
            {
                failures.Add($"Graph:Extraction:Model:Endpoint must be an absolute http(s) URI (e.g. 'http://localhost:11434/v1'); got '{endpoint}'.");
            }

            InRange(failures, "Graph:Extraction:Model:MaxChunkChars", model.MaxChunkChars, 1_000, 1_000_000);
            if (model.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"Graph:Extraction:Model:Timeout must be a positive time span such as 00:02:00 (got '{model.Timeout}').");
            }
        }

        return failures;
    }

    private static void Api(GraphApiOptions api, List<string> failures)
    {
        if (api.Key is { Length: > 0 } key && (key.Length < GraphApiOptions.MinKeyLength || key.Any(char.IsWhiteSpace)))
        {
            failures.Add($"Graph:Api:Key must be at least {GraphApiOptions.MinKeyLength} characters without spaces (got {key.Length}); leave it empty to run read-only.");
        }

        InRange(failures, "Graph:Api:MaxRequestBytes", api.MaxRequestBytes, 1_024, 16 * 1024 * 1024, " bytes");
        InRange(failures, "Graph:Api:MaxWriteRequestBytes", api.MaxWriteRequestBytes, 1_024, 256 * 1024 * 1024, " bytes");
        InRange(failures, "Graph:Api:MaxDepth", api.MaxDepth, 2, 64);
        InRange(failures, "Graph:Api:MaxCost", api.MaxCost, 10, 100_000_000);
        InRange(failures, "Graph:Api:MaxTokens", api.MaxTokens, 100, 1_000_000);
        InRange(failures, "Graph:Api:MaxAliases", api.MaxAliases, 1, 10_000);
        InRange(failures, "Graph:Api:MaxExpandedFields", api.MaxExpandedFields, 10, 10_000_000);
        InRange(failures, "Graph:Api:TimeoutSeconds", api.TimeoutSeconds, 1, 600);
        InRange(failures, "Graph:Api:MaxSubscriptionsPerConnection", api.MaxSubscriptionsPerConnection, 1, 1_000);
        InRange(failures, "Graph:Api:SubscriptionHeartbeatSeconds", api.SubscriptionHeartbeatSeconds, 1, 600);
        InRange(failures, "Graph:Api:ConnectionInitTimeoutSeconds", api.ConnectionInitTimeoutSeconds, 1, 60);
        if (!string.IsNullOrWhiteSpace(api.TrustedDocuments))
        {
            // The file is read here so a missing or malformed one stops the start, naming it.
            if (TrustedDocumentStore.Load(api.TrustedDocuments).Problem is { } problem)
            {
                failures.Add($"Graph:Api:TrustedDocuments: {problem}");
            }
        }
        else if (api.TrustedDocumentsOnly)
        {
            failures.Add("Graph:Api:TrustedDocumentsOnly is true but Graph:Api:TrustedDocuments names no file: set the path of the trusted-documents JSON (e.g. persisted-documents.json).");
        }
        for (var i = 0; i < api.CorsOrigins.Length; i++)
        {
            var origin = api.CorsOrigins[i];
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && !origin.EndsWith('/')))
            {
                failures.Add($"Graph:Api:CorsOrigins:{i} '{origin}' is not an origin; use '*' or a scheme and host such as 'https://example.org' (no path, no trailing slash).");
            }
        }
    }

    private static void Telemetry(GraphOptions.TelemetrySection telemetry, List<string> failures)
    {
        if (telemetry.OtlpEndpoint is { Length: > 0 } endpoint && !IsHttpUri(endpoint))
        {
            failures.Add($"Graph:Telemetry:OtlpEndpoint must be an absolute http(s) URI such as 'http://localhost:4317' (got '{endpoint}'); leave it empty for no OTLP export.");
        }

        if (telemetry.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            failures.Add($"Graph:Telemetry:OtlpProtocol must be grpc or http/protobuf (got '{telemetry.OtlpProtocol}').");
        }

        if (!telemetry.PrometheusPath.StartsWith('/') || telemetry.PrometheusPath.Length < 2 || telemetry.PrometheusPath.Any(char.IsWhiteSpace))
        {
            failures.Add($"Graph:Telemetry:PrometheusPath must be a path such as '/metrics' (got '{telemetry.PrometheusPath}').");
        }

        if (string.IsNullOrWhiteSpace(telemetry.ServiceName))
        {
            failures.Add("Graph:Telemetry:ServiceName must not be empty (it names the service in traces and metrics).");
        }
    }

    private static void Ingest(IngestSettings ingest, List<string> failures)
    {
        if (ingest.AutoAcceptAbove is { } threshold && (threshold is < 0 or > 1 || double.IsNaN(threshold)))
        {
            failures.Add($"Graph:Ingest:AutoAcceptAbove must be between 0 and 1 (got {threshold.ToString(CultureInfo.InvariantCulture)}); leave it unset to review every proposal.");
        }

        InRange(failures, "Graph:Ingest:MaxDocumentBytes", ingest.MaxDocumentBytes, 1_024, 256L * 1024 * 1024, " bytes");
        InRange(failures, "Graph:Ingest:FetchTimeoutSeconds", ingest.FetchTimeoutSeconds, 1, 600);
    }

    private static void InRange(List<string> failures, string setting, long value, long min, long max, string unit = "")
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} must be between {min} and {max}{unit} (got {value})."));
        }
    }

    private static bool IsHttpUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
