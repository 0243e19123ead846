using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>RemoveEvidenceInput</c> input type: one evidence to remove.</summary>
internal static class RemoveEvidenceInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("RemoveEvidenceInput", t => t
        .Description("One evidence to remove, by its relationship, document and start offset.")
        .Field("relationship", Scalars.ID.NonNull(), f => f.Description("The relationship: its global id or readable id."))
        .Field("document", Scalars.ID.NonNull(), f => f.Description("The evidence's document."))
        .Field("start", Scalars.Int.NonNull(), f => f.Description("The evidence's start offset.")));
}
