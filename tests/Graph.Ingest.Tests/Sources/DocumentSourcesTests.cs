using System.Text;
using Graph.Ingest.Sources;

namespace Graph.Ingest.Tests.Sources;

public sealed class DocumentSourcesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("graph-locations-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_dash_reads_standard_input_a_folder_walks_and_a_file_loads()
    {
        var ct = TestContext.Current.CancellationToken;
        File.WriteAllText(Path.Combine(_root, "one.txt"), "One\n\nThe first text.\n");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllText(Path.Combine(_root, "sub", "two.md"), "# Two\n\nThe second text.\n");

        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes("<html><body><p>Piped page.</p></body></html>"));
        var piped = Assert.Single(await DocumentSources.LoadAsync("-", stdin: stdin, formatHint: "text/html", cancellationToken: ct).ToListAsync(ct));
        Assert.Equal("stdin", piped.Source);
        Assert.Equal("text/html", piped.Input!.FormatHint);

        var folder = await DocumentSources.LoadAsync(_root, cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(["one.txt", "two.md"], folder.Select(r => Path.GetFileName(r.Source)));

        var file = Assert.Single(await DocumentSources.LoadAsync(Path.Combine(_root, "one.txt"), cancellationToken: ct).ToListAsync(ct));
        Assert.Equal(SourceOutcome.Succeeded, file.Outcome);
        Assert.Equal("One", file.Input!.Read().Metadata.Title);
    }

    [Fact]
    public async Task Failures_are_results_not_exceptions()
    {
        var ct = TestContext.Current.CancellationToken;

        var missing = Assert.Single(await DocumentSources.LoadAsync(Path.Combine(_root, "absent.pdf"), cancellationToken: ct).ToListAsync(ct));
        var scheme = Assert.Single(await DocumentSources.LoadAsync("gopher://example.com/x", cancellationToken: ct).ToListAsync(ct));

        Assert.Equal(SourceOutcome.Failed, missing.Outcome);
        Assert.Contains("does not exist", missing.Problem);
        Assert.Equal(SourceOutcome.Failed, scheme.Outcome);
        Assert.Contains("unsupported scheme 'gopher'", scheme.Problem);
    }
}
