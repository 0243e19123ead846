using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Graph.Api.Http;

/// <summary>
/// Where the GraphiQL bundle (built by tools/playground into wwwroot/playground) is found at run time, and the example
/// queries shipped inside the assembly so /playground/examples.json answers even without a bundle.
/// </summary>
public sealed class PlaygroundFiles
{
    private const string ExamplesResource = "Graph.Api.Playground.examples.json";

    /// <summary>Finds the bundle beside the content root or the application.</summary>
    public PlaygroundFiles(IHostEnvironment environment)
    {
        var candidates = new[]
        {
            Path.Combine(environment.ContentRootPath, "wwwroot", "playground"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "playground"),
        };
        Directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "index.html")));
        FileProvider = Directory is null ? new NullFileProvider() : new PhysicalFileProvider(Directory);
    }

    /// <summary>The bundle's folder, or null when it was not built.</summary>
    public string? Directory { get; }

    /// <summary>The bundle's files (empty when not built).</summary>
    public IFileProvider FileProvider { get; }

    /// <summary>The playground page, or null when the bundle was not built.</summary>
    public string? IndexPath => Directory is null ? null : Path.Combine(Directory, "index.html");

    /// <summary>The example queries (JSON array) shipped with the API.</summary>
    public static byte[] Examples()
    {
        using var stream = typeof(PlaygroundFiles).Assembly.GetManifestResourceStream(ExamplesResource)
            ?? throw new InvalidOperationException($"The resource {ExamplesResource} is missing from Graph.Api; it is embedded from Playground/examples.json.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
