using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Cli;

/// <summary>The export and import commands as processes over real SQLite files: a CSV round trip, a subgraph, and bad input.</summary>
public sealed class ExchangeCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "graph-exchange-cli", Guid.NewGuid().ToString("N"));

    public ExchangeCommandTests() => Directory.CreateDirectory(_dir);

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
    public async Task Export_to_csv_import_into_a_new_file_and_export_again_gives_the_same_files()
    {
        var seeded = Path.Combine(_dir, "seeded.db");
        var seed = await GraphProcess.RunAsync(_dir, seeded, null, "seed", "--knowledge", Path.Combine(ApiServer.RepositoryRoot, "data", "knowledge", "seed-knowledge.json"));
        Assert.True(seed.ExitCode == 0, seed.Error);

        var export = await GraphProcess.RunAsync(_dir, seeded, null, "export", "--format", "csv", "--output", "first");
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("Exported 33 actors, 2 documents, 65 relationships as csv", export.Output, StringComparison.Ordinal);
        Assert.Equal("", export.Error); // no progress line when standard error is not a terminal

        var copy = Path.Combine(_dir, "copy.db");
        var import = await GraphProcess.RunAsync(_dir, copy, null, "import", "first/nodes.csv");
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("Imported 33 actors, 2 documents, 65 relationships", import.Output, StringComparison.Ordinal);
        Assert.Contains("(bulk load)", import.Output, StringComparison.Ordinal); // a new file is bulk-loaded

        // Its full-text index is filled by the first open, before the search answers.
        var search = await GraphProcess.RunAsync(_dir, copy, null, "search", "Pyongyang");
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Matches(@"^[1-9][0-9]* hit\(s\)\.$", search.Output.Trim().Split('\n')[^1].Trim());

        // Into the file that now exists, the same import goes through the open store and changes nothing.
        var twice = await GraphProcess.RunAsync(_dir, copy, null, "import", "first/nodes.csv");
        Assert.True(twice.ExitCode == 0, twice.Error);
        Assert.Contains("into the embedded store: 0 created, 0 updated", twice.Output, StringComparison.Ordinal);

        var again = await GraphProcess.RunAsync(_dir, copy, null, "export", "--format", "csv", "--output", "second");
        Assert.True(again.ExitCode == 0, again.Error);
        foreach (var file in new[] { "nodes.csv", "relationships.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_dir, "first", file), TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(_dir, "second", file), TestContext.Current.CancellationToken));
        }

        var around = await GraphProcess.RunAsync(_dir, seeded, null, "export", "--format", "graphml", "--output", "around.graphml", "--neighbourhood", "North Korea", "--depth", "1");
        Assert.True(around.ExitCode == 0, around.Error);
        Assert.Contains("<graphml", await File.ReadAllTextAsync(Path.Combine(_dir, "around.graphml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_formats_and_export_only_files_get_a_one_line_error_naming_what_is_allowed()
    {
        var db = Path.Combine(_dir, "graph.db");
        var format = await GraphProcess.RunAsync(_dir, db, null, "export", "--format", "xlsx", "--output", "x.xlsx");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("Unknown format 'xlsx'; use one of graphml, gexf, csv, json, cypher.", format.Error, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_dir, "x.gexf"), "<gexf/>", TestContext.Current.CancellationToken);
        var import = await GraphProcess.RunAsync(_dir, db, null, "import", "x.gexf");
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("export-only format", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_import_into_a_new_file_leaves_no_file()
    {
        var seeded = Path.Combine(_dir, "seeded.db");
        Assert.Equal(0, (await GraphProcess.RunAsync(_dir, seeded, null, "seed", "--knowledge", Path.Combine(ApiServer.RepositoryRoot, "data", "knowledge", "seed-knowledge.json"))).ExitCode);
        Assert.Equal(0, (await GraphProcess.RunAsync(_dir, seeded, null, "export", "--format", "csv", "--output", "out")).ExitCode);

        // One relationship's end made an actor nobody declared: the whole import is refused.
        var relationships = Path.Combine(_dir, "out", "relationships.csv");
        var lines = await File.ReadAllLinesAsync(relationships, TestContext.Current.CancellationToken);
        var at = lines[1].IndexOf(',', StringComparison.Ordinal);
        lines[1] = "state:atlantis" + lines[1][at..];
        await File.WriteAllLinesAsync(relationships, lines, TestContext.Current.CancellationToken);

        var fresh = Path.Combine(_dir, "fresh.db");
        var import = await GraphProcess.RunAsync(_dir, fresh, null, "import", "out/nodes.csv");
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("atlantis", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "fresh.db*"));
    }
}
