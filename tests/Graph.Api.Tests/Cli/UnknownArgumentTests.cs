using Graph.Api.Cli;

namespace Graph.Api.Tests.Cli;

/// <summary>Every command refuses what it does not understand, with its usage line, before doing anything.</summary>
public sealed class UnknownArgumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("graph-cli-args-").FullName;

    private string Db => Path.Combine(_dir, "graph.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Each command with the arguments it needs, so the stray token is the only thing wrong.</summary>
    public static TheoryData<string[]> Commands => new()
    {
        Array.Empty<string>(),
        new[] { "serve" },
        new[] { "seed" },
        new[] { "stats" },
        new[] { "neighbourhood", "DPRK" },
        new[] { "path", "NIS", "DPRK" },
        new[] { "sync" },
        new[] { "extract", "article.txt" },
        new[] { "evaluate" },
        new[] { "ingest", "article.txt" },
        new[] { "proposals" },
        new[] { "accept", "proposal:0123456789abcdef" },
        new[] { "reject", "proposal:0123456789abcdef" },
        new[] { "reextract", "doc:x" },
        new[] { "rules" },
        new[] { "search", "visas" },
    };

    /// <summary>The commands whose arguments are all taken: ingest, evaluate, accept and reject take any number of them.</summary>
    public static TheoryData<string[]> CommandsWithFixedArguments => new(Commands.Select(c => c.Data)
        .Where(c => c.Length == 0 || c[0] is not ("ingest" or "evaluate" or "accept" or "reject")));

    [Theory]
    [MemberData(nameof(CommandsWithFixedArguments))]
    public async Task A_stray_positional_argument_is_an_error_with_the_usage_line(string[] command)
    {
        var result = await GraphProcess.RunAsync(_dir, Db, null, [.. command, "some/file.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unrecognized argument 'some/file.json'", result.Error, StringComparison.Ordinal);
        Assert.Contains("usage: Graph.Api " + string.Join(' ', command.Take(1)), result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "the command ran although its arguments were refused");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_unknown_option_is_an_error_with_the_usage_line(string[] command)
    {
        var result = await GraphProcess.RunAsync(_dir, Db, null, [.. command, "--frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unrecognized argument '--frobnicate'", result.Error, StringComparison.Ordinal);
        Assert.Contains("usage: Graph.Api", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "the command ran although its arguments were refused");
    }

    [Fact]
    public async Task Seed_with_a_positional_file_does_not_load_the_shipped_seed()
    {
        var result = await GraphProcess.RunAsync(_dir, Db, null, "seed", "some/file.json");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Seeded", result.Output, StringComparison.Ordinal);
        Assert.Contains("usage: Graph.Api seed [--knowledge <knowledge>]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_switches_still_pass_through_in_both_forms()
    {
        var other = Path.Combine(_dir, "other.db");
        var seeded = await GraphProcess.RunAsync(_dir, null, null, "seed", "--Graph:Embedded:Path=" + other);
        Assert.True(seeded.ExitCode == 0, seeded.Error);

        var stats = await GraphProcess.RunAsync(_dir, null, null, "stats", "--Graph:Embedded:Path", other);
        Assert.True(stats.ExitCode == 0, stats.Error);
        Assert.Matches(@"actors\s+33\b", stats.Output);
    }

    [Theory]
    [InlineData(new[] { "--Graph:Store=neo4j" }, false, new string[0])]
    [InlineData(new[] { "--Graph:Store", "neo4j" }, false, new string[0])]
    [InlineData(new[] { "--Graph:Api:CorsOrigins:0=https://example.org", "--Logging:LogLevel:Default", "Debug" }, false, new string[0])]
    [InlineData(new[] { "some/file.json" }, false, new[] { "some/file.json" })]
    [InlineData(new[] { "--knowledge2", "x" }, false, new[] { "--knowledge2", "x" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0" }, true, new string[0])]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0" }, false, new[] { "--urls", "http://127.0.0.1:0" })]
    [InlineData(new[] { "--:x=1", "--", "Graph:Store=neo4j" }, false, new[] { "--:x=1", "--", "Graph:Store=neo4j" })]
    public void Only_configuration_switches_and_their_values_are_known(string[] unmatched, bool takesHostSwitches, string[] unknown)
    {
        Assert.Equal(unknown, UnknownArguments.Unknown(unmatched, takesHostSwitches));
    }
}
