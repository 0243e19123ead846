using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Graph.Api.Http;

/// <summary>
/// The visual network explorer (built by tools/explorer into wwwroot/explorer): its page is served at <c>/</c>, its
/// scripts and stylesheet under <c>/explorer/</c>. It talks to the product only through /graphql.
/// </summary>
public sealed partial class ExplorerFiles
{
    /// <summary>Finds the bundle in the configured folder, else beside the content root or the application.</summary>
    public ExplorerFiles(IHostEnvironment environment, IOptions<GraphApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.ExplorerDirectory;
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? new[] { Path.Combine(environment.ContentRootPath, "wwwroot", "explorer"), Path.Combine(AppContext.BaseDirectory, "wwwroot", "explorer") }
            : new[] { Path.GetFullPath(configured, environment.ContentRootPath) };
        Directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "index.html")));
        FileProvider = Directory is null ? new NullFileProvider() : new PhysicalFileProvider(Directory);
    }

    /// <summary>The bundle's folder, or null when it was not built.</summary>
    public string? Directory { get; }

    /// <summary>The bundle's files (empty when not built).</summary>
    public IFileProvider FileProvider { get; }

    /// <summary>Maps <c>/</c> (the page) and <c>/explorer/</c> (its assets). Without a bundle, <c>/</c> says how to build it.</summary>
    public void Map(WebApplication app, ILogger logger)
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = FileProvider, RequestPath = "/explorer" });
        if (Directory is null)
        {
            LogMissing(logger);
        }

        app.MapGet("/", ServePageAsync).WithDisplayName("Explorer");
    }

    private async Task ServePageAsync(HttpContext http)
    {
        // The page is small and names hashed asset files: never cache it, so a rebuilt bundle is picked up at once.
        http.Response.Headers.CacheControl = "no-cache";
        if (Directory is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The explorer is not built into this server (wwwroot/explorer is missing, or Graph:Api:ExplorerDirectory holds no index.html). Build Graph.Api with Node.js 20+ and npm on PATH, without GRAPH_SKIP_EXPLORER_BUILD=1. The GraphQL API and its playground are at /graphql.\n");
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.SendFileAsync(Path.Combine(Directory, "index.html"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The explorer bundle (wwwroot/explorer) was not found: / says so instead of serving it. Build Graph.Api with Node.js and npm on PATH to include it.")]
    private static partial void LogMissing(ILogger logger);
}
