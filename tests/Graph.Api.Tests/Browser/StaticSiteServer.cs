using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Graph.Api.Tests.Browser;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 with a free port that serves one folder under a URL path,
/// plus single files mapped to fixed URLs; enough to load a built front-end bundle in a real browser.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="folder"/> at <paramref name="requestPath"/> (such as "/playground").</summary>
    public static async Task<StaticSiteServer> StartAsync(string folder, string requestPath, IReadOnlyDictionary<string, string>? files = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = folder,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        foreach (var (url, path) in files ?? new Dictionary<string, string>())
        {
            var file = path;
            app.MapGet(url, () => Results.File(file, "application/json"));
        }

        var provider = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = provider, RequestPath = requestPath });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = provider, RequestPath = requestPath });

        await app.StartAsync();
        var address = app.Urls.Single();
        return new StaticSiteServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
