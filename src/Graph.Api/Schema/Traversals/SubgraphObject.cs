using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Traversals;

/// <summary>The <c>Subgraph</c> object type: nodes and edges ready to draw (a neighbourhood, or every path found).</summary>
internal static class SubgraphObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<Subgraph>("Subgraph", t => t
        .Description("Nodes and edges ready to draw: every edge's ends are among the nodes.")
        .Field("nodes", Types.NonNullList(Types.Ref("GraphNode")), "The actors, nearest first.", g => g.Nodes)
        .Field("edges", Types.NonNullList(Types.Ref("GraphEdge")), "The relationships between them.", g => g.Edges)
        .Field("nodeCount", Scalars.Int.NonNull(), "How many nodes.", g => g.Nodes.Count)
        .Field("edgeCount", Scalars.Int.NonNull(), "How many edges.", g => g.Edges.Count)
        .Field("truncated", Scalars.Boolean.NonNull(), "True when a limit was reached, so more lies beyond.", g => g.Truncated)
        .Field("omitted", Types.NonNullList(Types.Ref("TypeCount")),
            "For a neighbourhood: the edges its caps (`limit`, `edgesPerActor`, `edgeLimit`) left out, counted once each per type, in type order; expand an actor or raise a cap to see them. Empty for paths.",
            g => g.Omitted.Select(o => new KeyValuePair<Graph.Core.Ontology.RelationshipType, int>(o.Type, o.Count)).ToList()));
}
