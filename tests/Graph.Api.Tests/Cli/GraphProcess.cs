using System.Diagnostics;

namespace Graph.Api.Tests.Cli;

/// <summary>Runs the built main binary as a real child process, as a user at a terminal would.</summary>
internal static class GraphProcess
{
    /// <summary>Runs <c>Graph.Api.dll</c> with the arguments (and <c>--db</c> when given), feeding <paramref name="input"/> to standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string? db, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Graph.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (db is not null)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(db);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
