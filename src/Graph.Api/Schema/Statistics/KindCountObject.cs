using Graph.Core.Ontology;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Statistics;

/// <summary>The <c>KindCount</c> object type: how many actors have a kind.</summary>
internal static class KindCountObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<KeyValuePair<NodeKind, int>>("KindCount", t => t
        .Description("How many actors have a kind.")
        .Field("kind", Types.Ref("ActorKind").NonNull(), "The kind.", c => c.Key)
        .Field("count", Scalars.Int.NonNull(), "How many actors.", c => c.Value));
}
