using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>
/// The <c>Mutation</c> root: analysts' writes. Each needs the API key; each input is checked field by field before
/// anything is written, and the store writes atomically, so a refused mutation changes nothing. Each field is declared
/// and resolved in its own file of this folder, with its input and payload types beside it.
/// </summary>
internal static class MutationObject
{
    /// <summary>Declares the root with its fields, in the order the schema lists them.</summary>
    public static ObjectType Create() => ObjectType.Create<object>("Mutation", t =>
    {
        t.Description("Analysts' writes. Every mutation needs the API key (`Authorization: Bearer <key>` or `X-Api-Key`); a server without a key is read-only. Inputs are checked field by field; a refused mutation changes nothing.");
        UpsertActorField.Declare(t);
        AddAliasField.Declare(t);
        MergeActorsField.Declare(t);
        AddRelationshipField.Declare(t);
        RemoveEvidenceField.Declare(t);
        IngestDocumentField.Declare(t);
        AcceptProposalField.Declare(t);
        RejectProposalField.Declare(t);
        ProposalDecisionFields.DeclareAcceptProposals(t);
        ProposalDecisionFields.DeclareRejectProposals(t);
        EditProposalField.Declare(t);
        ReextractDocumentField.Declare(t);
    });

    /// <summary>A mutation resolver: reads the input, then runs the write (write access was checked before execution, in Http/ApiKey.cs).</summary>
    public static FieldResolver<object> Write(Func<IResolveFieldContext, GraphRequestContext, InputReader, Task<object?>> write) => GraphResolvers.Guarded<object>(async (_, c) =>
        await write(c, GraphRequestContext.Of(c), new InputReader(Args.Raw(c, "input"))).ConfigureAwait(false));

    internal static async Task<Actor?> ResolveInputActorAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input, string field)
    {
        if (input.Text(field, required: true, maxLength: 2048) is not { } reference)
        {
            return null;
        }

        try
        {
            return await ActorReferences.ResolveAsync(context.Store, reference, input.FieldPath(field), c.CancellationToken).ConfigureAwait(false);
        }
        catch (GraphException e)
        {
            input.Problem(field, e.Message);
            return null;
        }
    }

    internal static void Refresh(IResolveFieldContext c, GraphRequestContext context, Actor actor)
    {
        var loader = context.Actors(c);
        loader.Clear(actor.Id);
        loader.Prime(actor.Id, actor);
        context.Relationships(c).Clear(actor.Id);
    }
}

/// <summary>The value a write produced and whether it was new (or, for removals, deleted).</summary>
internal sealed record WriteResult(object? Value, bool Created);
