namespace Graph.Api.Tests.Browser;

/// <summary>
/// Finds the built GraphiQL playground in the source tree: src/Graph.Api/wwwroot/playground, written by
/// tools/playground's build (run by src/Graph.Api/Playground/Playground.targets before Graph.Api builds).
/// </summary>
public static class PlaygroundFiles
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Graph.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The built bundle (index.html and assets/).</summary>
    public static string BundleDirectory => Path.Combine(RepositoryRoot, "src", "Graph.Api", "wwwroot", "playground");

    /// <summary>The example list the API owns and serves at /playground/examples.json.</summary>
    public static string ExamplesFile => Path.Combine(RepositoryRoot, "src", "Graph.Api", "Playground", "examples.json");

    /// <summary>Fails (or skips, when the build was told to skip the bundle) with directions if the bundle is absent.</summary>
    public static void RequireBundle()
    {
        if (File.Exists(Path.Combine(BundleDirectory, "index.html")))
        {
            return;
        }

        var how = "build it with `dotnet build src/Graph.Api` (Playground.targets runs npm) or `npm ci && npm run build` in tools/playground";
        if (Environment.GetEnvironmentVariable("GRAPH_SKIP_PLAYGROUND_BUILD") == "1")
        {
            RequiredTool.Missing($"The playground bundle is not built ({BundleDirectory}/index.html is missing) and GRAPH_SKIP_PLAYGROUND_BUILD=1; {how}.");
        }

        Assert.Fail($"The playground bundle is missing: {BundleDirectory}/index.html does not exist; {how}.");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Graph.sln found above {AppContext.BaseDirectory}; the browser tests expect to run from the repository's build output.");
    }
}
