using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Mutation;

/// <summary>The <c>MergeActorsPayload</c> object type: what mergeActors moved.</summary>
internal static class MergeActorsPayloadObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<MergeResult>("MergeActorsPayload", t => t
        .Description("What mergeActors moved.")
        .Field("kept", Types.Ref("Actor").NonNull(), "The actor that stays, as stored.", r => r.Kept)
        .Field("removedId", Scalars.String.NonNull(), "The readable id that no longer exists.", r => r.Removed.Value)
        .Field("relationshipsMoved", Scalars.Int.NonNull(), "Edges moved to the kept actor.", r => r.RelationshipsMoved)
        .Field("evidenceMoved", Scalars.Int.NonNull(), "Evidences moved with them.", r => r.EvidenceMoved)
        .Field("aliasesAdded", Scalars.Int.NonNull(), "Names that became aliases of the kept actor.", r => r.AliasesAdded));
}
