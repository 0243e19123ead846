using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Api.Tests.Hosting;

/// <summary>
/// The built program (<c>dotnet Graph.Api.dll</c>, no subcommand: it serves) as a child process on a free port of
/// 127.0.0.1, with the environment cleared of Graph and ASP.NET Core settings so only what the test passes applies.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>Where the server answers, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until it prints its address; fails with the output if it exits first.</summary>
    public static async Task<ServerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] switches)
    {
        var server = Launch(workingDirectory, environment, ["--urls", $"http://127.0.0.1:{FreePort()}", .. switches]);
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._listening.Task, exited, Task.Delay(s_startTimeout));
        if (first != server._listening.Task)
        {
            var output = server.Output;
            await server.DisposeAsync();
            Assert.Fail($"The server did not start ({(first == exited ? "it exited" : "timed out")}). Output:\n{output}");
        }

        server.BaseAddress = await server._listening.Task;
        return server;
    }

    /// <summary>Starts the program expecting it to stop by itself (a refused start); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] switches)
    {
        await using var server = Launch(workingDirectory, environment, ["--urls", $"http://127.0.0.1:{FreePort()}", .. switches]);
        using var timeout = new CancellationTokenSource(s_startTimeout);
        try
        {
            await server._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The program kept running (it should have refused to start). Output:\n{server.Output}");
        }

        server._process.WaitForExit(); // drains the output events
        return (server._process.ExitCode, server.Output);
    }

    /// <summary>Stops the server (kills it: the tests only need what it committed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ServerProcess Launch(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Graph.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("Graph__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_ENVIRONMENT")
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"GraphQL endpoint and playground: (http://127\.0\.0\.1:\d+)/graphql")]
    private static partial Regex ListeningLine();
}
