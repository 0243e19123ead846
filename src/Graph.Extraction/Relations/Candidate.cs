using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Mentions;
using Graph.Extraction.Text;

namespace Graph.Extraction.Relations;

/// <summary>A relationship read from one sentence, before the ontology check and attribution.</summary>
/// <param name="Type">The relationship type.</param>
/// <param name="From">The source actor.</param>
/// <param name="To">The target actor.</param>
/// <param name="Quote">The clause or phrase that states it.</param>
/// <param name="Trigger">Index of the trigger token in the sentence (where attribution and stance are judged).</param>
/// <param name="Rule">The rule that fired, e.g. <c>deployed.active</c>.</param>
/// <param name="Confidence">How sure the rule is, before stance and links lower it.</param>
public sealed record Candidate(RelationshipType Type, Entity From, Entity To, TextSpan Quote, int Trigger, string Rule, double Confidence)
{
    /// <summary>Figures and dates the clause gives.</summary>
    public EdgeAttributes Attributes { get; init; } = EdgeAttributes.None;

    /// <summary>True for facts a phrase states by its form ("President X", "Russia's Kursk region"): never credited to a speaker, never hedged.</summary>
    public bool Structural { get; init; }

    /// <summary>A credit set by the rule itself (REPORTED edges carry none).</summary>
    public bool NoAttribution { get; init; }
}
