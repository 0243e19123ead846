using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>AddRelationshipInput</c> input type: a relationship with its evidence.</summary>
internal static class AddRelationshipInput
{
    /// <summary>Most evidences one write takes.</summary>
    public const int MaxEvidencePerWrite = 50;

    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("AddRelationshipInput", t => t
        .Description("A relationship with its evidence. When the same edge exists (same type, ends and qualifier), the evidence is added to it.")
        .Field("type", Types.Ref("RelationshipType").NonNull(), f => f.Description("Its type; the ends' kinds must fit the type's rule."))
        .Field("from", Scalars.ID.NonNull(), f => f.Description("The source actor: a global id, a readable id or a name."))
        .Field("to", Scalars.ID.NonNull(), f => f.Description("The target actor: a global id, a readable id or a name."))
        .Field("qualifier", Scalars.String, f => f.Description("Separates two assertions of one type between one pair (a slug, e.g. `troops`)."))
        .Field("attributes", Types.Ref("RelationshipAttributesInput"), f => f.Description("Facts of the edge."))
        .Field("evidence", Types.NonNullList(Types.Ref("EvidenceInput")), f => f.Description($"At least one, at most {MaxEvidencePerWrite}: there is no edge without evidence.")));
}
