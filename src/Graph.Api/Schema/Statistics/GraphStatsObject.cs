using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.Schema.Statistics;

/// <summary>The <c>GraphStats</c> object type: counts of the graph and its degree distribution.</summary>
internal static class GraphStatsObject
{
    /// <summary>Declares the type.</summary>
    public static ObjectType Create() => ObjectType.Create<GraphStats>("GraphStats", t => t
        .Description("Counts of the graph and its degree distribution.")
        .Field("actors", Scalars.Int.NonNull(), "How many actors.", s => s.Actors)
        .Field("relationships", Scalars.Int.NonNull(), "How many relationships.", s => s.Relationships)
        .Field("evidence", Scalars.Int.NonNull(), "How many evidences over all relationships.", s => s.Evidence)
        .Field("documents", Scalars.Int.NonNull(), "How many documents.", s => s.Documents)
        .Field("actorsByKind", Types.NonNullList(Types.Ref("KindCount")), "Actors per kind, in the ontology's order.", s => ByKind(s))
        .Field("relationshipsByType", Types.NonNullList(Types.Ref("TypeCount")), "Relationships per type, in the ontology's order.", s => ByType(s))
        .Field("degree", Types.Ref("DegreeStats").NonNull(), "Degree statistics.", s => s.Degree));

    private static List<KeyValuePair<NodeKind, int>> ByKind(GraphStats stats)
    {
        var counts = new List<KeyValuePair<NodeKind, int>>();
        foreach (var (name, count) in stats.ActorsByKind)
        {
            if (GraphOntology.TryParseKind(name, out var kind))
            {
                counts.Add(new(kind, count));
            }
        }

        return [.. counts.OrderBy(c => c.Key)];
    }

    private static List<KeyValuePair<RelationshipType, int>> ByType(GraphStats stats)
    {
        var counts = new List<KeyValuePair<RelationshipType, int>>();
        foreach (var (name, count) in stats.RelationshipsByType)
        {
            if (GraphOntology.TryParseType(name, out var type))
            {
                counts.Add(new(type, count));
            }
        }

        return [.. counts.OrderBy(c => c.Key)];
    }
}
