using Graph.Api.Schema.Relationships;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>PathStep</c> object type: one hop of a path.</summary>
internal static class PathStepObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<PathStep>("PathStep", t => t
        .Description("One hop of a path.")
        .Field("relationship", Types.Ref("Relationship").NonNull(), "The edge walked.", s => new RelationshipView(s.Edge))
        .Field("forward", Scalars.Boolean.NonNull(), "True when walked from the edge's source to its target, false when against its direction.", s => s.Forward));
}
