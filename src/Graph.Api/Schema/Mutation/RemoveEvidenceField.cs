using Graph.Api.Schema.Relationships;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>removeEvidence</c> mutation: removes one evidence from a relationship.</summary>
internal static class RemoveEvidenceField
{
    /// <summary>Adds the field to the mutation root.</summary>
    public static void Declare(ObjectTypeBuilder<object> mutation) => mutation
        .Field("removeEvidence", Types.Ref("RemoveEvidencePayload"), f => f
            .Description("Removes one evidence from a relationship; a relationship left without evidence is deleted.")
            .Argument("input", Types.Ref("RemoveEvidenceInput").NonNull(), a => a.Description("Which evidence."))
            .Resolve(MutationObject.Write(RemoveEvidenceAsync)));

    private static async Task<object?> RemoveEvidenceAsync(IResolveFieldContext c, GraphRequestContext context, InputReader input)
    {
        var key = input.Text("relationship", required: true, maxLength: 2048) is { } rel ? input.Try("relationship", () => (RelationshipKey?)Args.ParseRelationshipId(rel, "relationship")) : null;
        var document = input.Text("document", required: true, maxLength: 2048) is { } doc ? input.Try("document", () => (DocumentId?)Args.ParseDocumentId(doc, "document")) : null;
        var start = input.Int("start") ?? -1;
        input.ThrowIfAny();
        var edge = await context.Store.GetRelationshipAsync(key!.Value, c.CancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("relationship", key.Value.ToId());
        if (!edge.Evidence.Any(e => e.DocumentId == document!.Value && e.Start == start))
        {
            var known = string.Join(", ", edge.Evidence.Select(e => $"{e.DocumentId}@{e.Start}"));
            throw new NotFoundException("evidence", $"{document}@{start}", [.. edge.Evidence.Select(e => $"document '{e.DocumentId}', start {e.Start}")]);
        }

        var after = await context.Store.RemoveEvidenceAsync(key.Value, document!.Value, start, c.CancellationToken).ConfigureAwait(false);
        context.Relationships(c).Clear(edge.From);
        context.Relationships(c).Clear(edge.To);
        return new WriteResult(after is null ? null : new RelationshipView(after), after is null);
    }
}
