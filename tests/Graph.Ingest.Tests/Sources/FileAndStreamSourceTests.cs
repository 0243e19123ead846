using System.Text;
using Graph.Extraction.Reading;
using Graph.Ingest.Sources;

namespace Graph.Ingest.Tests.Sources;

// Open XML's root namespace is also called DocumentFormat (this project builds real .docx files).
using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class FileAndStreamSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("graph-sources-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_is_walked_recursively_in_order_and_bad_files_do_not_stop_the_batch()
    {
        Write("b-second.txt", "Second report\n\nThe council met again on Friday to discuss the sanctions.\n");
        Write("a-first.md", "# First report\n\nThe envoys met on **Tuesday** in Geneva to discuss the panel.\n");
        Write("nested/deeper/c-third.html", "<html><head><title>Third report</title></head><body><p>The vote was held on Thursday in New York.</p></body></html>");
        Write("nested/broken.pdf", "%PDF-1.7\nnot really a pdf\n");
        Write("nested/empty.txt", string.Empty);
        Write("nested/huge.txt", new string('x', 5000));
        Write("photo.png", "\x89PNG");
        Write("data.json", "{}");
        Write(".hidden.txt", "secret notes");
        Write(".git/config.txt", "[core]");

        var results = DocumentBatch.Read(FileSource.LoadFolder(_root, maxBytes: 4096)).ToList();

        Assert.Equal(
            [
                ("a-first.md", SourceOutcome.Succeeded),
                ("b-second.txt", SourceOutcome.Succeeded),
                ("data.json", SourceOutcome.Skipped),
                ("photo.png", SourceOutcome.Skipped),
                ("nested/broken.pdf", SourceOutcome.Failed),
                ("nested/empty.txt", SourceOutcome.Failed),
                ("nested/huge.txt", SourceOutcome.Failed),
                ("nested/deeper/c-third.html", SourceOutcome.Succeeded),
            ],
            results.Select(r => (Path.GetRelativePath(_root, r.Source).Replace('\\', '/'), r.Outcome)));

        Assert.Equal(["First report", "Second report", "Third report"], results.Where(r => r.Document is not null).Select(r => r.Document!.Metadata.Title));
        Assert.Equal(["Markdown", "Text", "Html"], results.Where(r => r.Document is not null).Select(r => r.Document!.Format.ToString()));

        var problems = results.Where(r => r.Outcome == SourceOutcome.Failed).ToDictionary(r => Path.GetFileName(r.Source), r => r.Problem!);
        Assert.StartsWith(Path.Combine(_root, "nested", "broken.pdf") + ": ", problems["broken.pdf"]);
        Assert.Contains("truncated or broken PDF", problems["broken.pdf"]);
        Assert.Contains("is empty (0 bytes)", problems["empty.txt"]);
        Assert.Contains("is too large: 4.9 KB (5,000 bytes) is over the limit of 4 KB (4,096 bytes)", problems["huge.txt"]);
        Assert.Contains("'.png' is not a document type", results.Single(r => r.Source.EndsWith("photo.png", StringComparison.Ordinal)).Problem);
    }

    [Fact]
    public void A_missing_folder_or_file_is_one_clear_failure()
    {
        var missing = Path.Combine(_root, "nope");

        var result = Assert.Single(FileSource.LoadFolder(missing));
        Assert.Equal(SourceOutcome.Failed, result.Outcome);
        Assert.Equal($"{missing}: does not exist; check the path.", result.Problem);

        var error = Assert.Throws<DocumentReadException>(() => FileSource.Load(Path.Combine(_root, "nope.txt")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_file_loads_with_its_extension_as_the_format_hint()
    {
        var path = Write("report.md", "Report\n\nThe panel met.\n");

        var input = FileSource.Load(path);

        Assert.Equal(path, input.Source);
        Assert.Equal(".md", input.FormatHint);
        Assert.Equal(DocumentFormat.Markdown, input.Read().Format);
    }

    [Fact]
    public async Task Standard_input_is_read_from_a_stream_that_has_no_length()
    {
        var bytes = Encoding.UTF8.GetBytes("Talks resume\r\n\r\nThe envoys met on Tuesday in Geneva.\r\n");
        using var pipe = new NonSeekableStream(bytes);

        var input = await StreamSource.LoadAsync(pipe, cancellationToken: TestContext.Current.CancellationToken);
        var document = input.Read();

        Assert.Equal("stdin", input.Source);
        Assert.Equal("Talks resume\n\nThe envoys met on Tuesday in Geneva.\n", document.Text);
        Assert.Equal("Talks resume", document.Metadata.Title);
    }

    [Fact]
    public async Task A_stream_over_the_limit_is_refused_while_reading()
    {
        using var pipe = new NonSeekableStream(new byte[300_000]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => StreamSource.LoadAsync(pipe, "stdin", ".txt", maxBytes: 100_000, TestContext.Current.CancellationToken));

        Assert.Equal("stdin", error.SourceName);
        Assert.Contains("over the limit of 97.7 KB (100,000 bytes)", error.Message);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A pipe: readable once, no length, no seeking.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
