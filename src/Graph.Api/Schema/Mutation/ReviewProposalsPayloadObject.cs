using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>ReviewProposalsPayload</c> object type: what a review decision did.</summary>
internal static class ReviewProposalsPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<IReadOnlyList<ProposalRecord>>("ReviewProposalsPayload", t => t
        .Description("What a review decision did.")
        .Field("proposals", Types.NonNullList(Types.Ref("Proposal")), "The proposals decided, as they stand now.", p => p)
        .Field("count", Scalars.Int.NonNull(), "How many were decided.", p => p.Count));
}
