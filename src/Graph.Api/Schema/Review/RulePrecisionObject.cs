using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Review;

/// <summary>The <c>RulePrecision</c> object type: how analysts have judged one extractor rule.</summary>
internal static class RulePrecisionObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<RulePrecision>("RulePrecision", t => t
        .Description("How analysts have judged one extractor rule: which rules to trust.")
        .Field("rule", Scalars.String.NonNull(), "The rule's name.", r => r.Rule)
        .Field("accepted", Scalars.Int.NonNull(), "Proposals of this rule accepted.", r => r.Accepted)
        .Field("rejected", Scalars.Int.NonNull(), "Proposals of this rule rejected.", r => r.Rejected)
        .Field("pending", Scalars.Int.NonNull(), "Proposals of this rule still waiting.", r => r.Pending)
        .Field("precision", Scalars.Float, "Accepted over decided; null before any decision.", r => r.Precision));
}
