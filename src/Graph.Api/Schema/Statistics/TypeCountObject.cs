using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Statistics;

/// <summary>The <c>TypeCount</c> object type: how many relationships have a type.</summary>
internal static class TypeCountObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<KeyValuePair<RelationshipType, int>>("TypeCount", t => t
        .Description("How many relationships have a type.")
        .Field("type", Types.Ref("RelationshipType").NonNull(), "The type.", c => c.Key)
        .Field("count", Scalars.Int.NonNull(), "How many relationships.", c => c.Value));
}
