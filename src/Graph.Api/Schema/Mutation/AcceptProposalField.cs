using Graph.Api.Schema.Review;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>acceptProposal</c> mutation: accepts one pending proposal.</summary>
internal static class AcceptProposalField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("acceptProposal", Types.Ref("Proposal"), f => f
            .Description("Accepts one pending proposal: it becomes evidence on its relationship (corroboration when the edge exists; a differing figure is kept as a conflict), creating the actors it names.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("The proposal."))
            .Argument("note", Scalars.String, a => a.Description("A note kept with the decision."))
            .Resolve(MutationObject.Write(async (c, _, _) => await ProposalPages.Review(c).AcceptAsync(ProposalDecisionFields.ProposalId(c), Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false))));
}
