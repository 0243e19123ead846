namespace Graph.Core.Ontology;

/// <summary>The kinds of actor the graph holds. Each is a Neo4j label; every actor also carries the label <c>Actor</c>.</summary>
public enum NodeKind
{
    State,
    Agency,
    Organization,
    Official,
    Person,
    Treaty,
    Resolution,
    Location,
    Conflict,
}
