using Graph.Core.Errors;

namespace Graph.Core.Model;

/// <summary>How a source states an assertion.</summary>
public enum Stance
{
    /// <summary>The source states it.</summary>
    Asserts,

    /// <summary>The source hedges: "reportedly", "may have", "would violate".</summary>
    Hedged,

    /// <summary>The source denies it: kept as evidence on the same edge, never a deleted edge.</summary>
    Denies,
}

/// <summary>
/// One source's support for an edge: the verbatim quote, where it sits in the document, whom the document credits,
/// and the figures this source gives (which may differ from another source's for the same edge).
/// </summary>
public sealed record Evidence(
    DocumentId DocumentId,
    string Quote,
    int Start,
    int End,
    ActorId? AttributedTo,
    Stance Stance,
    double Confidence,
    string Extractor,
    EdgeAttributes? Attributes = null)
{
    /// <summary>Evidence is identified by where its quote sits: one document, one span.</summary>
    public (DocumentId Document, int Start, int End) Key => (DocumentId, Start, End);

    /// <summary>Checks the evidence is well formed (and, given its document, that the quote is verbatim at its offsets).</summary>
    public void Validate(Document? document = null)
    {
        if (string.IsNullOrWhiteSpace(Quote))
        {
            throw new RuleViolationException("evidence-quote", "Evidence needs a non-empty verbatim quote.");
        }

        if (Start < 0 || End <= Start)
        {
            throw new RuleViolationException("evidence-offsets", $"Evidence offsets must satisfy 0 <= start < end; got start {Start}, end {End}.");
        }

        if (End - Start != Quote.Length)
        {
            throw new RuleViolationException("evidence-offsets", $"Evidence offsets span {End - Start} characters but the quote has {Quote.Length}.");
        }

        if (Confidence is < 0 or > 1 || double.IsNaN(Confidence))
        {
            throw new RuleViolationException("evidence-confidence", $"Evidence confidence must be between 0 and 1; got {Confidence}.");
        }

        if (string.IsNullOrWhiteSpace(Extractor))
        {
            throw new RuleViolationException("evidence-extractor", "Evidence must name its extractor ('curated' or the extractor's name and version).");
        }

        if (document is not null)
        {
            if (document.Id != DocumentId)
            {
                throw new RuleViolationException("evidence-document", $"Evidence cites '{DocumentId}' but was checked against '{document.Id}'.");
            }

            if (End > document.Text.Length || string.CompareOrdinal(document.Text, Start, Quote, 0, Quote.Length) != 0)
            {
                throw new RuleViolationException("evidence-verbatim", $"The quote \"{Shorten(Quote)}\" does not occur in '{DocumentId}' at {Start}..{End}.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
