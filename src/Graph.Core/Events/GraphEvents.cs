using Graph.Core.Model;

namespace Graph.Core.Events;

/// <summary>Something that changed in the store, published after the write committed.</summary>
public abstract record GraphEvent
{
    /// <summary>When the change was published.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>How an edge changed.</summary>
public enum RelationshipChange
{
    /// <summary>A new edge, with its first evidence.</summary>
    Added,

    /// <summary>An existing edge gained evidence or changed attributes (also edges moved by a merge of actors).</summary>
    Changed,

    /// <summary>The edge lost evidence and still stands.</summary>
    EvidenceRemoved,

    /// <summary>The edge lost its last evidence and was deleted.</summary>
    Removed,
}

/// <summary>An edge gained, changed or lost evidence.</summary>
/// <param name="Key">The edge.</param>
/// <param name="Change">What happened to it.</param>
public sealed record RelationshipChanged(RelationshipKey Key, RelationshipChange Change) : GraphEvent;

/// <summary>A document was ingested (a new document or a new version), with how many proposals it produced.</summary>
/// <param name="Document">The document.</param>
/// <param name="Proposals">How many proposals were saved with it.</param>
/// <param name="Accepted">How many of them were accepted as they were saved (auto-accept).</param>
public sealed record DocumentIngested(DocumentId Document, int Proposals, int Accepted) : GraphEvent;

/// <summary>What happened to a document's proposals.</summary>
public enum ProposalsChange
{
    /// <summary>New proposals were saved (ingestion or re-extraction).</summary>
    Proposed,

    /// <summary>Proposals were accepted.</summary>
    Accepted,

    /// <summary>Proposals were rejected.</summary>
    Rejected,

    /// <summary>A proposal was edited.</summary>
    Edited,
}

/// <summary>Proposals of one document changed.</summary>
/// <param name="Document">The document the proposals were read from.</param>
/// <param name="Change">What happened.</param>
/// <param name="ProposalIds">The proposals concerned.</param>
public sealed record ProposalsChanged(DocumentId Document, ProposalsChange Change, IReadOnlyList<string> ProposalIds) : GraphEvent;
