using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>MergeActorsInput</c> input type: two ids for one actor.</summary>
internal static class MergeActorsInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("MergeActorsInput", t => t
        .Description("Two ids for one actor: `remove` is folded into `keep`.")
        .Field("keep", Scalars.ID.NonNull(), f => f.Description("The actor that stays: a global id, a readable id or a name."))
        .Field("remove", Scalars.ID.NonNull(), f => f.Description("The actor whose edges, evidence, name and aliases move to `keep`, then is deleted.")));
}
