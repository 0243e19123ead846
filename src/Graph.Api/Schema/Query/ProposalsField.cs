using Graph.Api.Schema.Connections;
using Graph.Api.Schema.Review;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>proposals</c> field: the review queue.</summary>
internal static class ProposalsField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("proposals", ConnectionTypes.RootOf("Proposal"), f => f
            .Description("The review queue: what extractors proposed, with quotes and rules, in document order. Without arguments, every pending proposal.")
            .Argument("document", Scalars.ID, a => a.Description("Only proposals read from this document (`doc:slug` or its global id)."))
            .Argument("status", Types.Ref("ProposalStatus"), a => a.Description("Only proposals in this state; null for all.").DefaultValue(ProposalStatus.Pending))
            .Argument("minConfidence", Scalars.Float, a => a.Description("Only proposals at least this sure, 0..1."))
            .Argument("rule", Scalars.String, a => a.Description("Only proposals of this extractor rule."))
            .PageArguments()
            .ResolveAsync(async (_, c) =>
            {
                var selection = new ProposalQuery(
                    Args.String(c, "document") is { } d ? Args.ParseDocumentId(d, "document") : null,
                    Args.Enum<ProposalStatus>(c, "status"),
                    ProposalPages.MinConfidence(c),
                    Args.String(c, "rule"));
                return await ProposalPages.PageAsync(c, selection, "Query.proposals").ConfigureAwait(false);
            }));
}
