using Graph.Api.Schema.Review;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>rejectProposal</c> mutation: rejects one pending proposal.</summary>
internal static class RejectProposalField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("rejectProposal", Types.Ref("Proposal"), f => f
            .Description("Rejects one pending proposal; it is remembered, so reading the document again does not propose it again.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("The proposal."))
            .Argument("note", Scalars.String, a => a.Description("Why, kept with the decision."))
            .Resolve(MutationObject.Write(async (c, _, _) => await ProposalPages.Review(c).RejectAsync(ProposalDecisionFields.ProposalId(c), Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false))));
}
