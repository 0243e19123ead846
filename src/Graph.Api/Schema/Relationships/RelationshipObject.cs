using Graph.Api.Schema.Connections;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.GraphQL.Execution;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Relationships;

/// <summary>The <c>Relationship</c> object type: a typed edge between two actors with the evidence behind it.</summary>
internal static class RelationshipObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<RelationshipView>("Relationship", t => t
        .Description("An assertion: a typed edge between two actors, with the evidence that supports it. There is no edge without evidence; two documents stating the same assertion are two evidences on one edge.")
        .Implements(Types.Ref("Node"))
        .IsTypeOf()
        .Field("id", Scalars.ID.NonNull(), "Opaque global id; use it with `node` and `removeEvidence`.", r => GlobalId.ForRelationship(r.Edge))
        .Field("relationshipId", Scalars.String.NonNull(), "Stable readable id `TYPE:fromId->toId` with an optional `#qualifier`.", r => r.Edge.Id)
        .Field("type", Types.Ref("RelationshipType").NonNull(), "Its type.", r => r.Edge.Type)
        .Field("meaning", Scalars.String.NonNull(), "What the type means, in words.", r => r.Edge.Rule.Meaning)
        .Field("symmetric", Scalars.Boolean.NonNull(), "True for symmetric types (stored once; `from` is the lower id).", r => r.Edge.Rule.Symmetric)
        .Field("qualifier", Scalars.String, "What separates two assertions of one type between one pair (e.g. `workers` vs `troops`); null when none.", r => r.Edge.Key.Qualifier is { Length: > 0 } q ? q : null)
        .Field("from", Types.Ref("Actor").NonNull(), f => f.Description("The source actor.").ResolveAsync(async (r, c) => await LoadActorAsync(c, r.Edge.From).ConfigureAwait(false)))
        .Field("to", Types.Ref("Actor").NonNull(), f => f.Description("The target actor.").ResolveAsync(async (r, c) => await LoadActorAsync(c, r.Edge.To).ConfigureAwait(false)))
        .Field("other", Types.Ref("Actor"), f => f
            .Description("The actor at the far end, seen from the actor whose field listed this edge; null when the edge was reached otherwise.")
            .ResolveAsync(async (r, c) => r.Other is { } other ? await LoadActorAsync(c, other).ConfigureAwait(false) : null))
        .Field("direction", Types.Ref("Direction"), "Which way the edge points from the actor whose field listed it: OUTGOING, INCOMING, or BOTH for symmetric types; null when reached otherwise.", r => DirectionFrom(r))
        .Field("caption", Scalars.String.NonNull(), "A short label for drawing, e.g. `deployed · workers · 13221 · 2024`.", r => Captions.Of(r.Edge))
        .Field("date", Types.Ref("PartialDate"), "The date a timeline orders it by: validFrom, else validTo; null when undated.", r => r.Edge.Date)
        .Field("facts", Types.Ref("RelationshipAttributes").NonNull(), "The facts every source agrees on (figures that differ stay on each evidence).", r => r.Edge.Attributes)
        .Field("confidence", Scalars.Float.NonNull(), "The highest confidence of any evidence that does not deny it.", r => r.Edge.Confidence)
        .Field("evidenceCount", Scalars.Int.NonNull(), "How many evidences support (or deny) it.", r => r.Edge.Evidence.Count)
        .Field("evidence", ConnectionTypes.Of("Evidence"), f => f
            .Description("The evidence for it, by document id, then where the quote starts.")
            .Argument("stance", Types.Ref("Stance"), a => a.Description("Only evidence with this stance."))
            .PageArguments()
            .ResolveSync((r, c) =>
            {
                var edge = r.Edge;
                var stance = Args.Enum<Stance>(c, "stance");
                var items = edge.Evidence.Where(e => stance is null || e.Stance == stance).Select(e => new EvidenceView(e, edge)).ToList();
                return Paging.Page(c, CursorList.For(c, "Relationship.evidence", edge.Id), items, SortKeys.EdgeEvidence);
            }))
        .Field("conflicts", Types.NonNullList(Types.Ref("QuantityConflict")), "Quantities of this edge whose sources disagree, each side with its evidence; empty when they agree.", r => QuantityConflicts.Find(r.Edge).ToList()));

    /// <summary>An actor by id through the request's batch loader.</summary>
    internal static async Task<Actor?> LoadActorAsync(IResolveFieldContext context, ActorId id) =>
        await GraphRequestContext.Of(context).Actors(context).LoadAsync(id).ConfigureAwait(false);

    private static Direction? DirectionFrom(RelationshipView view) => view.Perspective switch
    {
        null => null,
        _ when view.Edge.Rule.Symmetric => Direction.Both,
        { } p when view.Edge.From == p => Direction.Outgoing,
        _ => Direction.Incoming,
    };
}
