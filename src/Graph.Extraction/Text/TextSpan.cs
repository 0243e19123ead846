namespace Graph.Extraction.Text;

/// <summary>A half-open span <c>[Start, End)</c> of the document text, in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Its length.</summary>
    public int Length => End - Start;

    /// <summary>The text it covers.</summary>
    public string Of(string text) => text.Substring(Start, End - Start);
}
