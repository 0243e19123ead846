using Graph.Api.Cli;
using Graph.Api.Composition;
using Graph.Core.Store;

// The table of contents: the command line, and for `serve` what the server registers and maps.
return await GraphCommandLine.Build(ServeAsync).Parse(args).InvokeAsync();

static async Task<int> ServeAsync(string[] switches, CancellationToken cancellationToken)
{
    var builder = WebApplication.CreateBuilder(switches);
    builder.WebHost.UseDefaultLoopbackUrl();

    var options = GraphConfiguration.ReadGraphOptions(builder.Configuration);
    using var startupLogging = LoggerFactory.Create(b => b.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
    var store = await GraphStoreFactory.OpenAsync(options, startupLogging, cancellationToken);
    if (options.Seed.OnFirstStart)
    {
        await SeedKnowledge.EnsureSeededAsync(store, options.Seed.ResolvedKnowledgePath, startupLogging.CreateLogger("Seed"), cancellationToken);
    }

    builder.Services.AddSingleton<IGraphStore>(store);
    builder.Services.AddSingleton(options);

    var app = builder.Build();
    app.MapGet("/health", () => Results.Ok(new { status = "ok", store = store.Name }));

    await app.StartAsync(cancellationToken);
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"GraphQL endpoint and playground: {address}/graphql");
    }

    await app.WaitForShutdownAsync(cancellationToken);
    return 0;
}
