using System.Globalization;
using System.Text.Json;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The Neo4j shape of the domain: the property maps written for actors, documents, edges and evidence, and the way
/// back. The store's writes and <see cref="Seed.SeedCypherWriter"/> both use it, so seeded data reads like stored data.
/// </summary>
public static class GraphProperties
{
    private const string MinDate = "0001-01-01";
    private const string MaxDate = "9999-12-31";

    /// <summary>The label of a kind: the enum name, from the ontology's closed list.</summary>
    public static string Label(NodeKind kind) => kind.ToString();

    /// <summary>The relationship type of an edge: the ontology's UPPER_SNAKE name.</summary>
    public static string TypeName(RelationshipType type) => GraphOntology.RuleFor(type).Name;

    /// <summary>
    /// An actor's properties. Lookups go through indexes: <c>foldedName</c> (the folded own name, a range index) finds
    /// an actor by name; <c>nameKeys</c> (every folded name between line breaks, a text index) finds one by alias
    /// (<c>CONTAINS "\nalias\n"</c>) and serves substring search; <c>foldedNames</c> ranks what they found;
    /// <c>aliasText</c> feeds the full-text index Bloom's search bar uses.
    /// </summary>
    public static Dictionary<string, object?> Actor(Actor actor)
    {
        var folded = actor.AllNames.Select(NameFolding.Fold).ToArray();
        return new()
        {
            ["id"] = actor.Id.Value,
            ["kind"] = actor.Kind.ToString(),
            ["name"] = actor.Name,
            ["aliases"] = actor.Aliases.ToArray(),
            ["aliasText"] = string.Join(" | ", actor.Aliases),
            ["foldedName"] = folded[0],
            ["foldedNames"] = folded,
            ["nameKeys"] = NameKey(folded),
            ["description"] = actor.Description,
            ["attributesJson"] = JsonSerializer.Serialize(actor.Attributes),
        };
    }

    /// <summary>Folded names, each between line breaks (folding never leaves one), so one name is matched whole.</summary>
    public static string NameKey(IEnumerable<string> folded) => "\n" + string.Join("\n", folded) + "\n";

    /// <summary>A document's properties; <c>publishedKey</c> sorts newest first as text.</summary>
    public static Dictionary<string, object?> Document(Document document) => new()
    {
        ["id"] = document.Id.Value,
        ["title"] = document.Title,
        ["publisher"] = document.Publisher?.Value,
        ["url"] = document.Url,
        ["published"] = document.Published?.ToString(),
        ["publishedKey"] = document.Published is { } p ? $"{p.Start:yyyy-MM-dd}|{(int)p.Precision}" : null,
        ["text"] = document.Text,
        ["contentHash"] = document.ContentHash,
    };

