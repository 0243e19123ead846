using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Api.Http;
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

namespace Graph.Api.Tests.EndToEnd;

/// <summary>
/// The API on Kestrel at 127.0.0.1 (port 0), over a real embedded store in a temp SQLite file seeded from
/// data/knowledge/seed-knowledge.json, with an API key configured (or none, for a read-only server).
/// </summary>
public class ApiServer : IAsyncLifetime
{
    /// <summary>The key the writable server is configured with.</summary>
    public const string Key = "test-key-0123456789abcdef";

    private readonly string? _key;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graph-api-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>A server with the key configured.</summary>
    public ApiServer()
        : this(Key)
    {
    }

    /// <summary>A server with the given key (null: read-only).</summary>
    protected ApiServer(string? key) => _key = key;

    /// <summary>The store behind the server.</summary>
    public EmbeddedGraphStore Store { get; private set; } = null!;

    /// <summary>A client for the server.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running server's services (the event bus, for counting live subscriptions).</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The repository's root folder (holding Graph.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(_folder, "graph.db"), DurableCommits = false });
        await Store.ImportAsync(KnowledgeFile.Load(Path.Combine(RepositoryRoot, "data", "knowledge", "seed-knowledge.json")));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepositoryRoot, "src", "Graph.Api"),
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?> { ["Graph:Api:MaxRequestBytes"] = "65536" };
        if (_key is not null)
        {
            settings["Graph:Api:Key"] = _key;
        }

        Configure(settings, _folder);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IGraphStore>(Store);
        builder.Services.AddGraphApi(builder.Configuration);
        _app = builder.Build();
        _app.MapGraphApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Lets a derived server add settings (files it needs go in <paramref name="folder"/>, removed afterwards).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings, string folder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>POSTs a GraphQL request and returns the status and parsed body.</summary>
    public async Task<GraphResponse> PostAsync(string query, object? variables = null, string? key = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await SendAsync(request);
    }

    /// <summary>Sends a request and returns the status and parsed body.</summary>
    public async Task<GraphResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(text)!.AsObject(), text);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Graph.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The API without a key: read-only.</summary>
public sealed class ReadOnlyApiServer() : ApiServer(null);

/// <summary>An HTTP answer: status, media type and JSON body.</summary>
public sealed record GraphResponse(int Status, string? MediaType, JsonObject Body, string Text)
{
    /// <summary>The data entry.</summary>
    public JsonNode? Data => Body["data"];

    /// <summary>The errors, or an empty array.</summary>
    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    /// <summary>The first error's extensions.code.</summary>
    public string? Code => Errors.Count > 0 ? (string?)Errors[0]!["extensions"]?["code"] : null;

    /// <summary>The first error's message.</summary>
    public string? Message => Errors.Count > 0 ? (string?)Errors[0]!["message"] : null;

    /// <summary>Fails unless there are no errors.</summary>
    public GraphResponse AssertOk()
    {
        Assert.True(Errors.Count == 0 && Status == 200, $"HTTP {Status}: {Text}");
        return this;
    }
}
