using System.Runtime.CompilerServices;
using Graph.Extraction.Reading;

namespace Graph.Ingest.Sources;

/// <summary>
/// One entry point for what a user names on a command line or in a request: <c>-</c> for standard input, an http(s)
/// URL, a folder, or a file. Every outcome is a <see cref="SourceResult"/>, so a caller reports failures the same way
/// whatever the kind of source.
/// </summary>
public static class DocumentSources
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// The items <paramref name="location"/> names: one for a file, URL or standard input, one per file for a folder.
    /// <paramref name="stdin"/> replaces the process's standard input (tests, hosted callers); <paramref name="fetcher"/>
    /// is used for URLs (a default one is made when none is given); <paramref name="formatHint"/> tells standard input's format.
    /// </summary>
    public static async IAsyncEnumerable<SourceResult> LoadAsync(
        string location,
        long maxBytes = ReadOptions.DefaultMaxBytes,
        UrlFetcher? fetcher = null,
        Stream? stdin = null,
        string? formatHint = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (location == StandardInput)
        {
            yield return await Attempt(async () =>
            {
                var stream = stdin ?? Console.OpenStandardInput();
                return await StreamSource.LoadAsync(stream, "stdin", formatHint, maxBytes, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            yield break;
        }

        if (UrlFetcher.IsUrl(location) || location.Contains("://", StringComparison.Ordinal))
        {
            var own = fetcher is null ? new UrlFetcher(options: new UrlFetcherOptions { MaxBytes = maxBytes }) : null;
            try
            {
                var active = fetcher ?? own!;
                yield return await Attempt(() => active.FetchAsync(location, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                own?.Dispose();
            }

            yield break;
        }

        if (Directory.Exists(location))
        {
            foreach (var item in FileSource.LoadFolder(location, maxBytes))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            yield break;
        }

        yield return await Attempt(() => Task.FromResult(FileSource.Load(location, maxBytes))).ConfigureAwait(false);
    }

    private static async Task<SourceResult> Attempt(Func<Task<SourceDocument>> load)
    {
        try
        {
            return SourceResult.Loaded(await load().ConfigureAwait(false));
        }
        catch (DocumentReadException e)
        {
            return SourceResult.Fail(e);
        }
    }
}