    /// <summary>
    /// An edge's properties: id, qualifier, confidence, evidence count, cited documents, the attributes by their own
    /// names, and <c>validStart</c>/<c>validEnd</c> (ISO days) for window filters.
    /// </summary>
    public static Dictionary<string, object?> Edge(Relationship edge)
    {
        var props = new Dictionary<string, object?>
        {
            ["id"] = edge.Id,
            ["qualifier"] = edge.Key.Qualifier,
            ["confidence"] = edge.Confidence,
            ["evidenceCount"] = (long)edge.Evidence.Count,
            ["documents"] = edge.Evidence.Select(e => e.DocumentId.Value).Distinct().Order(StringComparer.Ordinal).ToArray(),
            ["validStart"] = edge.Attributes.ValidFrom?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validEnd"] = edge.Attributes.ValidTo?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in edge.Attributes.ToFields())
        {
            props[name] = value switch
            {
                long l => l,
                _ => EdgeAttributes.FormatValue(value),
            };
        }

        return props;
    }

    /// <summary>One evidence's properties; its id is the edge id and the quote's span, unique per edge.</summary>
    public static Dictionary<string, object?> Evidence(Relationship edge, Evidence evidence, int ordinal) => new()
    {
        ["id"] = EvidenceId(edge.Id, evidence),
        ["edgeId"] = edge.Id,
        ["type"] = TypeName(edge.Type),
        ["ordinal"] = (long)ordinal,
        ["documentId"] = evidence.DocumentId.Value,
        ["quote"] = evidence.Quote,
        ["foldedQuote"] = NameFolding.Fold(evidence.Quote),
        ["start"] = (long)evidence.Start,
        ["end"] = (long)evidence.End,
        ["attributedTo"] = evidence.AttributedTo?.Value,
        ["stance"] = evidence.Stance.ToString().ToLowerInvariant(),
        ["confidence"] = evidence.Confidence,
        ["extractor"] = evidence.Extractor,
        ["attributesJson"] = evidence.Attributes is null ? null : JsonSerializer.Serialize(evidence.Attributes.ToText()),
    };

    /// <summary>The id of an evidence node.</summary>
    public static string EvidenceId(string edgeId, Evidence evidence) => $"{edgeId}|{evidence.DocumentId.Value}|{evidence.Start}|{evidence.End}";

    /// <summary>The first and last day of a filter window, as the ISO text the edges carry.</summary>
    public static (string Start, string End) Window(PartialDate? from, PartialDate? to) =>
        (from?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? MinDate, to?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? MaxDate);

    // ---- the way back ----

    /// <summary>An actor from its property map.</summary>
    public static Actor ReadActor(JsonElement map)
    {
        var id = ActorId.Parse(Text(map, "id") ?? throw Missing("actor", "id"));
        var aliases = map.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        var attributes = Text(map, "attributesJson") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []
            : [];
        return new Actor(id, id.Kind, Text(map, "name") ?? id.Value, aliases, attributes, Text(map, "description"));
    }

    /// <summary>A document from its property map.</summary>
    public static Document ReadDocument(JsonElement map) => new(
        DocumentId.Parse(Text(map, "id") ?? throw Missing("document", "id")),
        Text(map, "title") ?? "",
        Text(map, "publisher") is { } p ? ActorId.Parse(p) : null,
        Text(map, "url"),
        Text(map, "published") is { } d ? PartialDate.Parse(d) : null,
        Text(map, "text") ?? "");

    /// <summary>An edge from its property map and its evidence maps (in any order; they sort by ordinal).</summary>
    public static Relationship ReadEdge(JsonElement props, JsonElement evidence)
    {
        var key = RelationshipKey.ParseId(Text(props, "id") ?? throw Missing("relationship", "id"));
        var attributes = EdgeAttributes.None;
        foreach (var name in EdgeAttributes.FieldNames)
        {
            if (props.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                attributes = attributes.With(name, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
            }
        }

        var items = evidence.ValueKind == JsonValueKind.Array
            ? evidence.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).OrderBy(e => Long(e, "ordinal")).Select(ReadEvidence).ToArray()
            : [];
        return new Relationship(key, attributes, items);
    }

    /// <summary>One evidence from its property map.</summary>
    public static Evidence ReadEvidence(JsonElement map) => new(
        DocumentId.Parse(Text(map, "documentId") ?? throw Missing("evidence", "documentId")),
        Text(map, "quote") ?? "",
        (int)Long(map, "start"),
        (int)Long(map, "end"),
        Text(map, "attributedTo") is { } s ? ActorId.Parse(s) : null,
        Enum.Parse<Stance>(Text(map, "stance") ?? "asserts", ignoreCase: true),
        map.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
        Text(map, "extractor") ?? "",
        Text(map, "attributesJson") is { } json
            ? EdgeAttributes.FromText(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            : null);

    internal static string? Text(JsonElement map, string name) =>
        map.ValueKind == JsonValueKind.Object && map.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static long Long(JsonElement map, string name) =>
        map.ValueKind == JsonValueKind.Object && map.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    private static Neo4jException Missing(string entity, string property) =>
        new(Neo4jErrorKind.Protocol, null, $"A stored {entity} has no '{property}' property; was it written by another tool? Run 'sync' to rewrite the graph.");
}
