using Graph.Core.Events;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Subscription;

/// <summary>The enums of the subscription events: <c>RelationshipChange</c> and <c>ProposalsChange</c>.</summary>
internal static class SubscriptionEnums
{
    /// <summary>Declares <c>RelationshipChange</c>.</summary>
    public static EnumType RelationshipChangeEnum() => new("RelationshipChange", e => e
        .Description("How an edge changed.")
        .Value("ADDED", RelationshipChange.Added, v => v.Description("A new edge, with its first evidence."))
        .Value("CHANGED", RelationshipChange.Changed, v => v.Description("An existing edge gained evidence or attributes (also edges that a merge of actors moved)."))
        .Value("EVIDENCE_REMOVED", RelationshipChange.EvidenceRemoved, v => v.Description("The edge lost evidence and still stands."))
        .Value("REMOVED", RelationshipChange.Removed, v => v.Description("The edge lost its last evidence and was deleted.")));

    /// <summary>Declares <c>ProposalsChange</c>.</summary>
    public static EnumType ProposalsChangeEnum() => new("ProposalsChange", e => e
        .Description("What happened to a document's proposals.")
        .Value("PROPOSED", ProposalsChange.Proposed, v => v.Description("New proposals were saved (ingestion or re-extraction)."))
        .Value("ACCEPTED", ProposalsChange.Accepted, v => v.Description("Proposals were accepted: their evidence is in the graph."))
        .Value("REJECTED", ProposalsChange.Rejected, v => v.Description("Proposals were rejected."))
        .Value("EDITED", ProposalsChange.Edited, v => v.Description("A proposal was edited by an analyst.")));
}
