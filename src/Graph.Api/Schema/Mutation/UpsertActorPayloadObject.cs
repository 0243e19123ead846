using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>UpsertActorPayload</c> object type: what upsertActor did.</summary>
internal static class UpsertActorPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<WriteResult>("UpsertActorPayload", t => t
        .Description("What upsertActor did.")
        .Field("actor", Types.Ref("Actor").NonNull(), "The actor as stored.", r => r.Value)
        .Field("created", Scalars.Boolean.NonNull(), "True when it was new, false when it updated one.", r => r.Created));
}
