using Graph.Api.Http;
using Graph.Extraction.Extractors.Model;

namespace Graph.Api.Composition;

/// <summary>Which store holds the graph: the embedded SQLite file (default) or a Neo4j server.</summary>
public enum StoreKind
{
    Embedded,
    Neo4j,
}

/// <summary>
/// Every setting of the product, the one <c>Graph</c> configuration section: store, seeding, the GraphQL endpoint
/// (<c>Graph:Api</c>), ingestion (<c>Graph:Ingest</c>) and the model extractor (<c>Graph:Extraction:Model</c>). Bound
/// from appsettings.json, environment variables (<c>Graph__Store=neo4j</c>) or switches (<c>--Graph:Store=neo4j</c>);
/// the defaults live here, and <see cref="GraphOptionsValidator"/> checks every value when the server or a command starts.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The store, chosen once at composition.</summary>
    public StoreKind Store { get; set; } = StoreKind.Embedded;

    public EmbeddedSection Embedded { get; set; } = new();

    public Neo4jSection Neo4j { get; set; } = new();

    public SeedSection Seed { get; set; } = new();

    /// <summary>The GraphQL endpoint: key, limits, CORS, playground.</summary>
    public GraphApiOptions Api { get; set; } = new();

    /// <summary>Ingestion: auto-accept threshold, document size, fetch timeout.</summary>
    public IngestSettings Ingest { get; set; } = new();

    /// <summary>Extraction: the optional language-model extractor.</summary>
    public ExtractionSection Extraction { get; set; } = new();

    /// <summary>Traces and metrics (OpenTelemetry): off unless an exporter is configured.</summary>
    public TelemetrySection Telemetry { get; set; } = new();

    /// <summary>Options of the embedded store.</summary>
    public sealed class EmbeddedSection
    {
        /// <summary>The SQLite file; empty means the per-user default.</summary>
        public string? Path { get; set; }

        /// <summary>Keep the index snapshot beside the file (<c>graph.db.index</c>) so the next start opens fast.</summary>
        public bool IndexSnapshot { get; set; } = true;
    }

    /// <summary>Options of the Neo4j store.</summary>
    public sealed class Neo4jSection
    {
        public string? Uri { get; set; }

        public string User { get; set; } = "neo4j";

        public string? Password { get; set; }

        public string Database { get; set; } = "neo4j";
    }

    /// <summary>Seeding the store with the seed documents' knowledge.</summary>
    public sealed class SeedSection
    {
        /// <summary>Seed an empty store when the server starts.</summary>
        public bool OnFirstStart { get; set; } = true;

        /// <summary>The knowledge file; empty means the copy shipped with the app (data/knowledge/seed-knowledge.json).</summary>
        public string? KnowledgePath { get; set; }

        /// <summary>The knowledge file to use.</summary>
        public string ResolvedKnowledgePath =>
            string.IsNullOrWhiteSpace(KnowledgePath)
                ? System.IO.Path.Combine(AppContext.BaseDirectory, "data", "knowledge", "seed-knowledge.json")
                : System.IO.Path.GetFullPath(KnowledgePath);
    }

    /// <summary>
    /// Telemetry: spans and metrics are collected only when something exports them, an OTLP endpoint (this setting or
    /// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or the Prometheus scrape endpoint.
    /// </summary>
    public sealed class TelemetrySection
    {
        /// <summary>The OTLP collector, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP); empty: OTEL_EXPORTER_OTLP_ENDPOINT, else no OTLP.</summary>
        public string? OtlpEndpoint { get; set; }

        /// <summary>The OTLP protocol: grpc (default) or http/protobuf.</summary>
        public string OtlpProtocol { get; set; } = "grpc";

        /// <summary>Serve metrics for Prometheus at <see cref="PrometheusPath"/>. Off by default: the endpoint has no key.</summary>
        public bool Prometheus { get; set; }

        /// <summary>Where Prometheus scrapes.</summary>
        public string PrometheusPath { get; set; } = "/metrics";

        /// <summary>The service.name resource attribute.</summary>
        public string ServiceName { get; set; } = "graph-explorer";
    }

    /// <summary>Extraction settings.</summary>
    public sealed class ExtractionSection
    {
        /// <summary>The language-model extractor (off by default).</summary>
        public ModelExtractorOptions Model { get; set; } = new();
    }
}
