using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Extraction.Gazetteer;

/// <summary>How a name in the gazetteer refers to its entry.</summary>
public enum NameForm
{
    /// <summary>The name or a formal or common alias ("North Korea", "Democratic People's Republic of Korea").</summary>
    Name,

    /// <summary>An acronym, matched with its exact capitals ("DPRK", "NIS", "US").</summary>
    Acronym,

    /// <summary>An adjective of nationality ("North Korean", "Russian").</summary>
    Demonym,

    /// <summary>A capital standing for its government ("Pyongyang", "Moscow").</summary>
    Capital,
}

/// <summary>One reference actor: a state, an international body, an agency, an outlet, a region or a conflict.</summary>
/// <param name="Id">Its actor id (from its kind and name).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Name">Display name.</param>
/// <param name="Aliases">Other names, acronyms included.</param>
/// <param name="Demonyms">Adjectives of nationality (states only).</param>
/// <param name="Capital">The capital (states only).</param>
/// <param name="CapitalIsMetonym">Whether the capital stands for the government in news.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 (states only).</param>
/// <param name="PartOf">The body or state it is part of (agencies of a state, bodies of the UN).</param>
/// <param name="LocatedIn">The state a region lies in.</param>
/// <param name="Leads">The state a well-known leader heads (used only when the text gives a leader's title).</param>
public sealed record GazetteerEntry(
    ActorId Id,
    NodeKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms,
    string? Capital,
    bool CapitalIsMetonym,
    string? CountryCode,
    ActorId? PartOf,
    ActorId? LocatedIn,
    ActorId? Leads = null);
