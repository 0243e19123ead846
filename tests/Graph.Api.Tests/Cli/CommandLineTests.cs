using System.Diagnostics;
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

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Graph.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(Db);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
