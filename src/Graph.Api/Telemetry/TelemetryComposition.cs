using Graph.Api.Composition;
using Graph.Core.Store;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Graph.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the server: traces from ASP.NET Core, the GraphQL engine (<see cref="RequestTelemetry"/>) and the
/// store (<see cref="InstrumentedGraphStore"/>), metrics from the same layers, exported over OTLP when an endpoint is
/// configured and served at /metrics when Prometheus is on. With neither, nothing is registered and the store is not
/// wrapped: telemetry off is the code path of a build without it.
/// </summary>
public static class TelemetryComposition
{
    /// <summary>The standard variable the OTLP exporter reads.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether any exporter is configured.</summary>
    public static bool IsEnabled(GraphOptions.TelemetrySection telemetry, IConfiguration configuration) =>
        telemetry.Prometheus || OtlpEndpoint(telemetry, configuration) is not null;

    /// <summary>The store to register: wrapped for spans and metrics when telemetry is on, else the store itself.</summary>
    public static IGraphStore Instrument(IGraphStore store, GraphOptions.TelemetrySection telemetry, IConfiguration configuration) =>
        IsEnabled(telemetry, configuration) ? new InstrumentedGraphStore(store) : store;

    /// <summary>Registers the OpenTelemetry providers and exporters the options ask for (nothing when none).</summary>
    public static IServiceCollection AddGraphTelemetry(this IServiceCollection services, GraphOptions.TelemetrySection telemetry, IConfiguration configuration)
    {
        if (!IsEnabled(telemetry, configuration))
        {
            return services;
        }

        var otlp = OtlpEndpoint(telemetry, configuration);
        var protocol = telemetry.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RequestTelemetry.Name, InstrumentedGraphStore.SourceName).AddAspNetCoreInstrumentation();
                if (telemetry.Prometheus)
                {
                    // No response cache: a scrape sees every request finished before it.
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => Configure(exporter, otlp, protocol, "v1/metrics"));
                }
            });
        if (otlp is not null)
        {
            builder.WithTracing(tracing => tracing
                .AddSource(RequestTelemetry.Name, InstrumentedGraphStore.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(exporter => Configure(exporter, otlp, protocol, "v1/traces")));
        }

        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is on.</summary>
    public static WebApplication MapGraphTelemetry(this WebApplication app, GraphOptions.TelemetrySection telemetry)
    {
        if (telemetry.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(telemetry.PrometheusPath);
        }

        return app;
    }

    private static Uri? OtlpEndpoint(GraphOptions.TelemetrySection telemetry, IConfiguration configuration)
    {
        var text = telemetry.OtlpEndpoint is { Length: > 0 } configured ? configured : configuration[OtlpEndpointVariable];
        return string.IsNullOrWhiteSpace(text) ? null : new Uri(text, UriKind.Absolute);
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;

        // Over HTTP the exporter takes the full signal URL when the endpoint is set in code; over gRPC the base address.
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/" ? new Uri(endpoint, signalPath) : endpoint;
    }
}
