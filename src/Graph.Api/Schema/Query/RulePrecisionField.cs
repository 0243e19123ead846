using Graph.Api.Schema.Review;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>rulePrecision</c> field: how analysts have judged each extractor rule.</summary>
internal static class RulePrecisionField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("rulePrecision", Types.NonNullList(Types.Ref("RulePrecision")), f => f
            .Description("How analysts have judged each extractor rule so far: accepted, rejected, pending and precision. Which rules to trust.")
            .ResolveAsync(async (_, c) => await ProposalPages.Review(c).GetRulePrecisionAsync(c.CancellationToken).ConfigureAwait(false)));
}
