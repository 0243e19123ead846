using Graph.Api.Schema.Review;
using Graph.Core.Errors;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>
/// The <c>acceptProposals</c> and <c>rejectProposals</c> mutations: one decision over many proposals, in one
/// transaction; and the proposal id argument the single decisions read.
/// </summary>
internal static class ProposalDecisionFields
{
    /// <summary>Most proposals one batch decision takes.</summary>
    private const int MaxProposalsPerDecision = 1_000;

    /// <summary>Adds <c>acceptProposals</c> to the mutation root.</summary>
    public static void DeclareAcceptProposals(ObjectTypeBuilder<object> mutation) =>
        mutation.Field("acceptProposals", Types.Ref("ReviewProposalsPayload"), f => BatchDecision(f, accept: true));

    /// <summary>Adds <c>rejectProposals</c> to the mutation root.</summary>
    public static void DeclareRejectProposals(ObjectTypeBuilder<object> mutation) =>
        mutation.Field("rejectProposals", Types.Ref("ReviewProposalsPayload"), f => BatchDecision(f, accept: false));

    /// <summary>The <c>id</c> argument of a single decision, checked for its shape.</summary>
    public static string ProposalId(IResolveFieldContext c) =>
        Args.String(c, "id") is { Length: > 0 and <= 100 } id ? id : throw new InvalidArgumentException("id", "A proposal id looks like 'proposal:0123456789abcdef' (from `proposals`).");

    private static void BatchDecision(FieldBuilder<object> f, bool accept)
    {
        var verb = accept ? "accept" : "reject";
        f.Description(accept
                ? "Accepts proposals in one transaction: by ids, or every pending proposal of a document at or above a confidence. One that cannot be written refuses the batch, which then changes nothing."
                : "Rejects proposals in one transaction: by ids, or every pending proposal of a document (at or above `minConfidence` when given). They are remembered, so reading the document again does not propose them again.")
            .Argument("ids", Types.List(Scalars.ID.NonNull()), a => a.Description($"The proposals, at most {MaxProposalsPerDecision}."))
            .Argument("document", Scalars.ID, a => a.Description($"Instead of ids: every pending proposal of this document."))
            .Argument("minConfidence", Scalars.Float, a => a.Description("With `document`: only proposals at least this sure, 0..1."))
            .Argument("note", Scalars.String, a => a.Description("A note kept with each decision."))
            .Resolve(MutationObject.Write(async (c, _, _) =>
            {
                var ids = Args.List<string>(c, "ids") ?? [];
                var document = Args.String(c, "document");
                if ((ids.Count == 0) == (document is null))
                {
                    throw new InvalidArgumentException("ids", $"{verb}Proposals takes either 'ids' (from `proposals`) or 'document' (every pending proposal of it), not both and not neither.");
                }

                if (document is not null)
                {
                    ids = [.. await ProposalPages.Review(c).PendingIdsAsync(Args.ParseDocumentId(document, "document"), ProposalPages.MinConfidence(c), c.CancellationToken).ConfigureAwait(false)];
                    if (ids.Count == 0)
                    {
                        return Array.Empty<ProposalRecord>();
                    }
                }

                if (ids.Count > MaxProposalsPerDecision)
                {
                    throw new InvalidArgumentException("ids", $"{verb}Proposals takes at most {MaxProposalsPerDecision} proposals at once; got {ids.Count}.");
                }

                var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
                return accept
                    ? await ProposalPages.Review(c).AcceptAsync(distinct, Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false)
                    : await ProposalPages.Review(c).RejectAsync(distinct, Args.String(c, "note"), c.CancellationToken).ConfigureAwait(false);
            }));
    }
}
