using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Api.Schema.Relationships;

/// <summary>
/// An edge as reached from one actor (<see cref="Perspective"/>), so <c>other</c> and <c>direction</c> can be answered;
/// the perspective is null when the edge was reached otherwise (by id, by evidence search).
/// </summary>
public sealed record RelationshipView(Relationship Edge, ActorId? Perspective = null)
{
    /// <summary>The far end seen from the perspective.</summary>
    public ActorId? Other => Perspective is { } p ? Edge.Other(p) : null;
}

/// <summary>One evidence and the edge it supports.</summary>
public sealed record EvidenceView(Evidence Evidence, Relationship Edge);

/// <summary>One claim of a conflict and the edge it is on.</summary>
internal sealed record QuantityClaimView(QuantityClaim Claim, Relationship Edge, string Quantity);
