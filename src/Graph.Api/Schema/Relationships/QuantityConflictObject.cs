using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The <c>QuantityConflict</c> object type: a quantity of one relationship that sources give differently.</summary>
internal static class QuantityConflictObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<QuantityConflict>("QuantityConflict", t => t
        .Description("A quantity of one relationship that sources give differently. Both sides are kept; none is silently picked.")
        .Implements(Types.Ref("Node"))
        .Field("id", Scalars.ID.NonNull(), "Opaque global id (base64 of `QuantityConflict:key`); refetch with `node(id:)`.", q => GlobalId.ForQuantityConflict(q))
        .Field("relationship", Types.Ref("Relationship").NonNull(), "The relationship the figures are about.", q => new RelationshipView(q.Relationship))
        .Field("quantity", Types.Ref("Quantity").NonNull(), "Which quantity differs.", q => q.Quantity)
        .Field("claims", Types.NonNullList(Types.Ref("QuantityClaim")), "Each source's figure with its evidence.", q => q.Claims.Select(claim => new QuantityClaimView(claim, q.Relationship, q.Quantity)).ToList()));
}
