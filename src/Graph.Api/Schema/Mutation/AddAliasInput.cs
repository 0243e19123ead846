using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>AddAliasInput</c> input type: a further name for an actor.</summary>
internal static class AddAliasInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("AddAliasInput", t => t
        .Description("A further name for an actor.")
        .Field("actor", Scalars.ID.NonNull(), f => f.Description("The actor: a global id, a readable id or a name."))
        .Field("alias", Scalars.String.NonNull(), f => f.Description("The new alias, 1..200 characters.")));
}
