using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The <c>QuantityClaim</c> object type: one source's figure for a quantity.</summary>
internal static class QuantityClaimObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<QuantityClaimView>("QuantityClaim", t => t
        .Description("One source's figure for a quantity, with the evidence that gives it.")
        .Implements(Types.Ref("Node"))
        .Field("id", Scalars.ID.NonNull(), "Opaque global id (base64 of `QuantityClaim:key`); refetch with `node(id:)`.", q => GlobalId.ForQuantityClaim(q.Quantity, q.Claim.Evidence, q.Edge))
        .Field("display", Scalars.String.NonNull(), "The figure as a reader would say it: `13221 workers`, `100–200 USD per month`.", q => q.Claim.Display)
        .Field("value", Scalars.Float, "The exact figure, when the source gives one.", q => (double?)q.Claim.Value)
        .Field("min", Scalars.Float, "Low end, when the source gives a range.", q => (double?)q.Claim.Min)
        .Field("max", Scalars.Float, "High end, when the source gives a range.", q => (double?)q.Claim.Max)
        .Field("unit", Scalars.String, "What is counted or the currency and period, e.g. `workers`, `USD per month`.", q => q.Claim.Unit)
        .Field("statedIn", Types.Ref("Evidence").NonNull(), "The evidence that states this figure (named so, not `evidence`, because `Relationship.evidence`, a connection, can meet it in one `node` selection).", q => new EvidenceView(q.Claim.Evidence, q.Edge)));
}
