using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;
using Graph.Storage.Embedded;
using Graph.Storage.Neo4j;
using YamlDotNet.RepresentationModel;

namespace Graph.Api.Tests.Health;

/// <summary>/health/live and /health/ready over real HTTP, over a real SQLite file and a Neo4j store that cannot be reached.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graph-health-tests", Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ready_answers_200_while_the_embedded_file_is_there_and_503_naming_the_check_once_it_is_gone()
    {
        var path = Path.Combine(_folder, "graph.db");
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, DurableCommits = false }, cancellationToken: TestContext.Current.CancellationToken);
        await using var host = await HealthHost.StartAsync(store);

        var (status, body) = await GetAsync(host, "health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", (string?)body["status"]);
        Assert.Equal("embedded", (string?)body["store"]);

        // The durable record disappears (a lost volume): reads still come from memory, readiness must say no.
        File.Move(path, path + ".moved");
        (status, body) = await GetAsync(host, "health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unavailable", (string?)body["status"]);
        Assert.Equal("record", (string?)body["failedCheck"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["error"]));

        (status, body) = await GetAsync(host, "health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("live", (string?)body["status"]);

        File.Move(path + ".moved", path);
        (status, _) = await GetAsync(host, "health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Ready_answers_503_when_Neo4j_is_on_a_closed_port_and_live_stays_200()
    {
        await using var store = Neo4jStoreFactory.Create(new Neo4jStoreOptions { Uri = new Uri($"http://127.0.0.1:{ClosedPort()}"), User = "neo4j", Password = "not-used-here" });
        await using var host = await HealthHost.StartAsync(store);

        var (status, body) = await GetAsync(host, "health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("neo4j", (string?)body["store"]);
        Assert.Equal("lookup", (string?)body["failedCheck"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["error"]));
        Assert.True((double)body["elapsedMs"]! < 10_000, body.ToJsonString());

        (status, _) = await GetAsync(host, "health/live");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_container_healthchecks_pass_on_a_ready_server_and_fail_on_an_unready_one()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(ApiServer.RepositoryRoot, "src", "Graph.Api", "Dockerfile"), TestContext.Current.CancellationToken);
        var line = dockerfile.Split('\n').SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Skip(1).First().Trim();
        Assert.StartsWith("CMD [", line, StringComparison.Ordinal);
        var dockerCommand = JsonNode.Parse(line["CMD ".Length..])!.AsArray().Select(n => (string)n!).ToArray();

        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(ApiServer.RepositoryRoot, "docker-compose.yml"), TestContext.Current.CancellationToken)));
        var api = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"])["api"];
        var composeTest = ((YamlSequenceNode)((YamlMappingNode)api["healthcheck"])["test"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();
        Assert.Equal("CMD", composeTest[0]);
        Assert.Equal(dockerCommand, composeTest[1..]);

        var path = Path.Combine(_folder, "graph.db");
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, DurableCommits = false }, cancellationToken: TestContext.Current.CancellationToken);
        await using var host = await HealthHost.StartAsync(store);
        Assert.Equal(0, await RunProbeAsync(dockerCommand, host.BaseAddress.Port));
        File.Move(path, path + ".moved");
        Assert.NotEqual(0, await RunProbeAsync(dockerCommand, host.BaseAddress.Port));
    }

    private static async Task<int> RunProbeAsync(string[] command, int port)
    {
        // The image's command targets 8080 inside the container; here the server has a free port.
        var start = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument.Replace("/8080", "/" + port, StringComparison.Ordinal));
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HealthHost host, string path)
    {
        using var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
