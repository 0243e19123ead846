using Graph.Api.Cli;
using Graph.Api.Composition;
using Graph.Api.Health;
using Graph.Api.Http;
using Graph.Core.Store;

// The table of contents: the command line, and for `serve` what the server registers and maps.
return await GraphCommandLine.Build(ServeAsync).Parse(args).InvokeAsync();

static async Task<int> ServeAsync(string[] switches, CancellationToken cancellationToken)
{
    // Content root beside the binary: appsettings.json and the playground are found wherever the server is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = switches, ContentRootPath = AppContext.BaseDirectory });
    builder.WebHost.UseDefaultLoopbackUrl();

    // Every setting is checked before anything is opened: a bad value stops the start, naming the setting.
    var options = GraphConfiguration.ReadGraphOptions(builder.Configuration);
    using var startupLogging = LoggerFactory.Create(b => b.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
    var store = await GraphStoreFactory.OpenAsync(options, startupLogging, cancellationToken);
    if (options.Seed.OnFirstStart)
    {
        await SeedKnowledge.EnsureSeededAsync(store, options.Seed.ResolvedKnowledgePath, startupLogging.CreateLogger("Seed"), cancellationToken);
    }

    builder.Services.AddSingleton<IGraphStore>(store);
    builder.Services.AddSingleton(GraphStoreFactory.Readiness(store));
    builder.Services.AddGraphApi(builder.Configuration);

    var app = builder.Build();
    app.MapGraphApi();
    app.MapHealth();

    await app.StartAsync(cancellationToken);
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"GraphQL endpoint and playground: {address}/graphql");
    }

    await app.WaitForShutdownAsync(cancellationToken);
    return 0;
}
