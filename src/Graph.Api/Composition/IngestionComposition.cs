using System.ComponentModel.DataAnnotations;
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

/// <summary>Settings of ingestion, bound from <c>Graph:Ingest</c> (e.g. <c>Graph__Ingest__AutoAcceptAbove</c>) and validated on start.</summary>
public sealed class IngestSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Ingest";

    /// <summary>Proposals at or above this confidence are accepted as they are ingested; unset (the default) waits for review.</summary>
    public double? AutoAcceptAbove { get; set; }

    /// <summary>Largest document accepted, in bytes (a file, a fetched page, or the API's decoded content).</summary>
    [Range(1_024, 256L * 1024 * 1024, ErrorMessage = "Graph:Ingest:MaxDocumentBytes must be between 1024 and 268435456 bytes.")]
    public long MaxDocumentBytes { get; set; } = ReadOptions.DefaultMaxBytes;

    /// <summary>How long a URL may take to answer, in seconds.</summary>
    [Range(1, 600, ErrorMessage = "Graph:Ingest:FetchTimeoutSeconds must be between 1 and 600.")]
    public int FetchTimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AutoAcceptAbove is { } threshold && (threshold is < 0 or > 1 || double.IsNaN(threshold)))
        {
            yield return new ValidationResult($"Graph:Ingest:AutoAcceptAbove must be between 0 and 1 (got {threshold}); leave it unset to review every proposal.", [nameof(AutoAcceptAbove)]);
        }
    }

    /// <summary>The settings from configuration, checked (for the command line, which has no host to validate them).</summary>
    public static IngestSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<IngestSettings>() ?? new IngestSettings();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true))
        {
            throw new InvalidArgumentException(Section, string.Join(" ", problems.Select(p => p.ErrorMessage)));
        }

        return settings;
    }
}

/// <summary>
/// Puts ingestion together: the rule extractor (its gazetteer holds every actor of the graph), the ingestion and review
/// services over the chosen store. One place, so the server and the command line ingest alike.
/// </summary>
public static class IngestionComposition
{
    /// <summary>The store's ingestion side; every store implements it (Neo4j says clearly what it does not support yet).</summary>
    public static IIngestionStore IngestionStoreOf(IGraphStore store) =>
        store as IIngestionStore ?? throw new InvalidArgumentException("store", $"The {store.Name} store keeps no documents or proposals, so it cannot ingest.");

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

    /// <summary>Registers <see cref="IngestSettings"/> (validated on start) and the two services over the registered store.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestSettings>()
            .Bind(configuration.GetSection(IngestSettings.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => CreateIngestion(provider.GetRequiredService<IGraphStore>(), provider.GetRequiredService<IOptions<IngestSettings>>().Value, configuration));
        services.AddSingleton(provider => CreateReview(provider.GetRequiredService<IGraphStore>()));
        return services;
    }
}
