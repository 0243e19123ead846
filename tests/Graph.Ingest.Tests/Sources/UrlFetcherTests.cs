using System.Net;
using System.Text;
using Graph.Extraction.Reading;
using Graph.Ingest.Sources;

namespace Graph.Ingest.Tests.Sources;

// Open XML's root namespace is also called DocumentFormat (this project builds real .docx files).
using DocumentFormat = Graph.Extraction.Reading.DocumentFormat;

public sealed class UrlFetcherTests : IAsyncLifetime
{
    private const string Article =
        "<html><head><title>Réunion à Genève | Example Wire</title></head><body><article>" +
        "<p>Les envoyés se sont réunis mardi à Genève pour discuter des sanctions et du mandat du groupe d'experts.</p>" +
        "<p>La résolution a été rejetée après un veto de la Russie, selon les diplomates présents.</p></article></body></html>";

    private LocalHttpServer _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new LocalHttpServer(new()
        {
            ["/article"] = async context =>
            {
                // Latin-1 bytes: only the charset in the header says so.
                context.Response.ContentType = "text/html; charset=ISO-8859-1";
                var bytes = Encoding.Latin1.GetBytes(Article);
                await context.Response.OutputStream.WriteAsync(bytes);
            },
            ["/moved"] = context =>
            {
                context.Response.StatusCode = 302;
                context.Response.RedirectLocation = "/article";
                return Task.CompletedTask;
            },
            ["/slow"] = async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                context.Response.ContentType = "text/plain";
                await context.Response.OutputStream.WriteAsync("late"u8.ToArray());
            },
            ["/big-chunked"] = async context =>
            {
                // No Content-Length: the limit must hold while streaming.
                context.Response.SendChunked = true;
                context.Response.ContentType = "text/plain";
                var block = Encoding.ASCII.GetBytes(new string('x', 4096));
                for (var i = 0; i < 16; i++)
                {
                    await context.Response.OutputStream.WriteAsync(block);
                }
            },
            ["/big-declared"] = async context =>
            {
                context.Response.ContentLength64 = 64 * 1024;
                context.Response.ContentType = "text/plain";
                await context.Response.OutputStream.WriteAsync(new byte[64 * 1024]);
            },
            ["/report"] = async context =>
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.OutputStream.WriteAsync("# Report\n\nThe **panel** met on [Tuesday](https://example.com).\n"u8.ToArray());
            },
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_page_is_fetched_with_its_content_type_and_charset_as_hints_and_reads_correctly()
    {
        using var fetcher = new UrlFetcher();

        var input = await fetcher.FetchAsync(_server.Url("/article"), TestContext.Current.CancellationToken);

        Assert.Equal("text/html", input.FormatHint);
        Assert.Equal("ISO-8859-1", input.Charset);
        Assert.Equal(_server.Url("/article"), input.Url);
        var document = input.Read();
        Assert.Equal(DocumentFormat.Html, document.Format);
        Assert.StartsWith("Réunion à Genève\n\nLes envoyés se sont réunis mardi à Genève", document.Text);
        Assert.Equal("fr", document.Metadata.Language);
        Assert.Equal(_server.Url("/article"), document.Metadata.Url);
    }

    [Fact]
    public async Task A_redirect_is_followed_and_the_final_url_becomes_the_source_and_the_document_url()
    {
        using var fetcher = new UrlFetcher();

        var input = await fetcher.FetchAsync(_server.Url("/moved"), TestContext.Current.CancellationToken);

        Assert.Equal(_server.Url("/article"), input.Source);
        Assert.Equal(_server.Url("/article"), input.Read().Metadata.Url);
    }

    [Fact]
    public async Task The_callers_url_override_wins_over_the_fetched_url()
    {
        using var fetcher = new UrlFetcher();
        var input = await fetcher.FetchAsync(_server.Url("/article"), TestContext.Current.CancellationToken);

        var document = input.Read(new ReadOptions { Overrides = new DocumentMetadata(Url: "https://wire.example.com/geneva") });

        Assert.Equal("https://wire.example.com/geneva", document.Metadata.Url);
    }

    [Fact]
    public async Task An_unhelpful_content_type_leaves_the_format_to_the_content()
    {
        using var fetcher = new UrlFetcher();

        var input = await fetcher.FetchAsync(_server.Url("/report"), TestContext.Current.CancellationToken);

        Assert.Null(input.FormatHint);
        Assert.Equal(DocumentFormat.Markdown, input.Read().Format);
    }

    [Fact]
    public async Task A_404_is_an_error_naming_the_url_and_the_status()
    {
        using var fetcher = new UrlFetcher();
        var url = _server.Url("/nowhere");

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync(url, TestContext.Current.CancellationToken));

        Assert.Equal(url, error.SourceName);
        Assert.Contains("answered HTTP 404", error.Message);
        Assert.Contains("2xx", error.Message);
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        using var fetcher = new UrlFetcher(options: new UrlFetcherOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync(_server.Url("/slow"), TestContext.Current.CancellationToken));

        Assert.Contains("timed out", error.Message);
        Assert.Contains("0.5 s", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "the fetch gave up at its timeout, not when the server answered");
    }

    [Theory]
    [InlineData("/big-chunked")]
    [InlineData("/big-declared")]
    public async Task A_body_over_the_limit_is_refused(string path)
    {
        using var fetcher = new UrlFetcher(options: new UrlFetcherOptions { MaxBytes = 16 * 1024 });

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync(_server.Url(path), TestContext.Current.CancellationToken));

        Assert.Equal(_server.Url(path), error.SourceName);
        Assert.Contains("too large", error.Message);
        Assert.Contains("16 KB (16,384 bytes)", error.Message);
    }

    [Fact]
    public async Task A_refused_port_is_reported_as_unreachable()
    {
        using var fetcher = new UrlFetcher();
        var port = LocalHttpServer.FreePort();

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync($"http://127.0.0.1:{port}/x", TestContext.Current.CancellationToken));

        Assert.Contains($"could not connect to 127.0.0.1:{port}", error.Message);
        Assert.Contains("refused", error.Message);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_a_dns_error()
    {
        using var fetcher = new UrlFetcher(options: new UrlFetcherOptions { Timeout = TimeSpan.FromSeconds(10) });

        // The .invalid top-level domain never resolves (RFC 2606).
        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync("http://no-such-host.invalid/page", TestContext.Current.CancellationToken));

        Assert.Contains("'no-such-host.invalid' could not be resolved", error.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/file.txt", "unsupported scheme 'ftp'")]
    [InlineData("file:///etc/passwd", "not an absolute URL")]
    [InlineData("example.com/news", "not an absolute URL")]
    public async Task Only_http_and_https_urls_are_fetched(string url, string problem)
    {
        using var fetcher = new UrlFetcher();

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => fetcher.FetchAsync(url, TestContext.Current.CancellationToken));

        Assert.Equal(url, error.SourceName);
        Assert.Contains(problem, error.Message);
    }
}
