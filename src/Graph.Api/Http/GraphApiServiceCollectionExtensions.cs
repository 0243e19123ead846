using Graph.Api.Composition;
using Graph.Api.Health;
using Graph.Api.Http.PersistedOperations;
using Graph.Api.Http.Subscriptions;
using Graph.Api.Schema;
using Graph.GraphQL.Analysis;
using Graph.GraphQL.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Graph.Api.Http;

/// <summary>
/// The two calls Program.cs makes: <see cref="AddGraphApi"/> registers the GraphQL endpoint's services (the store is
/// registered by the composition), <see cref="MapGraphApi"/> maps /graphql, the playground and its examples, and the explorer at /.
/// </summary>
public static class GraphApiServiceCollectionExtensions
{
    private const string CorsPolicy = "GraphApi";

    /// <summary>Registers the schema's executor and the options (<see cref="GraphOptions"/>, its <see cref="GraphApiOptions"/> part included), validated on start.</summary>
    public static IServiceCollection AddGraphApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphOptions(configuration);
        services.AddGraphEvents();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GraphApiOptions>>().Value;
            return new RequestExecutor(ActorSchema.Instance, new RequestExecutorOptions
            {
                Limits = new QueryLimits { MaxDepth = options.MaxDepth, MaxCost = options.MaxCost, MaxAliases = options.MaxAliases, MaxTokens = options.MaxTokens, MaxExpandedFields = options.MaxExpandedFields },
                Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                AuthorizeOperation = ApiKey.AuthorizeOperation,
                ExposeExceptionMessages = false,
            });
        });
        services.AddGraphApiKestrelLimits();
        services.AddIngestion(configuration);
        services.AddSingleton<PlaygroundFiles>();
        services.AddSingleton<ExplorerFiles>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddStoreReadiness();
        services.AddSingleton(provider => TrustedDocumentStore.From(provider.GetRequiredService<IOptions<GraphApiOptions>>().Value));
        services.AddSingleton<SubscriptionEndpoints>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GraphApiOptions>>((cors, api) => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = api.Value.CorsOrigins;
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods("GET", "POST").WithHeaders("Content-Type", "Accept", "Authorization", ApiKey.HeaderName);
        }));
        return services;
    }

    /// <summary>Maps /graphql (GET and POST; other methods get a 405 in JSON), the playground under /playground/ and /playground/examples.json, the explorer at / (assets under /explorer/).</summary>
    public static WebApplication MapGraphApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GraphApiOptions>>().Value;
        var playground = app.Services.GetRequiredService<PlaygroundFiles>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphApiServiceCollectionExtensions));

        app.UseCors();
        if (options.Playground)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = playground.FileProvider, RequestPath = "/playground" });
            if (playground.Directory is null)
            {
                LogPlaygroundMissing(logger);
            }
        }

        // Every method reaches the endpoint, so that PUT or DELETE get a 405 with a GraphQL error in JSON, not an empty body.
        // WebSocket upgrades and event-stream requests at /graphql are subscriptions (Http/Subscriptions).
        app.UseWebSockets();
        var endpoint = app.Map("/graphql", (HttpContext http, GraphQLHttpEndpoint graphql, SubscriptionEndpoints subscriptions) =>
                SubscriptionEndpoints.Handles(http) ? subscriptions.HandleAsync(http) : graphql.HandleAsync(http))
            .WithDisplayName("GraphQL");
        if (options.CorsOrigins.Length > 0)
        {
            endpoint.RequireCors(CorsPolicy);
        }

        app.Services.GetRequiredService<ExplorerFiles>().Map(app, logger);
        app.MapGet("/playground/examples.json", GraphQLHttpEndpoint.ServeExamplesAsync).WithDisplayName("Playground examples");
        app.MapGet("/playground/", (HttpContext http) =>
        {
            http.Response.Redirect("/graphql");
            return Task.CompletedTask;
        });
        LogReady(logger, options.AllowsWrites ? "mutations need the API key" : "read-only (no Graph:Api:Key configured)");
        return app;
    }

    private static void LogPlaygroundMissing(ILogger logger) =>
        logger.LogWarning("The playground bundle (wwwroot/playground) was not found: /graphql answers GraphQL requests only. Build Graph.Api with Node.js and npm on PATH to include it.");

    private static void LogReady(ILogger logger, string writes) =>
        logger.LogInformation("GraphQL endpoint mapped at /graphql; {Writes}", writes);
}
