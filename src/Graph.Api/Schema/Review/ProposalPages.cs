using Graph.Api.Schema.Connections;
using Graph.Core.Errors;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.Ingest.Ingestion;

namespace Graph.Api.Schema.Review;

/// <summary>What the review fields share: pages of proposals, the confidence argument, and the review and ingestion services.</summary>
internal static class ProposalPages
{
    /// <summary>
    /// A page of the proposals a query selects, paged like every connection of the schema; <paramref name="list"/> and
    /// <paramref name="owner"/> name the field and its parent for the cursors.
    /// </summary>
    public static async Task<object?> PageAsync(IResolveFieldContext c, ProposalQuery query, string list, string? owner = null)
    {
        var cursors = CursorList.For(c, list, owner);
        var proposals = await Review(c).ListAsync(query with { Limit = ProposalQuery.MaxLimit }, c.CancellationToken).ConfigureAwait(false);
        return Paging.Page(c, cursors, proposals, SortKeys.Proposal);
    }

    /// <summary>The <c>minConfidence</c> argument, 0 when absent; outside 0..1 is an error.</summary>
    public static double MinConfidence(IResolveFieldContext c)
    {
        var value = Args.Float(c, "minConfidence") ?? 0;
        return value is >= 0 and <= 1 ? value : throw new InvalidArgumentException("minConfidence", $"minConfidence must be between 0 and 1; got {value}.");
    }

    /// <summary>The review service of the request.</summary>
    public static ReviewService Review(IResolveFieldContext c) => c.Services!.GetRequiredService<ReviewService>();

    /// <summary>The ingestion service of the request.</summary>
    public static IngestionService Ingestion(IResolveFieldContext c) => c.Services!.GetRequiredService<IngestionService>();
}
