using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>AddAliasPayload</c> object type: what addAlias did.</summary>
internal static class AddAliasPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<WriteResult>("AddAliasPayload", t => t
        .Description("What addAlias did.")
        .Field("actor", Types.Ref("Actor").NonNull(), "The actor as stored.", r => r.Value)
        .Field("added", Scalars.Boolean.NonNull(), "False when it already had the alias.", r => r.Created));
}
