using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// src/Graph.Api/Dockerfile: every COPY source exists, the restore layer holds every file restore reads (checked by
/// restoring from those files alone), the SDK stage never needs Node, and the runtime runs as a non-root user
/// listening on every interface. The build itself runs where a container builder and the base images can be had.
/// </summary>
public sealed partial class DockerfileTests
{
    private const string DockerfilePath = "src/Graph.Api/Dockerfile";
    private const string ApiProject = "src/Graph.Api/Graph.Api.csproj";
    private static readonly string[] s_restoreInputsAtRoot = ["Directory.Build.props", "Directory.Packages.props", "global.json"];
    private static readonly Lazy<IReadOnlyList<Instruction>> s_instructions = new(() => Instruction.Parse(File.ReadAllText(RepositoryPaths.Of(DockerfilePath))));

    [Fact]
    public void Every_COPY_source_from_the_build_context_exists()
    {
        var copies = s_instructions.Value.Where(i => i.Keyword == "COPY" && i.From is null).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            foreach (var source in copy.Sources)
            {
                var path = RepositoryPaths.Of(source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"Line {copy.Line}: COPY source '{source}' does not exist in the repository.");
            }
        }
    }

    [Fact]
    public void The_restore_layer_holds_every_project_Graph_Api_references_and_what_they_import()
    {
        var restore = RestoreInstruction();
        var copied = CopiedBefore(restore).ToHashSet(StringComparer.Ordinal);
        foreach (var needed in RestoreInputs())
        {
            Assert.True(copied.Contains(needed), $"'{needed}' is read by restore but not copied before '{restore.Text}' (line {restore.Line}).");
        }
    }

    [Fact]
    public async Task The_restore_layer_restores_from_the_copied_files_alone()
    {
        var dotnet = DeployTool.Find("dotnet") ?? Path.Combine(Path.GetDirectoryName(Environment.ProcessPath!)!, "dotnet");
        var restore = RestoreInstruction();
        var context = Directory.CreateTempSubdirectory("dockerfile-restore-");
        try
        {
            foreach (var file in CopiedBefore(restore))
            {
                var target = Path.Combine(context.FullName, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(RepositoryPaths.Of(file), target);
            }

            var arguments = restore.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            var (exit, output, error) = await DeployTool.RunAsync(dotnet, arguments, TimeSpan.FromMinutes(5), context.FullName);
            Assert.True(exit == 0, $"'{restore.Text}' failed with only the files the Dockerfile copies before it (exit {exit}):\n{output}\n{error}");

            // Restore passes over a missing project ("Skipping project ... because it was not found") and leaves it
            // without assets, so the later 'dotnet publish --no-restore' fails: every project must have its assets.
            foreach (var project in RestoreInputs().Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                var assets = Path.Combine(context.FullName, Path.GetDirectoryName(project)!, "obj", "project.assets.json");
                Assert.True(File.Exists(assets), $"'{restore.Text}' left {project} unrestored (no {assets}):\n{output}");
            }
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_playground_is_built_in_a_Node_stage_and_the_SDK_stage_does_not_run_npm()
    {
        var stages = s_instructions.Value.Where(i => i.Keyword == "FROM").ToList();
        var node = Assert.Single(stages, s => s.Arguments.StartsWith("node:", StringComparison.Ordinal));
        var nodeStage = node.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Contains(s_instructions.Value, i => i.Stage == nodeStage && i.Keyword == "RUN" && i.Arguments.Contains("npm ci", StringComparison.Ordinal));
        Assert.Contains(s_instructions.Value, i => i.Stage == nodeStage && i.Keyword == "RUN" && i.Arguments.Contains("npm run build", StringComparison.Ordinal));

        // tools/playground/build.mjs writes the bundle where Playground.targets looks for it.
        var outputDir = "src/Graph.Api/wwwroot/playground/";
        Assert.Contains("'../../src/Graph.Api/wwwroot/playground'", File.ReadAllText(RepositoryPaths.Of("tools", "playground", "build.mjs")), StringComparison.Ordinal);
        var bundle = Assert.Single(s_instructions.Value, i => i.Keyword == "COPY" && i.From == nodeStage && i.Destination == outputDir);
        Assert.Equal("build", bundle.Stage);
        Assert.EndsWith(outputDir, bundle.Sources.Single(), StringComparison.Ordinal);
        Assert.Equal(outputDir, bundle.Destination);

        var publish = Assert.Single(s_instructions.Value, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(publish.Index > bundle.Index, "The bundle must be in place before dotnet publish.");
        Assert.Contains("-p:GRAPH_SKIP_PLAYGROUND_BUILD=1", publish.Arguments, StringComparison.Ordinal);
        var targets = File.ReadAllText(RepositoryPaths.Of("src", "Graph.Api", "Playground", "Playground.targets"));
        Assert.Contains("'$(GRAPH_SKIP_PLAYGROUND_BUILD)' == '1'", targets, StringComparison.Ordinal);

        // A bundle built on the developer's machine must not reach the build context and overwrite the Node stage's.
        Assert.Contains(outputDir, File.ReadAllLines(RepositoryPaths.Of(".dockerignore")));
    }

    [Fact]
    public void The_explorer_is_built_in_the_Node_stage_and_published_without_npm_in_the_SDK_stage()
    {
        var node = Assert.Single(s_instructions.Value, i => i.Keyword == "FROM" && i.Arguments.StartsWith("node:", StringComparison.Ordinal));
        var nodeStage = node.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var outputDir = "src/Graph.Api/wwwroot/explorer/";
        Assert.Contains("'../../src/Graph.Api/wwwroot/explorer'", File.ReadAllText(RepositoryPaths.Of("tools", "explorer", "build.mjs")), StringComparison.Ordinal);
        Assert.Contains(s_instructions.Value, i => i.Stage == nodeStage && i.Keyword == "COPY" && i.Sources.Contains("tools/explorer/package-lock.json"));
        var bundle = Assert.Single(s_instructions.Value, i => i.Keyword == "COPY" && i.From == nodeStage && i.Destination == outputDir);
        Assert.Equal("build", bundle.Stage);

        var publish = Assert.Single(s_instructions.Value, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.True(publish.Index > bundle.Index, "The explorer bundle must be in place before dotnet publish.");
        Assert.Contains("-p:GRAPH_SKIP_EXPLORER_BUILD=1", publish.Arguments, StringComparison.Ordinal);
        var targets = File.ReadAllText(RepositoryPaths.Of("src", "Graph.Api", "Explorer", "Explorer.targets"));
        Assert.Contains("'$(GRAPH_SKIP_EXPLORER_BUILD)' == '1'", targets, StringComparison.Ordinal);
        Assert.Contains(outputDir, File.ReadAllLines(RepositoryPaths.Of(".dockerignore")));
    }

    [Fact]
    public void The_runtime_runs_as_a_non_root_user_and_listens_on_every_interface_of_the_container()
    {
        var lastStage = s_instructions.Value.Last().Stage;
        Assert.Equal("runtime", lastStage);
        var runtime = s_instructions.Value.Where(i => i.Stage == lastStage).ToList();
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", runtime[0].Arguments, StringComparison.Ordinal);

        var user = runtime.Last(i => i.Keyword == "USER").Arguments;
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        Assert.True(runtime.FindLastIndex(i => i.Keyword == "USER") > runtime.FindLastIndex(i => i.Keyword is "RUN" or "COPY"), "USER must come after the last RUN or COPY of the runtime stage.");

        var environment = string.Join(' ', runtime.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        Assert.Matches(@"ASPNETCORE_URLS=http://0\.0\.0\.0:8080(\s|$)", environment);
        Assert.Contains(runtime, i => i.Keyword == "EXPOSE" && i.Arguments == "8080");
        Assert.Equal("[\"dotnet\", \"Graph.Api.dll\"]", runtime.Last(i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public async Task The_multi_stage_build_runs_where_a_container_builder_is_available()
    {
        var builder = DeployTool.Find("buildah") ?? DeployTool.Find("podman");
        if (builder is null)
        {
            Assert.Skip("No container builder: neither buildah nor podman is installed (Debian packages 'buildah', 'podman'). There is no Docker daemon here.");
        }

        var images = s_instructions.Value.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]).Distinct().ToList();
        foreach (var image in images)
        {
            var (pulled, _, pullError) = await DeployTool.RunAsync(builder, ["pull", "--quiet", image], TimeSpan.FromMinutes(10));
            if (pulled != 0)
            {
                Assert.Skip($"{Path.GetFileName(builder)} cannot pull the base image {image}, so the build cannot run here: {pullError.Trim()}");
            }
        }

        var tag = "localhost/graph-explorer-test:" + Guid.NewGuid().ToString("N")[..8];
        var build = Path.GetFileName(builder) == "buildah" ? new[] { "bud" } : ["build"];
        var (exit, output, error) = await DeployTool.RunAsync(builder, [.. build, "-f", DockerfilePath, "-t", tag, "."], TimeSpan.FromMinutes(30));
        try
        {
            Assert.True(exit == 0, $"{Path.GetFileName(builder)} could not build {DockerfilePath} (exit {exit}):\n{output[^Math.Min(output.Length, 4000)..]}\n{error}");
        }
        finally
        {
            await DeployTool.RunAsync(builder, ["rmi", tag], TimeSpan.FromMinutes(1));
        }
    }

    private static Instruction RestoreInstruction() =>
        Assert.Single(s_instructions.Value, i => i.Stage == "build" && i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));

    /// <summary>The repository files (relative, '/'-separated) the build stage has copied before an instruction, WORKDIR being the repository's root.</summary>
    private static IEnumerable<string> CopiedBefore(Instruction instruction)
    {
        Assert.Contains(s_instructions.Value, i => i.Stage == instruction.Stage && i.Keyword == "WORKDIR" && i.Index < instruction.Index);
        foreach (var copy in s_instructions.Value.Where(i => i.Stage == instruction.Stage && i.Keyword == "COPY" && i.From is null && i.Index < instruction.Index))
        {
            foreach (var source in copy.Sources)
            {
                var path = RepositoryPaths.Of(source.TrimEnd('/'));
                if (Directory.Exists(path))
                {
                    // A folder's content lands in the destination folder.
                    foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                    {
                        yield return Join(copy.Destination, Path.GetRelativePath(path, file).Replace('\\', '/'));
                    }
                }
                else
                {
                    yield return copy.Destination.EndsWith('/') ? Join(copy.Destination, Path.GetFileName(source)) : copy.Destination;
                }
            }
        }

        static string Join(string folder, string file) => folder is "./" or "." ? file : folder.TrimEnd('/') + "/" + file;
    }

    /// <summary>What restoring Graph.Api reads: the root props and global.json, its projects and the files they import.</summary>
    private static SortedSet<string> RestoreInputs()
    {
        var inputs = new SortedSet<string>(s_restoreInputsAtRoot, StringComparer.Ordinal);
        var pending = new Stack<string>([ApiProject]);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!inputs.Add(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project)!;
            var document = XDocument.Load(RepositoryPaths.Of(project));
            foreach (var element in document.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "Import"))
            {
                var reference = element.Attribute(element.Name.LocalName == "Import" ? "Project" : "Include")?.Value;
                if (reference is null || reference.Contains("$(", StringComparison.Ordinal))
                {
                    continue;
                }

                var relative = Path.GetRelativePath(RepositoryPaths.Root, Path.GetFullPath(Path.Combine(RepositoryPaths.Of(folder), reference))).Replace('\\', '/');
                pending.Push(relative);
            }
        }

        Assert.Contains("src/Graph.Extraction/Graph.Extraction.csproj", inputs);
        Assert.Contains("src/Graph.Api/Playground/Playground.targets", inputs);
        return inputs;
    }

    /// <summary>One Dockerfile instruction, continuation lines joined, with the stage it belongs to.</summary>
    private sealed record Instruction(int Index, int Line, string Stage, string Keyword, string Arguments)
    {
        public string Text => Arguments;

        /// <summary>For COPY: the stage named by --from, or null for the build context.</summary>
        public string? From => Options.TryGetValue("from", out var from) ? from : null;

        public IReadOnlyList<string> Sources => Paths[..^1];

        public string Destination => Paths[^1];

        private string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        private Dictionary<string, string> Options => Words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w[2..].Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

        private string[] Paths => [.. Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal))];

        public static IReadOnlyList<Instruction> Parse(string dockerfile)
        {
            var instructions = new List<Instruction>();
            var lines = dockerfile.Split('\n');
            var stage = "";
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var start = i + 1;
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                {
                    line = line[..^1].TrimEnd() + " " + lines[++i].Trim();
                }

                var match = InstructionPattern().Match(line);
                Assert.True(match.Success, $"{DockerfilePath} line {start} is not an instruction: {line}");
                var keyword = match.Groups[1].Value.ToUpperInvariant();
                var arguments = match.Groups[2].Value.Trim();
                if (keyword == "FROM")
                {
                    var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    stage = words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : instructions.Count(x => x.Keyword == "FROM").ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                instructions.Add(new Instruction(instructions.Count, start, stage, keyword, arguments));
            }

            return instructions;
        }
    }

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex InstructionPattern();
}
