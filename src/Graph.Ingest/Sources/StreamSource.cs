using Graph.Extraction.Reading;

namespace Graph.Ingest.Sources;

/// <summary>A document from a stream: standard input, an upload, any stream the caller opened.</summary>
public static class StreamSource
{
    /// <summary>
    /// Reads the stream to its end, refusing it as soon as it passes <paramref name="maxBytes"/> (a pipe has no length
    /// to check first). <paramref name="formatHint"/> is an extension or content type, since a stream has no name.
    /// </summary>
    public static async Task<SourceDocument> LoadAsync(Stream stream, string name = "stdin", string? formatHint = null, long maxBytes = ReadOptions.DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = await ReadLimitedAsync(stream, name, maxBytes, cancellationToken).ConfigureAwait(false);
        return new SourceDocument(name, content, formatHint);
    }

    /// <summary>The stream's bytes up to <paramref name="maxBytes"/>, or a <see cref="DocumentReadException"/> once it has more.</summary>
    internal static async Task<byte[]> ReadLimitedAsync(Stream stream, string name, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int count;
            while ((count = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + count > maxBytes)
                {
                    throw new DocumentReadException(name, $"is too large: it is over the limit of {DocumentReader.Size(maxBytes)} (reading stopped at {DocumentReader.Size(buffer.Length + count)}); split the document or raise the size limit.");
                }

                buffer.Write(chunk, 0, count);
            }
        }
        catch (IOException e)
        {
            throw new DocumentReadException(name, $"could not be read to its end: {e.Message.TrimEnd('.')}.");
        }

        return buffer.ToArray();
    }
}
