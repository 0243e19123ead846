using System.Diagnostics;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Finds the command-line tools the deployment tests drive (docker-compose, a container builder) and runs them. A
/// tool the test script installs is required under CI (CI=true): its absence fails the test; elsewhere the test is
/// skipped with the reason.
/// </summary>
internal static class DeployTool
{
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Skips the running test, or fails it under CI, saying what is missing and how to install it.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string reason) => RequiredTool.Missing(reason);

    /// <summary>Runs a tool to its end (or <paramref name="timeout"/>) and returns its exit code and what it printed.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        string binary, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, Action<ProcessStartInfo>? configure = null)
    {
        var start = new ProcessStartInfo(binary, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        configure?.Invoke(start);
        using var process = Process.Start(start)!;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(binary)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
