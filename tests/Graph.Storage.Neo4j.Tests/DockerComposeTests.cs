using System.Diagnostics;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// docker-compose.yml is accepted by <c>docker-compose config</c> (Debian's docker-compose package; needs no engine),
/// configures the API for Neo4j, and refuses to start without a password from the environment.
/// </summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file_and_wires_the_API_to_Neo4j()
    {
        var (exit, output, error) = await ConfigAsync("a-test-password");
        Assert.True(exit == 0, $"docker-compose config refused docker-compose.yml (exit {exit}): {error}");
        foreach (var expected in new[] { "neo4j:5-community", "Graph__Store: neo4j", "Graph__Neo4j__Uri: http://neo4j:7474", "neo4j/a-test-password", "service_healthy", "service_completed_successfully", "neo4j-data", "target: 7474", "target: 7687", "src/Graph.Api/Dockerfile" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_password_in_the_environment_compose_says_what_to_set()
    {
        var (exit, _, error) = await ConfigAsync(null);
        Assert.NotEqual(0, exit);
        Assert.Contains("NEO4J_PASSWORD", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> ConfigAsync(string? password)
    {
        var binary = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "docker-compose")).FirstOrDefault(File.Exists);
        if (binary is null)
        {
            RequiredTool.Missing("docker-compose is not installed (Debian package 'docker-compose'; scripts/install-test-deps.sh installs it).");
        }

        var start = new ProcessStartInfo(binary, ["-f", RepositoryPaths.Of("docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment.Remove("NEO4J_PASSWORD");
        if (password is not null)
        {
            start.Environment["NEO4J_PASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
