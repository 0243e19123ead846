using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>GraphNode</c> object type: an actor placed in a drawing.</summary>
internal static class GraphNodeObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<SubgraphNode>("GraphNode", t => t
        .Description("An actor placed in a drawing.")
        .Field("id", Scalars.ID.NonNull(), "The actor's global id; edges name their ends by it.", n => GlobalId.ForActor(n.Actor))
        .Field("actorId", Scalars.String.NonNull(), "The actor's readable id.", n => n.Actor.Id.Value)
        .Field("kind", Types.Ref("ActorKind").NonNull(), "The actor's kind, e.g. to pick a colour or icon.", n => n.Actor.Kind)
        .Field("caption", Scalars.String.NonNull(), "The label to draw: the actor's name.", n => n.Actor.Name)
        .Field("depth", Scalars.Int.NonNull(), "Hops from where the traversal began (0 for the start).", n => n.Depth)
        .Field("actor", Types.Ref("Actor").NonNull(), "The actor, for any further field.", n => n.Actor));
}
