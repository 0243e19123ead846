using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>RemoveEvidencePayload</c> object type: what removeEvidence did.</summary>
internal static class RemoveEvidencePayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<WriteResult>("RemoveEvidencePayload", t => t
        .Description("What removeEvidence did.")
        .Field("relationship", Types.Ref("Relationship"), "The edge as it is now; null when its last evidence was removed, which deletes it.", r => r.Value)
        .Field("deleted", Scalars.Boolean.NonNull(), "True when the edge had no evidence left and was deleted.", r => r.Created));
}
