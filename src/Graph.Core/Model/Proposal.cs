using System.Security.Cryptography;
using System.Text;
using Graph.Core.Ontology;

namespace Graph.Core.Model;

/// <summary>Where a proposal stands in review.</summary>
public enum ProposalStatus
{
    /// <summary>Waiting for an analyst.</summary>
    Pending,

    /// <summary>Accepted: its relationship and evidence were written to the graph.</summary>
    Accepted,

    /// <summary>Rejected: remembered, so re-extraction does not propose it again.</summary>
    Rejected,
}

/// <summary>
/// An actor as an extractor sees it: either one already in the graph (<see cref="Known"/>) or a new one, with the kind
/// inferred from its cues. Accepting a proposal creates the new actors it names.
/// </summary>
public sealed record ProposedActor(ActorId Id, NodeKind Kind, string Name, IReadOnlyList<string> Aliases, bool Known)
{
    /// <summary>The actor to create when the proposal is accepted and the graph does not hold it yet.</summary>
    public Actor ToActor(DocumentId document) =>
        new(Id, Kind, Name, Aliases.Where(a => a != Name).Distinct(StringComparer.Ordinal).ToList(), new Dictionary<string, string>(), $"{Kind} named in {document}.");
}

/// <summary>
/// A relationship an extractor read from a document, with the verbatim quote that states it, the rule that fired and
/// how sure the extractor is. Extraction proposes; an analyst (or an auto-accept threshold) decides.
/// </summary>
public sealed record Proposal(
    DocumentId Document,
    RelationshipType Type,
    ProposedActor From,
    ProposedActor To,
    string Quote,
    int Start,
    int End,
    ProposedActor? AttributedTo,
    Stance Stance,
    double Confidence,
    string Rule,
    string Extractor,
    EdgeAttributes? Attributes = null,
    string Qualifier = "")
{
    /// <summary>
    /// Identifies what is proposed (document, type, ends in canonical order, quote span), not when: the same reading of
    /// the same sentence gets the same id, which is how a rejected proposal is recognised when the document is read again.
    /// </summary>
    public string Id => Signature(Document, Type, From.Id, To.Id, Start, End);

    /// <summary>The proposal id for a reading: <c>proposal:</c> and 16 hex digits of a SHA-256.</summary>
    public static string Signature(DocumentId document, RelationshipType type, ActorId from, ActorId to, int start, int end)
    {
        var key = new RelationshipKey(type, from, to).Canonical();
        var text = $"{document}|{GraphOntology.RuleFor(type).Name}|{key.From}|{key.To}|{start}|{end}";
        return "proposal:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The evidence this proposal becomes once accepted.</summary>
    public Evidence ToEvidence() =>
        new(Document, Quote, Start, End, AttributedTo?.Id, Stance, Confidence, Extractor, Attributes is { IsEmpty: false } ? Attributes : null);

    /// <summary>The relationship this proposal becomes once accepted (the edge's own attributes are left to merging).</summary>
    public Relationship ToRelationship() => new(Type, From.Id, To.Id, EdgeAttributes.None, [ToEvidence()], Qualifier);
}
