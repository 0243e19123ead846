using Graph.Extraction.Text;

namespace Graph.Extraction.Mentions;

/// <summary>How a mention names its actor.</summary>
public enum MentionForm
{
    /// <summary>A name or alias from a list or the graph.</summary>
    Name,

    /// <summary>An acronym ("NIS").</summary>
    Acronym,

    /// <summary>An adjective of nationality ("North Korean troops").</summary>
    Demonym,

    /// <summary>A capital standing for its government ("Pyongyang").</summary>
    Capital,

    /// <summary>Found by a pattern (a titled person, a numbered resolution, a capitalised name with a kind cue).</summary>
    Pattern,

    /// <summary>A pronoun or definite description resolved to an earlier mention ("the agency", "he").</summary>
    Coreference,
}

/// <summary>One place in a sentence that names an actor.</summary>
/// <param name="First">Index of its first token in the sentence.</param>
/// <param name="Last">Index just after its last token.</param>
/// <param name="Span">Its characters in the document.</param>
/// <param name="Entity">The actor it names.</param>
/// <param name="Form">How it names it.</param>
/// <param name="Confidence">How sure the link is (lower for coreference and fuzzy links).</param>
public sealed record Mention(int First, int Last, TextSpan Span, Entity Entity, MentionForm Form, double Confidence)
{
    /// <summary>True when followed by "'s".</summary>
    public bool Possessive { get; init; }

    /// <summary>For a demonym or state followed by a personnel noun: <c>troops</c> or <c>workers</c>.</summary>
    public string? Personnel { get; init; }

    /// <summary>What to remember once this candidate is chosen over the others (short names, affiliations).</summary>
    public Action? Commit { get; init; }

    /// <summary>True when the mention can stand for its actor as an argument (a bare demonym in "Russian economy" cannot).</summary>
    public bool CanBeArgument { get; init; } = true;
}
