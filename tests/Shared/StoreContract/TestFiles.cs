namespace Graph.Storage.Tests.Contract;

/// <summary>Finds files of the repository from the test output folder.</summary>
internal static class TestFiles
{
    /// <summary>The folder holding Graph.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedKnowledge => Path.Combine(Root, "data", "knowledge", "seed-knowledge.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Graph.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Graph.sln above {AppContext.BaseDirectory}.");
    }
}
