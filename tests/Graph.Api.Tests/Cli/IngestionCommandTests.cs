using System.Text;
using System.Text.Json;

namespace Graph.Api.Tests.Cli;

/// <summary>ingest, proposals, accept, reject, rules, search and extract, run as the real binary on a real SQLite file.</summary>
public sealed class IngestionCommandTests : IDisposable
{
    // Invented articles: nothing here comes from the seed or development documents.
    private const string First = """
        Finland and Estonia sign a border security accord

        Finland and Estonia signed a border security agreement on Monday, the Finnish interior ministry said.

        Finnish President Alexander Stubb met with Estonian Prime Minister Kristen Michal in Helsinki.

        Russia reportedly supplied drones to Belarus last month, Estonian officials said.
        """;

    private const string Second = """
        Chile recalls envoy after border dispute

        Chilean President Gabriel Boric recalled the ambassador from Peru on Tuesday, according to the foreign ministry.

        Peru's Foreign Minister Elmer Schialer said the two countries would resume talks in the spring.
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("graph-ingest-cli-").FullName;

    private string Db => Path.Combine(_dir, "graph.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => GraphProcess.RunAsync(_dir, Db, null, args);

    private string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_folder_is_ingested_recursively_and_one_bad_file_does_not_stop_the_batch()
    {
        Write("inbox/first.txt", First);
        Write("inbox/deeper/second.md", "---\ntitle: Chile recalls envoy\ndate: 2025-04-01\n---\n\n" + Second);
        Write("inbox/empty.txt", "");
        Write("inbox/broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog"));
        Write("inbox/notes.json", "{}");

        var result = await RunAsync("ingest", "inbox");
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("2 created, 0 new version(s), 0 duplicate(s), 2 failed, 1 skipped", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"failed: .*empty\.txt: .*empty", result.Output);
        Assert.Matches(@"failed: .*broken\.pdf: ", result.Output);
        Assert.Matches(@"skipped: .*notes\.json", result.Output);
        Assert.Contains("ingesting inbox: 4/4", result.Error, StringComparison.Ordinal);

        var again = await RunAsync("ingest", "inbox");
        Assert.Contains("0 created, 0 new version(s), 2 duplicate(s), 2 failed", again.Output, StringComparison.Ordinal);

        var stats = await RunAsync("stats");
        Assert.Matches(@"documents\s+2\b", stats.Output);
    }

    [Fact]
    public async Task Standard_input_is_ingested_with_the_metadata_given_and_a_bad_date_is_refused()
    {
        var ok = await GraphProcess.RunAsync(_dir, Db, First, "ingest", "-", "--published", "2025-03-05", "--publisher", "Example Wire");
        Assert.True(ok.ExitCode == 0, ok.Output + ok.Error);
        Assert.Contains("stdin: Created 'doc:finland-and-estonia-sign-a-border-security-accord'", ok.Output, StringComparison.Ordinal);

        var bad = await GraphProcess.RunAsync(_dir, Db, Second, "ingest", "-", "--published", "2025-13-45");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("2025-02-09", bad.Error, StringComparison.Ordinal);
        var stats = await RunAsync("stats");
        Assert.Matches(@"documents\s+1\b", stats.Output);
    }

    [Fact]
    public async Task An_unreachable_url_fails_with_a_clear_message()
    {
        var result = await RunAsync("ingest", "http://127.0.0.1:9/article.html");
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"failed: http://127\.0\.0\.1:9/article\.html: ", result.Output);
        Assert.Contains("0 created", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proposals_are_listed_accepted_by_document_and_counted_per_rule()
    {
        Write("first.txt", First);
        Assert.Equal(0, (await RunAsync("ingest", "first.txt")).ExitCode);
        var listed = await RunAsync("proposals");
        Assert.Equal(0, listed.ExitCode);
        Assert.Matches(@"proposal:[0-9a-f]{16}\s+pending\s+\d\.\d\d\s+LEADS\s+Alexander Stubb\s+Finland", listed.Output);
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(listed.Output, @"(\d+) proposal\(s\)\.").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 3);

        var first = listed.Output.Split('\n').Where(l => l.StartsWith("proposal:", StringComparison.Ordinal) && !l.Contains("Alexander Stubb", StringComparison.Ordinal)).Select(l => l[.."proposal:0123456789abcdef".Length]).First();
        var rejected = await RunAsync("reject", first, "--note", "not in the text");
        Assert.Contains("Rejected 1 proposal(s).", rejected.Output, StringComparison.Ordinal);

        var accepted = await RunAsync("accept", "--document", "doc:finland-and-estonia-sign-a-border-security-accord");
        Assert.Contains($"Accepted {count - 1} proposal(s).", accepted.Output, StringComparison.Ordinal);
        Assert.Contains("0 proposal(s).", (await RunAsync("proposals")).Output, StringComparison.Ordinal);

        var rules = await RunAsync("rules");
        Assert.Matches(@"leads\.\S+\s+\d+\s+\d+\s+0\s+\d\.\d\d", rules.Output);

        var neighbourhood = await RunAsync("neighbourhood", "Alexander Stubb");
        Assert.Contains("Finland", neighbourhood.Output, StringComparison.Ordinal);

        var search = await RunAsync("search", "Helsinki");
        Assert.Contains("doc:finland-and-estonia-sign-a-border-security-accord", search.Output, StringComparison.Ordinal);

        var nothingChosen = await RunAsync("accept");
        Assert.Equal(2, nothingChosen.ExitCode);
        Assert.Contains("--document", nothingChosen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_prints_a_knowledge_file_whose_quotes_are_verbatim_and_touches_no_store()
    {
        var path = Write("second.txt", Second);
        var result = await GraphProcess.RunAsync(_dir, null, null, "extract", path, "--published", "2025-04-01");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("formatVersion").GetInt32());
        var relationships = json.RootElement.GetProperty("relationships").EnumerateArray().ToList();
        Assert.NotEmpty(relationships);
        var text = File.ReadAllText(path);
        foreach (var evidence in relationships.SelectMany(r => r.GetProperty("evidence").EnumerateArray()))
        {
            var start = evidence.GetProperty("start").GetInt32();
            var end = evidence.GetProperty("end").GetInt32();
            Assert.Equal(evidence.GetProperty("quote").GetString(), text[start..end]);
        }

        Assert.False(File.Exists(Db));
    }
}
