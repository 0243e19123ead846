using System.Collections.Frozen;
using static Graph.Core.Ontology.NodeKind;

namespace Graph.Core.Ontology;

/// <summary>The ontology as data: node kinds, relationship rules, and the name forms used by Neo4j and GraphQL.</summary>
public static class GraphOntology
{
    private static readonly NodeKind[] s_allKinds = Enum.GetValues<NodeKind>();

    // Id prefixes both ways, computed once: ids are parsed for every actor of every load, and formatting the enum
    // each time boxed it and made two strings per id (a third of the garbage of opening a million-edge graph).
    private static readonly FrozenDictionary<NodeKind, string> s_prefixByKind = s_allKinds.ToFrozenDictionary(k => k, k => k.ToString().ToLowerInvariant());
    private static readonly FrozenDictionary<string, NodeKind>.AlternateLookup<ReadOnlySpan<char>> s_kindByPrefix =
        s_allKinds.ToFrozenDictionary(k => s_prefixByKind[k], k => k, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly RelationshipRule[] s_rules =
    [
        Rule(RelationshipType.VotedFor, "votedForBy", [State, Agency], [Resolution, Treaty], false, "voted in favour of"),
        Rule(RelationshipType.Vetoed, "vetoedBy", [State], [Resolution], false, "vetoed a draft or resolution"),
        Rule(RelationshipType.Violates, "violatedBy", s_allKinds, [Resolution, Treaty], false, "acts against its terms, as someone alleges"),
        Rule(RelationshipType.Reported, "reportedBy", [Agency, Organization, Official], s_allKinds, false, "made a public report or statement about"),
        Rule(RelationshipType.Deployed, "deployedBy", [State], [State, Location, Conflict], false, "sent personnel (workers, troops) to"),
        Rule(RelationshipType.WithdrewFrom, "withdrawnFromBy", [State], [Location, Conflict], false, "pulled personnel out of"),
        Rule(RelationshipType.Ratified, "ratifiedBy", [State], [Treaty], false, "ratified"),
        Rule(RelationshipType.PartyTo, "parties", [State], [Treaty], false, "is a party to"),
        Rule(RelationshipType.Signed, "signedBy", [Official, State], [Treaty], false, "signed"),
        Rule(RelationshipType.Adopted, "adoptedBy", [Organization], [Resolution], false, "adopted"),
        Rule(RelationshipType.Targets, "targetedBy", [Resolution], [State], false, "imposes obligations or sanctions on"),
        Rule(RelationshipType.AlliedWith, "alliedWith", [State], [State], true, "alliance"),
        Rule(RelationshipType.Supports, "supportedBy", s_allKinds, s_allKinds, false, "political or military support"),
        Rule(RelationshipType.SuppliesArmsTo, "armsSuppliedBy", [State, Organization], [State], false, "supplies weapons or munitions"),
        Rule(RelationshipType.Sanctions, "sanctionedBy", [State, Organization], s_allKinds, false, "imposes sanctions on"),
        Rule(RelationshipType.Attacked, "attackedBy", [State], [State, Location], false, "carried out an attack on"),
        Rule(RelationshipType.AtWarWith, "atWarWith", [State], [State], true, "armed conflict"),
        Rule(RelationshipType.Leads, "ledBy", [Official], [State, Agency, Organization], false, "heads"),
        Rule(RelationshipType.MemberOf, "members", s_allKinds, [Organization, Agency, State], false, "member of, works for or is part of"),
        Rule(RelationshipType.LocatedIn, "contains", [Location], [State], false, "geographic containment"),
        Rule(RelationshipType.Employs, "employedBy", s_allKinds, [State], false, "employs workers from"),
        Rule(RelationshipType.Gifted, "giftedBy", [Official], [Official], false, "gave a gift to"),
        Rule(RelationshipType.MetWith, "metWith", s_allKinds, s_allKinds, true, "met, interviewed, briefed"),
        Rule(RelationshipType.Visited, "visitedBy", [Official], [State, Location], false, "made an official visit to"),
    ];

    private static readonly FrozenDictionary<string, RelationshipType> s_typeByAnyName = BuildTypeNames();

    /// <summary>Every relationship rule, in the ontology's order.</summary>
    public static IReadOnlyList<RelationshipRule> Rules => s_rules;

    /// <summary>Every node kind.</summary>
    public static IReadOnlyList<NodeKind> Kinds => s_allKinds;

    /// <summary>The rule for a relationship type.</summary>
    public static RelationshipRule RuleFor(RelationshipType type) => s_rules[(int)type];

    /// <summary>Parses VOTED_FOR, votedFor or VotedFor (case-insensitive); false for anything outside the closed list.</summary>
    public static bool TryParseType(string? name, out RelationshipType type)
    {
        type = default;
        return name is not null && s_typeByAnyName.TryGetValue(name.Replace("_", "", StringComparison.Ordinal), out type);
    }

    /// <summary>Parses a relationship type name or throws an error that lists the allowed names.</summary>
    public static RelationshipType ParseType(string name) =>
        TryParseType(name, out var type)
            ? type
            : throw new Errors.InvalidArgumentException("type", $"Unknown relationship type '{name}'. Allowed: {string.Join(", ", s_rules.Select(r => r.Name))}.");

    /// <summary>Parses a node kind name (case-insensitive).</summary>
    public static bool TryParseKind(string? name, out NodeKind kind)
    {
        kind = default;
        return name is not null && Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    /// <summary>Parses a node kind name or throws an error that lists the allowed kinds.</summary>
    public static NodeKind ParseKind(string name) =>
        TryParseKind(name, out var kind)
            ? kind
            : throw new Errors.InvalidArgumentException("kind", $"Unknown node kind '{name}'. Allowed: {string.Join(", ", s_allKinds)}.");

    /// <summary>The prefix of actor ids of this kind, e.g. <c>state</c>.</summary>
    public static string IdPrefix(NodeKind kind) => s_prefixByKind.TryGetValue(kind, out var prefix) ? prefix : kind.ToString().ToLowerInvariant();

    /// <summary>The kind whose id prefix is exactly <paramref name="prefix"/> (lower case, e.g. <c>state</c>).</summary>
    public static bool TryParseIdPrefix(ReadOnlySpan<char> prefix, out NodeKind kind) => s_kindByPrefix.TryGetValue(prefix, out kind);

    private static RelationshipRule Rule(RelationshipType type, string inverse, NodeKind[] from, NodeKind[] to, bool symmetric, string meaning)
    {
        var pascal = type.ToString();
        var name = string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
        var field = char.ToLowerInvariant(pascal[0]) + pascal[1..];
        return new RelationshipRule(type, name, field, inverse, from.ToFrozenSet(), to.ToFrozenSet(), symmetric, meaning);
    }

    private static FrozenDictionary<string, RelationshipType> BuildTypeNames()
    {
        var names = new Dictionary<string, RelationshipType>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Enum.GetValues<RelationshipType>())
        {
            names[type.ToString()] = type;
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
