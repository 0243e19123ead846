using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>mergeActors</c> mutation: folds one actor into another.</summary>
internal static class MergeActorsField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("mergeActors", Types.Ref("MergeActorsPayload"), f => f
            .Description("Folds one actor into another when both ids stand for one actor: edges and evidence move, names become aliases, nothing is lost. Edges that would link the actor to itself refuse the merge.")
            .Argument("input", Types.Ref("MergeActorsInput").NonNull(), a => a.Description("Which actor stays and which goes."))
            .Resolve(MutationObject.Write(MergeActorsAsync)));

    private static async Task<object?> MergeActorsAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var keep = await MutationObject.ResolveInputActorAsync(c, context, input, "keep").ConfigureAwait(false);
        var remove = await MutationObject.ResolveInputActorAsync(c, context, input, "remove").ConfigureAwait(false);
        if (keep is not null && remove is not null && keep.Id == remove.Id)
        {
            input.Problem("remove", $"is the same actor as keep ('{keep.Id}'); give two different actors.");
        }

        input.ThrowIfAny();
        var result = await context.Store.MergeActorsAsync(keep!.Id, remove!.Id, c.CancellationToken).ConfigureAwait(false);
        MutationObject.Refresh(c, context, result.Kept);
        context.Actors(c).Clear(remove.Id);
        context.Relationships(c).Clear(remove.Id);
        return result;
    }
}
