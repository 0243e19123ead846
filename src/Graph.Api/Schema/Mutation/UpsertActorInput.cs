using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>UpsertActorInput</c> input type: an actor to create, or to replace.</summary>
internal static class UpsertActorInput
{
    /// <summary>Declares the type.</summary>
    public static InputObjectType Create() => new("UpsertActorInput", t => t
        .Description("An actor to create, or to update when its id exists (see upsertActor's replace).")
        .Field("id", Scalars.ID, f => f.Description("Its readable id `kind:slug`; made from kind and name when absent (`State` + `North Korea` is `state:north-korea`)."))
        .Field("kind", Types.Ref("ActorKind").NonNull(), f => f.Description("Its kind; must match the id's prefix."))
        .Field("name", Scalars.String.NonNull(), f => f.Description("Display name, 1..200 characters."))
        .Field("aliases", Types.List(Scalars.String.NonNull()), f => f.Description("Other names it goes by; replaces the current aliases."))
        .Field("description", Scalars.String, f => f.Description("One line saying who or what it is, at most 1000 characters."))
        .Field("attributes", Types.List(Types.Ref("ActorAttributeInput").NonNull()), f => f.Description("Facts about it as text; replaces the current attributes.")));
}
