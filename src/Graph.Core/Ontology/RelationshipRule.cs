namespace Graph.Core.Ontology;

/// <summary>
/// What a relationship type means and which kinds may stand at each end. The names it carries are the only
/// relationship names that reach Cypher or the GraphQL schema.
/// </summary>
public sealed record RelationshipRule(
    RelationshipType Type,
    string Name,
    string FieldName,
    string InverseFieldName,
    IReadOnlySet<NodeKind> From,
    IReadOnlySet<NodeKind> To,
    bool Symmetric,
    string Meaning)
{
    /// <summary>True when an edge of this type may go from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Allows(NodeKind from, NodeKind to) =>
        (From.Contains(from) && To.Contains(to)) || (Symmetric && From.Contains(to) && To.Contains(from));

    /// <summary>The rule as a reader would state it, used in error messages.</summary>
    public string Describe() =>
        $"{Name} goes from {string.Join(" or ", From)} to {string.Join(" or ", To)}{(Symmetric ? " (symmetric)" : "")}";
}
