namespace Graph.Extraction.Extractors.Model;

/// <summary>A span of the document text sent to the model in one request.</summary>
internal readonly record struct TextChunk(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string text) => text[Start..End];
}

/// <summary>
/// Splits a document into chunks of at most a given length on paragraph boundaries (blank lines), so a model never
/// sees half a paragraph and every chunk keeps its offset into the whole text.
/// </summary>
internal static class TextChunker
{
    public static IReadOnlyList<TextChunk> Split(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var chunks = new List<TextChunk>();
        if (text.Length <= maxChars)
        {
            if (text.Length > 0)
            {
                chunks.Add(new TextChunk(0, text.Length));
            }

            return chunks;
        }

        var start = 0;
        var end = 0;
        foreach (var paragraph in Paragraphs(text))
        {
            if (paragraph.End - start <= maxChars)
            {
                end = paragraph.End;
                continue;
            }

            if (end > start)
            {
                chunks.Add(new TextChunk(start, end));
                start = end;
            }

            // A paragraph longer than a chunk on its own is cut at sentence ends, or at spaces as a last resort.
            while (paragraph.End - start > maxChars)
            {
                var cut = CutPoint(text, start, start + maxChars);
                chunks.Add(new TextChunk(start, cut));
                start = cut;
            }

            end = paragraph.End;
        }

        if (end > start)
        {
            chunks.Add(new TextChunk(start, end));
        }

        return chunks;
    }

    /// <summary>Paragraphs with the blank lines after them, so consecutive paragraphs cover the text without gaps.</summary>
    private static IEnumerable<TextChunk> Paragraphs(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\n')
            {
                var j = i + 1;
                var lines = 1;
                while (j < text.Length && text[j] is '\n' or '\r' or ' ' or '\t')
                {
                    lines += text[j] == '\n' ? 1 : 0;
                    j++;
                }

                if (lines >= 2)
                {
                    yield return new TextChunk(start, j);
                    start = j;
                }

                i = j;
                continue;
            }

            i++;
        }

        if (start < text.Length)
        {
            yield return new TextChunk(start, text.Length);
        }
    }

    private static int CutPoint(string text, int start, int limit)
    {
        for (var i = limit - 1; i > start + 1; i--)
        {
            if (text[i] is ' ' or '\n' && text[i - 1] is '.' or '!' or '?')
            {
                return i + 1;
            }
        }

        for (var i = limit - 1; i > start; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        return limit;
    }
}
