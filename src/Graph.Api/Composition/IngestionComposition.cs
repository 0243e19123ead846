using Graph.Core.Errors;
using Graph.Core.Store;
using Graph.Core.Model;
using Graph.Extraction.Extractors;
using Graph.Extraction.Extractors.Model;
using Microsoft.Extensions.AI;
using Graph.Extraction.Reading;
using Graph.Ingest.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.Composition;

/// <summary>The <c>Graph:Ingest</c> part of <see cref="GraphOptions"/> (e.g. <c>Graph__Ingest__AutoAcceptAbove</c>), checked by <see cref="GraphOptionsValidator"/>.</summary>
public sealed class IngestSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Ingest";

    /// <summary>Proposals at or above this confidence are accepted as they are ingested; unset (the default) waits for review.</summary>
    public double? AutoAcceptAbove { get; set; }

    /// <summary>Largest document accepted, in bytes (a file, a fetched page, or the API's decoded content).</summary>
    public long MaxDocumentBytes { get; set; } = ReadOptions.DefaultMaxBytes;

    /// <summary>How long a URL may take to answer, in seconds.</summary>
    public int FetchTimeoutSeconds { get; set; } = 30;

    /// <summary>The settings from configuration, checked with the rest of <see cref="GraphOptions"/> (for the command line, which has no host).</summary>
    public static IngestSettings Read(IConfiguration configuration) => GraphConfiguration.ReadGraphOptions(configuration).Ingest;
}

/// <summary>
/// Puts ingestion together: the rule extractor (its gazetteer holds every actor of the graph), the ingestion and review
/// services over the chosen store. One place, so the server and the command line ingest alike.
/// </summary>
public static class IngestionComposition
{
    /// <summary>The store's ingestion side; every store implements it (Neo4j says clearly what it does not support yet).</summary>
    public static IIngestionStore IngestionStoreOf(IGraphStore store) =>
        store.Find<IIngestionStore>() ?? throw new InvalidArgumentException("store", $"The {store.Name} store keeps no documents or proposals, so it cannot ingest.");

    /// <summary>
    /// The ingestion service over a store: the rule extractor, or the model extractor when <c>Graph:Extraction:Model:Enabled</c>
    /// is set (its answers pass the same checks: verbatim quotes, known types, allowed directions).
    /// </summary>
    public static IngestionService CreateIngestion(IGraphStore store, IngestSettings settings, IConfiguration? configuration = null) =>
        new(store, IngestionStoreOf(store), ExtractorFactory(configuration), TimeProvider.System,
            new IngestionOptions { AutoAcceptThreshold = settings.AutoAcceptAbove });

    /// <summary>Makes the configured extractor over the graph's actors; the chat client is made once and shared.</summary>
    public static Func<IReadOnlyCollection<Actor>, IExtractor> ExtractorFactory(IConfiguration? configuration)
    {
        var model = configuration?.GetSection(ModelExtractorOptions.SectionName).Get<ModelExtractorOptions>();
        if (model is not { Enabled: true })
        {
            return static actors => new RuleExtractor(actors);
        }

        IChatClient client;
        try
        {
            client = ModelExtractorFactory.Create(model);
        }
        catch (ArgumentException e)
        {
            throw new InvalidArgumentException(ModelExtractorOptions.SectionName, e.Message);
        }

        return actors => new ChatClientExtractor(client, actors, model);
    }

    /// <summary>The review service over a store.</summary>
    public static ReviewService CreateReview(IGraphStore store) => new(store, IngestionStoreOf(store));

    /// <summary>Reading options for a document of the given settings.</summary>
    public static ReadOptions ReadOptionsFor(IngestSettings settings, DocumentMetadata? overrides = null, string? formatHint = null) =>
        new() { MaxBytes = settings.MaxDocumentBytes, Overrides = overrides, FormatHint = formatHint };

    /// <summary>Registers the options (<see cref="IngestSettings"/> among them, validated on start) and the two services over the registered store.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphOptions(configuration);
        services.AddSingleton(provider => CreateIngestion(provider.GetRequiredService<IGraphStore>(), provider.GetRequiredService<IOptions<IngestSettings>>().Value, configuration));
        services.AddSingleton(provider => CreateReview(provider.GetRequiredService<IGraphStore>()));
        return services;
    }
}
