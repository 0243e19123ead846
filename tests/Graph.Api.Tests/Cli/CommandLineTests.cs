using Graph.Ingest.Knowledge;

namespace Graph.Api.Tests.Cli;

/// <summary>The main binary's commands, run as a real child process on a real SQLite file.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("graph-cli-").FullName;

    private string Db => Path.Combine(_dir, "graph.db");

    public async ValueTask InitializeAsync()
    {
        var seed = await RunAsync("seed");
        Assert.True(seed.ExitCode == 0, seed.Error);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Stats_prints_the_counts_of_the_seed_knowledge()
    {
        var knowledge = KnowledgeFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "knowledge", "seed-knowledge.json"));
        var result = await RunAsync("stats");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"actors\s+{knowledge.Actors.Count}\b", result.Output);
        Assert.Matches($@"relationships\s+{knowledge.Relationships.Count}\b", result.Output);
        Assert.Matches(@"documents\s+2\b", result.Output);
    }

    [Fact]
    public async Task Seeding_twice_creates_nothing_the_second_time()
    {
        var result = await RunAsync("seed");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": 0 created", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neighbourhood_follows_only_the_given_types_to_the_given_depth()
    {
        var result = await RunAsync("neighbourhood", "DPRK", "--depth", "2", "--types", "DEPLOYED,SUPPORTS");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"0\s+State\s+North Korea", result.Output);
        Assert.Matches(@"1\s+Location\s+Kursk region", result.Output);
        Assert.Matches(@"1\s+State\s+Russia", result.Output);
        Assert.DoesNotContain("REPORTED", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("National Intelligence Service", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_links_the_NIS_to_Resolution_2397_in_two_hops()
    {
        var result = await RunAsync("path", "NIS", "Resolution 2397", "--mode", "all-shortest");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("National Intelligence Service -[REPORTED]-> North Korea", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1\s+2\s+", result.Output);
        Assert.DoesNotMatch(@"\n\d+\s+[13-9]\s+National", result.Output);
    }

    [Fact]
    public async Task An_unknown_actor_is_refused_with_close_matches()
    {
        var result = await RunAsync("neighbourhood", "Rusia");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown actor 'Rusia'. Did you mean: Russia", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_depth_out_of_range_is_refused_saying_what_is_allowed()
    {
        var result = await RunAsync("neighbourhood", "Russia", "--depth", "9");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("depth must be between 1 and 4; got 9", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_relationship_type_lists_the_allowed_ones()
    {
        var result = await RunAsync("neighbourhood", "Russia", "--types", "LIKES");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown relationship type 'LIKES'. Allowed: VOTED_FOR", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_to_an_unreachable_Neo4j_says_so_without_a_stack_trace()
    {
        // Port 9 (discard) is closed on the loopback: the connection is refused at once.
        var result = await RunAsync("sync", "--Graph:Neo4j:Uri=http://127.0.0.1:9", "--Graph:Neo4j:Password=secret");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot reach Neo4j at http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_without_a_Neo4j_address_names_the_setting()
    {
        var result = await RunAsync("sync");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Graph:Neo4j:Uri is not set", result.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => GraphProcess.RunAsync(_dir, Db, null, args);
}
