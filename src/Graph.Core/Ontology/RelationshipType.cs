namespace Graph.Core.Ontology;

/// <summary>The closed list of relationship types (ONTOLOGY.md). Neo4j names are UPPER_SNAKE, GraphQL fields camelCase.</summary>
public enum RelationshipType
{
    VotedFor,
    Vetoed,
    Violates,
    Reported,
    Deployed,
    WithdrewFrom,
    Ratified,
    PartyTo,
    Signed,
    Adopted,
    Targets,
    AlliedWith,
    Supports,
    SuppliesArmsTo,
    Sanctions,
    Attacked,
    AtWarWith,
    Leads,
    MemberOf,
    LocatedIn,
    Employs,
    Gifted,
    MetWith,
    Visited,
}
