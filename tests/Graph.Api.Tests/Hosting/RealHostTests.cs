using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Hosting;

/// <summary>
/// The start-up path as a user runs it: the built program (Program.cs, the command line, the composition, options
/// validation, seeding, CORS) started as a process on a real port of 127.0.0.1 over a temp SQLite file, no test host.
/// </summary>
public sealed class RealHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("graph-host-").FullName;

    private string Db => Path.Combine(_dir, "graph.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SeedKnowledge => Path.Combine(AppContext.BaseDirectory, "data", "knowledge", "seed-knowledge.json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task The_first_start_seeds_the_empty_store_and_a_second_start_does_not()
    {
        var seedActors = JsonNode.Parse(File.ReadAllText(SeedKnowledge))!["actors"]!.AsArray().Count;
        Assert.Equal(33, seedActors);

        await using (var first = await ServerProcess.StartAsync(_dir, null, "--Graph:Embedded:Path=" + Db))
        {
            Assert.Equal(33, await ActorCountAsync(first));
            Assert.Contains("Seeded the empty embedded store", first.Output, StringComparison.Ordinal);
        }

        // The second start is pointed at a knowledge file with one actor more: had it seeded again, there would be 34.
        var larger = KnowledgeWithOneMoreActor(Path.Combine(_dir, "larger.json"));
        await using (var second = await ServerProcess.StartAsync(_dir, null, "--Graph:Embedded:Path=" + Db, "--Graph:Seed:KnowledgePath=" + larger))
        {
            Assert.Equal(33, await ActorCountAsync(second));
            Assert.DoesNotContain("Seeded", second.Output, StringComparison.Ordinal);
        }

        // Control: the same file on an empty store is seeded, so the 33 above is the second start declining to seed.
        await using var control = await ServerProcess.StartAsync(_dir, null, "--Graph:Embedded:Path=" + Path.Combine(_dir, "other.db"), "--Graph:Seed:KnowledgePath=" + larger);
        Assert.Equal(34, await ActorCountAsync(control));
    }

    [Fact]
    public async Task An_unreadable_seed_file_stops_the_start_with_one_line_naming_it()
    {
        var missing = Path.Combine(_dir, "missing.json");
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(_dir, null, "--Graph:Embedded:Path=" + Db, "--Graph:Seed:KnowledgePath=" + missing);

        Assert.Equal(2, exitCode);
        Assert.Contains("missing.json", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_on_start_can_be_turned_off_through_the_environment()
    {
        var environment = new Dictionary<string, string> { ["Graph__Embedded__Path"] = Db, ["Graph__Seed__OnFirstStart"] = "false" };
        await using var server = await ServerProcess.StartAsync(_dir, environment);
        Assert.Equal(0, await ActorCountAsync(server));
    }

    public static TheoryData<string, string, string> BadOptions => new()
    {
        { "--Graph:Api:MaxDepth=1", "Graph:Api:MaxDepth", "must be between 2 and 64 (got 1)" },
        { "--Graph:Api:MaxCost=lots", "Graph:Api:MaxCost", "'lots'" },
        { "--Graph:Store=mongo", "Graph:Store", "must be embedded or neo4j (got 'mongo')" },
        { "--Graph:Api:Key=short", "Graph:Api:Key", "at least 16 characters" },
        { "--Graph:Api:CorsOrigins:0=example.org/app", "Graph:Api:CorsOrigins:0", "use '*' or a scheme and host" },
        { "--Graph:Ingest:AutoAcceptAbove=1.5", "Graph:Ingest:AutoAcceptAbove", "must be between 0 and 1 (got 1.5)" },
        { "--Graph:Api:TimeoutSeconds=0", "Graph:Api:TimeoutSeconds", "must be between 1 and 600 (got 0)" },
        { "--Graph:Api:MaxSubscriptionsPerConnection=0", "Graph:Api:MaxSubscriptionsPerConnection", "must be between 1 and 1000 (got 0)" },
        { "--Graph:Api:TrustedDocuments=/no/such/folder/persisted-documents.json", "Graph:Api:TrustedDocuments", "'/no/such/folder/persisted-documents.json' does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task A_bad_option_stops_the_start_naming_the_setting_and_what_is_allowed(string option, string setting, string allowed)
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(_dir, null, "--Graph:Embedded:Path=" + Db, option);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains(allowed, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("GraphQL endpoint", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "the store was opened although the options were refused");
    }

    [Fact]
    public async Task A_bad_option_in_the_environment_stops_the_start_too()
    {
        var environment = new Dictionary<string, string> { ["Graph__Embedded__Path"] = Db, ["Graph__Api__MaxRequestBytes"] = "10" };
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(_dir, environment);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Graph:Api:MaxRequestBytes must be between 1024 and 16777216 bytes (got 10)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_origins()
    {
        const string allowed = "https://analysts.example.org";
        const string other = "https://elsewhere.example.com";
        await using (var server = await ServerProcess.StartAsync(_dir, null, "--Graph:Embedded:Path=" + Db, "--Graph:Api:CorsOrigins:0=" + allowed))
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };

            using var preflight = await client.SendAsync(Preflight(allowed), Ct);
            Assert.True(preflight.IsSuccessStatusCode, $"preflight from {allowed}: HTTP {(int)preflight.StatusCode}");
            Assert.Equal(allowed, AllowedOrigin(preflight));
            Assert.Contains("POST", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);

            using var refused = await client.SendAsync(Preflight(other), Ct);
            Assert.Null(AllowedOrigin(refused));

            using var post = await client.SendAsync(Post("{ stats { actors } }", allowed), Ct);
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            Assert.Equal(allowed, AllowedOrigin(post));

            using var foreign = await client.SendAsync(Post("{ stats { actors } }", other), Ct);
            Assert.Null(AllowedOrigin(foreign));
        }

        // Without configured origins no origin is allowed.
        await using var closed = await ServerProcess.StartAsync(_dir, null, "--Graph:Embedded:Path=" + Db);
        using var closedClient = new HttpClient { BaseAddress = closed.BaseAddress };
        using var closedPreflight = await closedClient.SendAsync(Preflight(allowed), Ct);
        Assert.Null(AllowedOrigin(closedPreflight));
        using var closedPost = await closedClient.SendAsync(Post("{ stats { actors } }", allowed), Ct);
        Assert.Equal(HttpStatusCode.OK, closedPost.StatusCode);
        Assert.Null(AllowedOrigin(closedPost));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static HttpRequestMessage Post(string query, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;

    private static async Task<int> ActorCountAsync(ServerProcess server)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.SendAsync(Post("{ stats { actors } }", "http://127.0.0.1"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {body}");
        return (int)JsonNode.Parse(body)!["data"]!["stats"]!["actors"]!;
    }

    private static string KnowledgeWithOneMoreActor(string path)
    {
        var knowledge = JsonNode.Parse(File.ReadAllText(SeedKnowledge))!;
        foreach (var document in knowledge["documents"]!.AsArray())
        {
            // Document texts are named relative to the knowledge file: make them absolute for the copy.
            document!["file"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SeedKnowledge)!, (string)document["file"]!));
        }

        knowledge["actors"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "person:host-test-extra",
            ["kind"] = "Person",
            ["name"] = "Host Test Extra",
            ["aliases"] = new JsonArray(),
        });
        File.WriteAllText(path, knowledge.ToJsonString());
        return path;
    }
}
