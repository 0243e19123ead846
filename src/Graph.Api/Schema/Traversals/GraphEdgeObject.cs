using Graph.Api.Schema.Relationships;
using Graph.Core.Model;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>GraphEdge</c> object type: a relationship placed in a drawing.</summary>
internal static class GraphEdgeObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<Relationship>("GraphEdge", t => t
        .Description("A relationship placed in a drawing, from `source` to `target` (node ids of the same subgraph).")
        .Field("id", Scalars.ID.NonNull(), "The relationship's global id.", r => GlobalId.ForRelationship(r))
        .Field("type", Types.Ref("RelationshipType").NonNull(), "The relationship type.", r => r.Type)
        .Field("source", Scalars.ID.NonNull(), "Global id of the source node.", r => GlobalId.ForActor(r.From))
        .Field("target", Scalars.ID.NonNull(), "Global id of the target node.", r => GlobalId.ForActor(r.To))
        .Field("caption", Scalars.String.NonNull(), "The label to draw, e.g. `deployed · workers · 13221 · 2024`.", r => Captions.Of(r))
        .Field("symmetric", Scalars.Boolean.NonNull(), "True when the edge has no direction (draw without an arrow).", r => r.Rule.Symmetric)
        .Field("confidence", Scalars.Float.NonNull(), "The edge's confidence, 0..1 (e.g. for line width).", r => r.Confidence)
        .Field("relationship", Types.Ref("Relationship").NonNull(), "The relationship, for attributes and evidence.", r => new RelationshipView(r)));
}
