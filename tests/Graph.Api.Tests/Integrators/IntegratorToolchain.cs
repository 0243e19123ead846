using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary>What one step of the toolchain did: its exit code, everything it printed, and how long it took.</summary>
internal sealed record ToolRun(string Step, string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>The run as a test message: the command, its exit code and its output.</summary>
    public override string ToString() => $"{Step} (`{Command}`) exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{Output}";
}

/// <summary>
/// tools/integrator-check: GraphQL Code Generator, the Relay compiler and tsc --strict over the playground's example
/// operations and the integrator operations, against a schema.graphql. Each step runs the npm package's own binary.
/// </summary>
internal static partial class IntegratorToolchain
{
    /// <summary>The steps in the order they depend on each other (extract feeds codegen and Relay; tsc reads both).</summary>
    public const string Extract = "extract", Codegen = "codegen", Relay = "relay", Typecheck = "typecheck";

    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The tool folder in the repository.</summary>
    public static string Folder { get; } = Path.Combine(ApiServer.RepositoryRoot, "tools", "integrator-check");

    /// <summary>Skips (fails under CI) when Node.js or the tool's packages are missing.</summary>
    public static void RequireInstalled()
    {
        string[] binaries = ["graphql-codegen", "relay-compiler", "tsc"];
        var missing = binaries.Where(b => !File.Exists(Path.Combine(Folder, "node_modules", ".bin", b))).ToList();
        if (missing.Count > 0)
        {
            RequiredTool.Missing($"{string.Join(", ", missing)} not installed in {Folder}: run `npm ci` there (scripts/install-test-deps.sh does; needs Node.js 20+).");
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true })!;
            node.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            RequiredTool.Missing($"Node.js is not on PATH ({e.Message}); the integrator toolchain runs on it. Install Node.js 20+.");
        }
    }

    /// <summary>Runs one step in <paramref name="folder"/> (the tool folder or a copy of it made by <see cref="CopyTo"/>).</summary>
    public static ToolRun Run(string folder, string step)
    {
        var bin = Path.Combine(folder, "node_modules", ".bin");
        var (file, arguments, workingDirectory) = step switch
        {
            Extract => ("node", new[] { "extract-examples.mjs" }, folder),
            Codegen => (Path.Combine(bin, "graphql-codegen"), ["--config", "codegen.ts"], folder),
            // Relay resolves the config's paths from the folder it runs in, so it runs in relay/.
            Relay => (Path.Combine(bin, "relay-compiler"), ["--noWatchman"], Path.Combine(folder, "relay")),
            Typecheck => (Path.Combine(bin, "tsc"), ["-p", "tsconfig.json", "--strict"], folder),
            _ => throw new ArgumentException($"Unknown step '{step}'; the steps are {Extract}, {Codegen}, {Relay} and {Typecheck}.", nameof(step)),
        };

        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Plain text in the captured output (Relay and codegen colour it for terminals).
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        var output = new StringBuilder();
        var gate = new object();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_stepTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (gate) { output.AppendLine($"(stopped: still running after {s_stepTimeout.TotalMinutes} minutes)"); }
        }

        process.WaitForExit();
        var command = $"{Path.GetFileName(file)} {string.Join(' ', arguments)}";
        lock (gate)
        {
            return new ToolRun(step, command, process.HasExited ? process.ExitCode : -1, AnsiEscape().Replace(output.ToString(), ""), watch.Elapsed);
        }
    }

    /// <summary>Runs the steps in order and stops at the first that fails (the later ones read its output).</summary>
    public static List<ToolRun> RunAll(string folder, params string[] steps)
    {
        var runs = new List<ToolRun>();
        foreach (var step in steps)
        {
            var run = Run(folder, step);
            runs.Add(run);
            if (run.ExitCode != 0)
            {
                break;
            }
        }

        return runs;
    }

    /// <summary>
    /// Copies what the toolchain reads into a fresh folder laid out like the repository (schema.graphql at the top, the
    /// examples under src/, the tool under tools/), sharing the installed node_modules; returns the tool's folder there.
    /// Tests break the copy on purpose and the repository stays as it is.
    /// </summary>
    public static string CopyTo(string root)
    {
        File.Copy(Path.Combine(ApiServer.RepositoryRoot, "schema.graphql"), Path.Combine(root, "schema.graphql"));
        var playground = Directory.CreateDirectory(Path.Combine(root, "src", "Graph.Api", "Playground")).FullName;
        File.Copy(Path.Combine(ApiServer.RepositoryRoot, "src", "Graph.Api", "Playground", "examples.json"), Path.Combine(playground, "examples.json"));

        var tool = Path.Combine(root, "tools", "integrator-check");
        CopySources(Folder, tool);
        Directory.CreateSymbolicLink(Path.Combine(tool, "node_modules"), Path.Combine(Folder, "node_modules"));
        return tool;
    }

    /// <summary>
    /// Copies the tool's own files, not what it installs or writes (another test may be writing those right now, so
    /// those folders are not even listed).
    /// </summary>
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(folder);
            var written = name is "node_modules" or "generated" or "__generated__" || (name == "examples" && Path.GetFileName(from) == "relay");
            if (!written)
            {
                CopySources(folder, Path.Combine(to, name));
            }
        }
    }

    // Relay colours its log lines even when told not to; the tests read plain text.
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
