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

    /// <summary>The validated <c>Graph</c> section.</summary>
    public static GraphOptions ReadGraphOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        options.Validate();
        return options;
    }
}
