using Graph.Api.Schema.Relationships;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
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
        else if (global.TypeName is GlobalId.QuantityConflictType or GlobalId.QuantityClaimType)
        {
            found = await QuantityNodeAsync(store, global, id, argument, c.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new InvalidArgumentException(argument, $"{argument} '{id}' names a type '{global.TypeName}' that has no global ids; ids come from Actor, Relationship, Document, Evidence, QuantityConflict and QuantityClaim objects.");
        }

        if (found is null && throwWhenMissing)
        {
            throw new NotFoundException(global.TypeName.ToLowerInvariant(), global.Key);
        }

        return found;
    }

    /// <summary>
    /// A conflict or one of its claims, found again by computing the conflicts of the edge its id names: a conflict is
    /// derived from evidence, not stored, so it exists as long as its sources still disagree.
    /// </summary>
    private static async Task<object?> QuantityNodeAsync(IGraphStore store, GlobalId global, string id, string argument, CancellationToken cancellationToken)
    {
        var slash = global.Key.IndexOf('/', StringComparison.Ordinal);
        var quantity = slash > 0 ? global.Key[..slash] : "";
        var rest = slash > 0 ? global.Key[(slash + 1)..] : "";
        var isClaim = global.TypeName == GlobalId.QuantityClaimType;
        int start = 0, end = 0;
        var documentId = "";
        var relationshipId = rest;
        if (quantity is not ("count" or "amount") || (isClaim && !GlobalId.TryParseEvidenceKey(rest, out start, out end, out documentId, out relationshipId)))
        {
            throw new InvalidArgumentException(argument, $"Malformed id '{id}' for {argument}: it names {global.TypeName} but its key is not one this server issued. Pass the object's `id` unchanged.");
        }

        var edge = await store.GetRelationshipAsync(Args.ParseRelationshipId(relationshipId, argument), cancellationToken).ConfigureAwait(false);
        var conflict = edge is null ? null : QuantityConflicts.Find(edge).FirstOrDefault(q => q.Quantity == quantity);
        if (conflict is null || !isClaim)
        {
            return conflict;
        }

        var claim = conflict.Claims.FirstOrDefault(q => q.Evidence.Start == start && q.Evidence.End == end && q.Evidence.DocumentId.Value == documentId);
        return claim is null ? null : new QuantityClaimView(claim, conflict.Relationship, quantity);
    }
}
