using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.LeafTypes;

/// <summary>The <c>ProposalStatus</c> enum: where a proposal stands in review.</summary>
public static class ProposalStatusEnum
{
    /// <summary>Declares the enum.</summary>
    public static EnumType Create() => new("ProposalStatus", e => e
        .Description("Where a proposal stands in review.")
        .Value("PENDING", ProposalStatus.Pending, v => v.Description("Waiting for an analyst."))
        .Value("ACCEPTED", ProposalStatus.Accepted, v => v.Description("Accepted: written to the graph as evidence on its relationship."))
        .Value("REJECTED", ProposalStatus.Rejected, v => v.Description("Rejected: remembered, so reading the document again does not propose it again.")));
}
