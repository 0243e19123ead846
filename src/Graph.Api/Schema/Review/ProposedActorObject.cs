using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Review;

/// <summary>The <c>ProposedActor</c> object type: an actor as the extractor read it.</summary>
internal static class ProposedActorObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<ProposedActor>("ProposedActor", t => t
        .Description("An actor as the extractor read it: one the graph holds (`known`), or a new one that accepting the proposal creates.")
        .Field("actorId", Scalars.String.NonNull(), "Its readable id (`state:north-korea`); for a new actor, the id it will get.", a => a.Id.Value)
        .Field("kind", Types.Ref("ActorKind").NonNull(), "Its kind (for a new actor, inferred from the cues around its name).", a => a.Kind)
        .Field("name", Scalars.String.NonNull(), "Its name.", a => a.Name)
        .Field("aliases", Types.NonNullList(Scalars.String), "The forms the document uses for it.", a => a.Aliases)
        .Field("known", Scalars.Boolean.NonNull(), "True when the extractor linked it to an actor the graph held when the document was read.", a => a.Known)
        .Field("actor", Types.Ref("Actor"), f => f
            .Description("The actor in the graph with this id, if there is one now.")
            .ResolveAsync(async (a, c) => await RelationshipObject.LoadActorAsync(c, a.Id).ConfigureAwait(false))));
}
