using System.ComponentModel.DataAnnotations;
using Graph.Api.Http;
using Microsoft.Extensions.Options;

namespace Graph.Api.Composition;

/// <summary>Builds configuration the same way for the server and the command line: JSON, environment, switches.</summary>
public static class GraphConfiguration
{
    /// <summary>appsettings.json (beside the app), environment variables, then <c>--Key=value</c> switches.</summary>
    public static IConfigurationRoot Build(IReadOnlyList<string> switches) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. switches])
            .Build();

    /// <summary>
    /// The <c>Graph</c> section bound and checked: a value that does not convert or is out of range throws a
    /// <see cref="ValidationException"/> naming each bad setting and what is allowed.
    /// </summary>
    public static GraphOptions ReadGraphOptions(IConfiguration configuration)
    {
        var options = Bind(configuration.GetSection(GraphOptions.Section));
        var failures = GraphOptionsValidator.Failures(options);
        return failures.Count == 0 ? options : throw new ValidationException(Describe(failures));
    }

    /// <summary>The one text for a list of configuration failures, as the server and the commands print it.</summary>
    public static string Describe(IEnumerable<string> failures) => "invalid configuration: " + string.Join(" ", failures);

    /// <summary>
    /// Registers <see cref="GraphOptions"/> (bound from <c>Graph</c>, validated on start by <see cref="GraphOptionsValidator"/>)
    /// and its parts as <see cref="IOptions{TOptions}"/> of <see cref="GraphApiOptions"/> and <see cref="IngestSettings"/>.
    /// </summary>
    public static IServiceCollection AddGraphOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IValidateOptions<GraphOptions>)))
        {
            return services;
        }

        services.AddOptions<GraphOptions>()
            .Configure(options => BindInto(configuration.GetSection(GraphOptions.Section), options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton<IOptions<GraphApiOptions>>(provider => Options.Create(provider.GetRequiredService<IOptions<GraphOptions>>().Value.Api));
        services.AddSingleton<IOptions<IngestSettings>>(provider => Options.Create(provider.GetRequiredService<IOptions<GraphOptions>>().Value.Ingest));
        return services;
    }

    private static GraphOptions Bind(IConfigurationSection section)
    {
        var options = new GraphOptions();
        BindInto(section, options);
        return options;
    }

    private static void BindInto(IConfigurationSection section, GraphOptions options)
    {
        // The store is read by hand so a wrong name lists the allowed ones (the binder only says it could not convert).
        if (section["Store"] is { Length: > 0 } store && !Enum.TryParse<StoreKind>(store, ignoreCase: true, out _))
        {
            throw new ValidationException(Describe([$"Graph:Store must be embedded or neo4j (got '{store}')."]));
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // "Failed to convert configuration value 'x' at 'Graph:Api:MaxDepth' to type 'System.Int32'."
            throw new ValidationException(Describe([e.Message + " Write it as that type: a whole number for sizes, counts and seconds, true or false for switches."]), e);
        }
    }
}
