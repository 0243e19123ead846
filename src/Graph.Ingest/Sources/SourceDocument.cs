using Graph.Extraction.Reading;

namespace Graph.Ingest.Sources;

/// <summary>One document's bytes as a source delivered them, with what the source knows of its format; ready for <see cref="DocumentReader"/>.</summary>
/// <param name="Source">The name for messages and provenance: a file path, the final URL, <c>stdin</c>.</param>
/// <param name="Content">The raw bytes.</param>
/// <param name="FormatHint">A file extension or a MIME content type, or null.</param>
/// <param name="Charset">A text encoding the source declared (an HTTP charset), or null.</param>
/// <param name="Url">The address it was fetched from after redirects; it becomes the document's URL unless the caller overrides it.</param>
public sealed record SourceDocument(string Source, ReadOnlyMemory<byte> Content, string? FormatHint = null, string? Charset = null, string? Url = null)
{
    /// <summary>The reading options for this document: <paramref name="defaults"/> (size limit, overrides) plus this source's hints and URL.</summary>
    public ReadOptions ToReadOptions(ReadOptions? defaults = null)
    {
        defaults ??= new ReadOptions();
        var overrides = Url is null ? defaults.Overrides : new DocumentMetadata(Url: Url).OverriddenBy(defaults.Overrides);
        return defaults with
        {
            FormatHint = defaults.FormatHint ?? FormatHint,
            Charset = defaults.Charset ?? Charset,
            Overrides = overrides,
        };
    }

    /// <summary>Reads the document; throws <see cref="DocumentReadException"/> when it cannot be read.</summary>
    public ReadDocument Read(ReadOptions? defaults = null) => DocumentReader.Read(Content, Source, ToReadOptions(defaults));
}

/// <summary>What happened to one item of a batch.</summary>
public enum SourceOutcome
{
    /// <summary>Loaded (and, for <see cref="DocumentBatch"/>, read).</summary>
    Succeeded,

    /// <summary>Left out on purpose (a hidden file, an image); <see cref="SourceResult.Problem"/> says why.</summary>
    Skipped,

    /// <summary>Could not be loaded or read; <see cref="SourceResult.Problem"/> says why.</summary>
    Failed,
}

/// <summary>
/// One item of a batch (a file of a folder, a URL of a list): its bytes, or why it was skipped or failed. A batch
/// returns one of these per item so a single bad file never stops the rest; the caller reports them.
/// </summary>
/// <param name="Source">The item's name: a file path or URL.</param>
/// <param name="Outcome">Whether it succeeded, was skipped or failed.</param>
/// <param name="Input">The bytes and hints, when loaded.</param>
/// <param name="Document">The document read from them, when the batch was also read (<see cref="DocumentBatch.Read"/>).</param>
/// <param name="Problem">Why it was skipped or failed: the source, what was wrong, what is allowed.</param>
public sealed record SourceResult(string Source, SourceOutcome Outcome, SourceDocument? Input = null, ReadDocument? Document = null, string? Problem = null)
{
    /// <summary>A loaded item.</summary>
    public static SourceResult Loaded(SourceDocument input) => new(input.Source, SourceOutcome.Succeeded, input);

    /// <summary>An item left out, with the reason.</summary>
    public static SourceResult Skip(string source, string reason) => new(source, SourceOutcome.Skipped, Problem: reason);

    /// <summary>A failed item; the message names the source.</summary>
    public static SourceResult Fail(DocumentReadException error) => new(error.SourceName, SourceOutcome.Failed, Problem: error.Message);
}

/// <summary>Reads a batch of loaded items into documents, one result per item, a failure in one never stopping the rest.</summary>
public static class DocumentBatch
{
    /// <summary>Each loaded item read with <paramref name="options"/>; skipped and failed items pass through unchanged.</summary>
    public static IEnumerable<SourceResult> Read(IEnumerable<SourceResult> items, ReadOptions? options = null)
    {
        foreach (var item in items)
        {
            if (item.Outcome != SourceOutcome.Succeeded || item.Input is null)
            {
                yield return item;
                continue;
            }

            SourceResult result;
            try
            {
                result = item with { Document = item.Input.Read(options) };
            }
            catch (DocumentReadException e)
            {
                result = item with { Outcome = SourceOutcome.Failed, Problem = e.Message };
            }

            yield return result;
        }
    }
}
