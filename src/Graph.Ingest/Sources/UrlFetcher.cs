using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Graph.Extraction.Reading;

namespace Graph.Ingest.Sources;

/// <summary>How <see cref="UrlFetcher"/> fetches: how long to wait and how much to accept.</summary>
public sealed record UrlFetcherOptions
{
    /// <summary>The whole fetch (connect, headers, body) must finish within this; 30 seconds by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this are refused while streaming, whatever Content-Length says.</summary>
    public long MaxBytes { get; init; } = ReadOptions.DefaultMaxBytes;

    /// <summary>How many redirects are followed.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>The User-Agent sent; some news sites refuse requests without one.</summary>
    public string UserAgent { get; init; } = "GraphRelationshipExplorer/1.0 (document reader)";
}

/// <summary>
/// Fetches a document over http or https: follows redirects, enforces a timeout and a size limit while the body
/// streams, and hands back the bytes with the Content-Type and charset as format hints and the final URL. Every
/// failure (DNS, refused connection, timeout, non-2xx status, too large, unsupported scheme) is a
/// <see cref="DocumentReadException"/> naming the URL.
/// </summary>
public sealed class UrlFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly UrlFetcherOptions _options;

    /// <summary>A fetcher over <paramref name="httpClient"/> (it should follow redirects), or over its own client when none is given.</summary>
    public UrlFetcher(HttpClient? httpClient = null, UrlFetcherOptions? options = null)
    {
        _options = options ?? new UrlFetcherOptions();
        if (httpClient is not null)
        {
            _http = httpClient;
            return;
        }

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
        };

        // The fetch's own token carries the timeout, so a shared client's timeout never cuts in first.
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _ownsHttp = true;
    }

    /// <summary>True when <paramref name="text"/> is an http or https URL rather than a path.</summary>
    public static bool IsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Fetches <paramref name="url"/>; the result's <see cref="SourceDocument.Source"/> and <see cref="SourceDocument.Url"/> are the final URL after redirects.</summary>
    public async Task<SourceDocument> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        var uri = Parse(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/pdf,text/markdown,text/plain;q=0.9,*/*;q=0.5");

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var final = response.RequestMessage?.RequestUri ?? uri;
            if (!response.IsSuccessStatusCode)
            {
                var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
                var where = final == uri ? string.Empty : $" (after redirects, at {final.AbsoluteUri})";
                throw new DocumentReadException(url, $"answered HTTP {(int)response.StatusCode}{reason}{where}; only a successful (2xx) response can be read.");
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
            {
                throw DocumentReader.TooLarge(url, declared, _options.MaxBytes);
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var content = await StreamSource.ReadLimitedAsync(body, url, _options.MaxBytes, timeout.Token).ConfigureAwait(false);

            var type = response.Content.Headers.ContentType;
            return new SourceDocument(final.AbsoluteUri, content, FormatHint(type, final), type?.CharSet, final.AbsoluteUri);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentReadException(url, $"timed out: no complete answer within {_options.Timeout.TotalSeconds:0.###} s; try again later or raise the timeout.");
        }
        catch (HttpRequestException e)
        {
            throw new DocumentReadException(url, Describe(e, uri));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static Uri Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new DocumentReadException("(url)", "is blank; an http or https URL such as 'https://example.com/news/1' is required.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            throw new DocumentReadException(url, "is not an absolute URL; give it with its scheme, such as 'https://example.com/news/1'.");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new DocumentReadException(url, $"uses the unsupported scheme '{uri.Scheme}'; only http and https URLs can be fetched.");
        }

        return uri;
    }

    /// <summary>The server's content type, or, when it says nothing useful, the extension of the final URL's path.</summary>
    private static string? FormatHint(MediaTypeHeaderValue? type, Uri final)
    {
        if (type?.MediaType is { } media && !media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return media;
        }

        var extension = Path.GetExtension(final.AbsolutePath);
        return extension.Length > 1 ? extension : null;
    }

    private static string Describe(HttpRequestException e, Uri uri)
    {
        var socket = e.InnerException as SocketException;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"the host '{uri.Host}' could not be resolved (DNS lookup failed); check the address and the network.",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused =>
                $"could not connect to {uri.Host}:{uri.Port}: the connection was refused (nothing listens there); check the address and port.",
            HttpRequestError.ConnectionError => $"could not connect to {uri.Host}:{uri.Port} ({e.Message.TrimEnd('.')}); the host is unreachable.",
            HttpRequestError.SecureConnectionError => $"the TLS handshake with {uri.Host} failed ({e.Message.TrimEnd('.')}).",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => $"the server's answer was cut off or malformed ({e.Message.TrimEnd('.')}).",
            _ => $"the request failed ({e.Message.TrimEnd('.')}).",
        };
    }
}
