using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Api.Schema.Connections;

/// <summary>
/// The sort key of each kind of item the schema pages through: the list's documented order, made total by a unique id at
/// the end. A connection is sorted by these keys and its cursors hold them.
/// </summary>
internal static class SortKeys
{
    /// <summary>Documents: by id.</summary>
    public static SortKey Document(Document document) => SortKey.Of(document.Id.Value);

    /// <summary>Actors found by a search (the store's keyset order): how the name matched, the name, the id.</summary>
    public static SortKey ActorMatch(ActorSearchKey key) => SortKey.Of((long)key.Match, key.Name, key.Id.Value);

    /// <summary>The store's key of an actor search cursor's key, or null when its parts are not one.</summary>
    public static ActorSearchKey? ActorSearchKey(SortKey key) =>
        key.Parts is [long match and >= 0 and <= (long)MatchKind.Substring, string name, string id] && ActorId.TryParse(id, out var actor)
            ? new ActorSearchKey((MatchKind)match, name, actor)
            : null;

    /// <summary>The shape of an actor search key.</summary>
    public const string ActorMatchShape = "nss";

    /// <summary>Common neighbours: by id.</summary>
    public static SortKey CommonNeighbour(CommonNeighbour neighbour) => SortKey.Of(neighbour.Actor.Id.Value);

    /// <summary>Proposals: by document, then where the quote starts, then id (the review store's order).</summary>
    public static SortKey Proposal(ProposalRecord record) => SortKey.Of(record.Proposal.Document.Value, record.Proposal.Start, record.Id);

    /// <summary>Conflicts: by relationship id, then quantity.</summary>
    public static SortKey Conflict(QuantityConflict conflict) => SortKey.Of(conflict.Relationship.Id, conflict.Quantity);

    /// <summary>An edge's own evidence: by document, then where the quote starts and ends (evidence is one span of one document).</summary>
    public static SortKey EdgeEvidence(EvidenceView view) => SortKey.Of(view.Evidence.DocumentId.Value, view.Evidence.Start, view.Evidence.End);

    /// <summary>Evidence found by text: newest document first (undated last), then document, position, edge and end.</summary>
    public static SortKey FoundEvidence(EvidenceView view, PartialDate? published) =>
        SortKey.Of([.. SortKey.DateParts(published, newestFirst: true), view.Evidence.DocumentId.Value, view.Evidence.Start, view.Edge.Id, view.Evidence.End]);

    /// <summary>An actor's relationships: type (ontology order), date (undated last), the other actor, qualifier, then the edge id.</summary>
    public static SortKey Listed(RelationshipView view) =>
        SortKey.Of([(long)view.Edge.Type, .. SortKey.DateParts(view.Edge.Date), view.Other?.Value ?? "", view.Edge.Key.Qualifier ?? "", view.Edge.Id]);

    /// <summary>A timeline: date (oldest first), type, the other actor, qualifier, then the edge id.</summary>
    public static SortKey Timeline(RelationshipView view) =>
        SortKey.Of([.. SortKey.DateParts(view.Edge.Date), (long)view.Edge.Type, view.Other?.Value ?? "", view.Edge.Key.Qualifier ?? "", view.Edge.Id]);
}
