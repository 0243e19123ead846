using System.Diagnostics;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// Runs the graphql-js reference scripts of tools/graphql-js with node: the differential and
/// conformance tests compare our engine with what these print.
/// </summary>
public static class GraphQLJs
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    /// <summary>The folder holding Graph.sln.</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>tools/graphql-js, where the scripts, the kitchen-sink SDL and its data live.</summary>
    public static string ToolsDirectory => Path.Combine(RepositoryRoot, "tools", "graphql-js");

    /// <summary>The differential corpus: one *.graphql file per group of operations.</summary>
    public static string CorpusDirectory =>
        Path.Combine(RepositoryRoot, "tests", "Graph.GraphQL.Tests", "Differential", "operations");

    /// <summary>Runs <c>node script args</c> in tools/graphql-js and returns its standard output.</summary>
    /// <param name="allowFailure">When true, a non-zero exit code is returned with the output instead of failing.</param>
    public static (int ExitCode, string Output) Run(string script, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ToolsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                $"Could not run node ({error.Message}). The graphql-js reference tests need Node.js 20 or later on PATH.", error);
        }

        using (process)
        {
            var standardError = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && !allowFailure)
            {
                throw new InvalidOperationException(
                    $"node {script} exited with {process.ExitCode}:\n{standardError.Result}\n{output}");
            }

            return (process.ExitCode, output);
        }
    }

    private static void EnsureInstalled()
    {
        var package = Path.Combine(ToolsDirectory, "node_modules", "graphql", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException(
                $"graphql-js is not installed in {ToolsDirectory}. Run `npm ci --prefix tools/graphql-js` at the repository root first.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Graph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Graph.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
