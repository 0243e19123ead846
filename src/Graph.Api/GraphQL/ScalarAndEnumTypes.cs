using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Language.Ast;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>The leaf types of the actor schema: the <c>PartialDate</c> scalar and the enums of the ontology.</summary>
public static class ScalarAndEnumTypes
{
    /// <summary>Where the date format is specified (ISO 8601, the calendar date forms).</summary>
    public const string PartialDateSpecification = "https://www.iso.org/iso-8601-date-and-time-format.html";

    /// <summary>An ISO 8601 date at year, month or day precision: <c>2024</c>, <c>2024-10</c>, <c>2025-02-09</c>.</summary>
    public static ScalarType CreatePartialDate() => new("PartialDate", s => s
        .Description("A calendar date at the precision the sources give, in ISO 8601 form: a year (`2024`), a month (`2024-10`) or a day (`2025-02-09`). As input, a window bound covers every day of its span.")
        .SpecifiedBy(PartialDateSpecification)
        .Serialize(value => value switch
        {
            PartialDate date => date.ToString(),
            string text when PartialDate.TryParse(text, out var date) => date.ToString(),
            _ => throw new ScalarCoercionException($"PartialDate cannot represent {value}: expected a date such as '2024', '2024-10' or '2025-02-09'."),
        })
        .ParseValue(value => value is string text && PartialDate.TryParse(text, out var date)
            ? date
            : throw new ScalarCoercionException($"PartialDate expects an ISO 8601 date string of year, month or day precision ('2024', '2024-10' or '2025-02-09'); got {Describe(value)}."))
        .ParseLiteral((node, _) => node is StringValueNode s && PartialDate.TryParse(s.Value, out var date)
            ? date
            : throw new ScalarCoercionException($"PartialDate expects an ISO 8601 date string of year, month or day precision (\"2024\", \"2024-10\" or \"2025-02-09\"); got {Graph.GraphQL.Language.AstPrinter.Print(node)}.")));

    /// <summary>The node kinds, as <c>STATE</c>, <c>AGENCY</c>, ...</summary>
    public static EnumType CreateActorKind() => new("ActorKind", e =>
    {
        e.Description("The kind of an actor: which object type it has and which relationships it may take part in.");
        foreach (var kind in GraphOntology.Kinds)
        {
            e.Value(kind.ToString().ToUpperInvariant(), kind, v => v.Description(KindDescriptions.Of(kind)));
        }
    });

    /// <summary>The relationship types of the ontology, as <c>VOTED_FOR</c>, ...</summary>
    public static EnumType CreateRelationshipType() => new("RelationshipType", e =>
    {
        e.Description("The closed list of relationship types. Each edge has one; the typed fields of actors (`votedFor`, `votedForBy`, ...) are named after them.");
        foreach (var rule in GraphOntology.Rules)
        {
            e.Value(rule.Name, rule.Type, v => v.Description($"{Capitalize(rule.Meaning)}: {rule.Describe()}."));
        }
    });

    /// <summary>Which way edges are followed.</summary>
    public static EnumType CreateDirection() => new("Direction", e => e
        .Description("Which way an edge is followed from an actor. Symmetric types (ALLIED_WITH, AT_WAR_WITH, MET_WITH) are followed both ways whatever is asked.")
        .Value("OUTGOING", Direction.Outgoing, v => v.Description("From the actor to the other end (the actor is the edge's source)."))
        .Value("INCOMING", Direction.Incoming, v => v.Description("From the other end to the actor (the actor is the edge's target)."))
        .Value("BOTH", Direction.Both, v => v.Description("Either way.")));

    /// <summary>Which paths a path query returns.</summary>
    public static EnumType CreatePathMode() => new("PathMode", e => e
        .Description("Which paths `paths` returns.")
        .Value("SHORTEST", PathMode.Shortest, v => v.Description("One path with the fewest hops."))
        .Value("ALL_SHORTEST", PathMode.AllShortest, v => v.Description("Every path with the fewest hops."))
        .Value("ALL_SIMPLE", PathMode.AllSimple, v => v.Description("Every path without a repeated actor, up to maxDepth hops, shortest first.")));

    /// <summary>How a source states an assertion.</summary>
    public static EnumType CreateStance() => new("Stance", e => e
        .Description("How a source states what an evidence quotes.")
        .Value("ASSERTS", Stance.Asserts, v => v.Description("The source states it."))
        .Value("HEDGED", Stance.Hedged, v => v.Description("The source hedges: \"reportedly\", \"may have\", \"would violate\"."))
        .Value("DENIES", Stance.Denies, v => v.Description("The source denies it; a denial is kept as evidence on the same edge.")));

    /// <summary>The quantities whose figures may conflict.</summary>
    public static EnumType CreateQuantity() => new("Quantity", e => e
        .Description("A quantity an edge can carry, whose figures two sources may give differently.")
        .Value("COUNT", "count", v => v.Description("A number of people or things (count, countMin, countMax), e.g. workers sent."))
        .Value("AMOUNT", "amount", v => v.Description("A sum of money (amount, amountMin, amountMax) with its currency and period.")));

    /// <summary>How a search text matched an actor.</summary>
    public static EnumType CreateMatchKind() => new("MatchKind", e => e
        .Description("How a search text matched an actor's name or alias; results come best match first.")
        .Value("EXACT", MatchKind.Exact, v => v.Description("The text equals a name or alias (ignoring case, accents and punctuation)."))
        .Value("PREFIX", MatchKind.Prefix, v => v.Description("A name or alias starts with the text."))
        .Value("SUBSTRING", MatchKind.Substring, v => v.Description("A name or alias contains the text.")));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Describe(object value) => value is string s ? $"\"{s}\"" : value.GetType().Name;
}

/// <summary>What each node kind is, for the schema's descriptions (from ONTOLOGY.md).</summary>
public static class KindDescriptions
{
    /// <summary>One line saying what actors of the kind are.</summary>
    public static string Of(NodeKind kind) => kind switch
    {
        NodeKind.State => "A sovereign state, e.g. Russia, North Korea, South Korea.",
        NodeKind.Agency => "A body of a state: ministry, intelligence service, army or state news agency, e.g. South Korea's National Intelligence Service.",
        NodeKind.Organization => "An international body, think tank, media outlet or company, e.g. the UN Security Council or Yonhap.",
        NodeKind.Official => "A person acting in a public role, e.g. Kim Jong Un or Vladimir Putin.",
        NodeKind.Person => "Any other named person, e.g. a company director.",
        NodeKind.Treaty => "An agreement between parties, e.g. the DPRK–Russia Comprehensive Strategic Partnership treaty.",
        NodeKind.Resolution => "A resolution of an international body, e.g. UN Security Council Resolution 2397 (2017).",
        NodeKind.Location => "A region, city or area that is not a state, e.g. the Kursk region.",
        NodeKind.Conflict => "A war or armed conflict, e.g. the war in Ukraine.",
        _ => kind.ToString(),
    };
}
