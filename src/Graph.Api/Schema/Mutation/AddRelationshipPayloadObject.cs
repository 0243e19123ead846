using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>AddRelationshipPayload</c> object type: what addRelationship did.</summary>
internal static class AddRelationshipPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<WriteResult>("AddRelationshipPayload", t => t
        .Description("What addRelationship did.")
        .Field("relationship", Types.Ref("Relationship").NonNull(), "The edge as stored, with all its evidence.", r => r.Value)
        .Field("created", Scalars.Boolean.NonNull(), "True when the edge was new, false when the evidence joined an existing edge.", r => r.Created));
}
