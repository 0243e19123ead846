using Graph.Api.Schema.Review;
using Graph.Core.Model;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;
using Graph.Ingest.Ingestion;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>editProposal</c> mutation: changes a pending proposal before deciding it.</summary>
internal static class EditProposalField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("editProposal", Types.Ref("Proposal"), f => f
            .Description("Changes a pending proposal (type, ends, quote span, attribution, stance) before deciding it; checked against the ontology's rules.")
            .Argument("input", Types.Ref("EditProposalInput").NonNull(), a => a.Description("The proposal and what to change."))
            .Resolve(MutationObject.Write(EditProposalAsync)));

    private static async Task<object?> EditProposalAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var id = input.Text("id", required: true, maxLength: 100);
        input.ThrowIfAny();
        async Task<ActorChoice?> ActorAsync(string field) =>
            input.Text(field, maxLength: 200) is { } reference
                ? ActorChoice.Of((await ActorReferences.ResolveAsync(context.Store, reference, "input." + field, c.CancellationToken).ConfigureAwait(false)).Id)
                : null;

        var edit = new ProposalEdit(
            Type: input.Value("type") as Core.Ontology.RelationshipType?,
            From: await ActorAsync("from").ConfigureAwait(false),
            To: await ActorAsync("to").ConfigureAwait(false),
            Start: input.Int("start"),
            End: input.Int("end"),
            AttributedTo: await ActorAsync("attributedTo").ConfigureAwait(false),
            ClearAttribution: input.Value("clearAttribution") is true,
            Stance: input.Value("stance") as Stance?);
        return await ProposalPages.Review(c).EditAsync(id!, edit, c.CancellationToken).ConfigureAwait(false);
    }
}
