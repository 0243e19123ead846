using Graph.Api.Cli;
using Graph.Api.Composition;
using Graph.Api.Health;
using Graph.Api.Http;
using Graph.Api.Telemetry;
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
    var opened = await GraphStoreFactory.OpenAsync(options, startupLogging, cancellationToken);
    if (options.Seed.OnFirstStart)
    {
        await SeedKnowledge.EnsureSeededAsync(opened, options.Seed.ResolvedKnowledgePath, startupLogging.CreateLogger("Seed"), cancellationToken);
    }

    var store = TelemetryComposition.Instrument(opened, options.Telemetry, builder.Configuration);
    builder.Services.AddSingleton<IGraphStore>(store);
    builder.Services.AddSingleton(GraphStoreFactory.Readiness(opened));
    builder.Services.AddGraphTelemetry(options.Telemetry, builder.Configuration);
    builder.Services.AddGraphApi(builder.Configuration);

    var app = builder.Build();
    app.MapGraphApi();
    app.MapHealth();
    app.MapGraphTelemetry(options.Telemetry);

    await app.StartAsync(cancellationToken);
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"GraphQL endpoint and playground: {address}/graphql");
    }

    await app.WaitForShutdownAsync(cancellationToken);
    return 0;
}
