using Graph.Api.Composition;
using Graph.Api.Health;
using Graph.Api.Http;
using Graph.Api.Telemetry;
using Graph.Api.Tests.EndToEnd;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Telemetry;

/// <summary>
/// The API on Kestrel at 127.0.0.1 (port 0) over a seeded embedded store in a temp SQLite file, composed as Program.cs
/// composes it (options read and validated, store instrumented, telemetry registered and mapped) with the given settings.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graph-telemetry-tests", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private EmbeddedGraphStore _store = null!;

    private TelemetryHost()
    {
    }

    public HttpClient Client { get; private set; } = null!;

    public IGraphStore RegisteredStore { get; private set; } = null!;

    public static async Task<TelemetryHost> StartAsync(IDictionary<string, string?> settings)
    {
        var host = new TelemetryHost();
        Directory.CreateDirectory(host._folder);
        host._store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(host._folder, "graph.db"), DurableCommits = false });
        await host._store.ImportAsync(KnowledgeFile.Load(Path.Combine(ApiServer.RepositoryRoot, "data", "knowledge", "seed-knowledge.json")));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var options = GraphConfiguration.ReadGraphOptions(builder.Configuration);
        host.RegisteredStore = TelemetryComposition.Instrument(host._store, options.Telemetry, builder.Configuration);
        builder.Services.AddSingleton(host.RegisteredStore);
        builder.Services.AddSingleton(GraphStoreFactory.Readiness(host._store));
        builder.Services.AddGraphTelemetry(options.Telemetry, builder.Configuration);
        builder.Services.AddGraphApi(builder.Configuration);
        host._app = builder.Build();
        host._app.MapGraphApi();
        host._app.MapHealth();
        host._app.MapGraphTelemetry(options.Telemetry);
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
