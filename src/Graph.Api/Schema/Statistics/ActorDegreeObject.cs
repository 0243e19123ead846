using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Statistics;

/// <summary>The <c>ActorDegree</c> object type: an actor and how many relationships it has.</summary>
internal static class ActorDegreeObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<(ActorId Actor, int Degree)>("ActorDegree", t => t
        .Description("An actor and how many relationships it has.")
        .Field("actor", Types.Ref("Actor").NonNull(), f => f
            .Description("The actor.")
            .ResolveAsync(async (d, c) => await RelationshipObject.LoadActorAsync(c, d.Actor).ConfigureAwait(false)))
        .Field("degree", Scalars.Int.NonNull(), "Its relationships, both directions.", d => d.Degree));
}
