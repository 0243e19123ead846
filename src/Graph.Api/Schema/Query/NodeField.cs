using Graph.Api.Schema.Relationships;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Query;

/// <summary>The <c>node(id:)</c> field: any object by its global id.</summary>
internal static class NodeField
{
    /// <summary>Adds the field to the query root.</summary>
    public static void Declare(ObjectTypeBuilder<object> query) => query
        .Field("node", Types.Ref("Node"), f => f
            .Description("Any object by its global id (an actor, a relationship, a document or a piece of evidence), or an actor by its readable id (`state:north-korea`). An unknown id is a NOT_FOUND error; a malformed one BAD_USER_INPUT.")
            .Argument("id", Scalars.ID.NonNull(), a => a.Description("A global id, as returned in an `id` field, or an actor's readable id (`state:north-korea`)."))
            .ResolveAsync(async (_, c) => await LoadAsync(c, (string)Args.Raw(c, "id")!, "id", throwWhenMissing: true).ConfigureAwait(false)));

    /// <summary>The actor, relationship or document a global id names; null (or NOT_FOUND) when none.</summary>
    public static async Task<object?> LoadAsync(IResolveFieldContext c, string id, string argument, bool throwWhenMissing)
    {
        // A readable actor id holds ':' and so is never base64: no global id can be mistaken for one.
        if (ActorId.TryParse(id, out var readable))
        {
            var actor = await GraphRequestContext.Of(c).Actors(c).LoadAsync(readable).ConfigureAwait(false);
            return actor is null && throwWhenMissing ? throw new NotFoundException("actor", readable.Value) : actor;
        }

        var global = GlobalId.Decode(id, argument);
        var store = GraphRequestContext.Of(c).Store;
        object? found;
        if (GraphOntology.TryParseKind(global.TypeName, out _))
        {
            var actorId = ActorReferences.ParseId(id, argument)!.Value;
            found = await GraphRequestContext.Of(c).Actors(c).LoadAsync(actorId).ConfigureAwait(false);
        }
        else if (global.TypeName == GlobalId.RelationshipType)
        {
            var key = Args.ParseRelationshipId(id, argument);
            found = await store.GetRelationshipAsync(key, c.CancellationToken).ConfigureAwait(false) is { } edge ? new RelationshipView(edge) : null;
        }
        else if (global.TypeName == GlobalId.DocumentType)
        {
            found = await store.GetDocumentAsync(Args.ParseDocumentId(id, argument), c.CancellationToken).ConfigureAwait(false);
        }
        else if (global.TypeName == GlobalId.EvidenceType)
        {
            if (!GlobalId.TryParseEvidenceKey(global.Key, out var start, out var end, out var documentId, out var relationshipId))
            {
                throw new InvalidArgumentException(argument, $"Malformed id '{id}' for {argument}: it names Evidence but its key is not one this server issued. Pass an Evidence object's `id` unchanged.");
            }

            var edge = await store.GetRelationshipAsync(Args.ParseRelationshipId(relationshipId, argument), c.CancellationToken).ConfigureAwait(false);
            found = edge?.Evidence.FirstOrDefault(e => e.Start == start && e.End == end && e.DocumentId.Value == documentId) is { } evidence ? new EvidenceView(evidence, edge) : null;
        }
        else
        {
            throw new InvalidArgumentException(argument, $"{argument} '{id}' names a type '{global.TypeName}' that has no global ids; ids come from Actor, Relationship, Document and Evidence objects.");
        }

        if (found is null && throwWhenMissing)
        {
            throw new NotFoundException(global.TypeName.ToLowerInvariant(), global.Key);
        }

        return found;
    }
}
