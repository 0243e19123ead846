using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>addAlias</c> mutation: adds a name an actor goes by.</summary>
internal static class AddAliasField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("addAlias", Types.Ref("AddAliasPayload"), f => f
            .Description("Adds a name an actor goes by.")
            .Argument("input", Types.Ref("AddAliasInput").NonNull(), a => a.Description("The actor and the alias."))
            .Resolve(MutationObject.Write(AddAliasAsync)));

    private static async Task<object?> AddAliasAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var alias = input.Text("alias", required: true);
        var actor = await MutationObject.ResolveInputActorAsync(c, context, input, "actor").ConfigureAwait(false);
        input.ThrowIfAny();
        var had = actor!.AllNames.Contains(alias!, StringComparer.Ordinal);
        var stored = await context.Store.AddAliasAsync(actor.Id, alias!, c.CancellationToken).ConfigureAwait(false);
        MutationObject.Refresh(c, context, stored);
        return new WriteResult(stored, !had);
    }
}
