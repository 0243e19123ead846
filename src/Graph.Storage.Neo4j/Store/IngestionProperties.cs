using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The Neo4j shape of what ingestion keeps: a document's ingestion record (properties on its <c>Document</c> node) and
/// the <c>Proposal</c> nodes of the review queue, and the way back. Timestamps are ISO 8601 text in UTC, so they sort.
/// </summary>
public static class IngestionProperties
{
    /// <summary>What a statement returns for a proposal.</summary>
    public const string ProposalColumns = "{.id, .status, .createdAt, .reviewedAt, .reviewNote, .edited, .originalId, .json}";

    /// <summary>What a statement returns for a document's ingestion record.</summary>
    public const string RecordColumns = "{.format, .language, .publisherName, .source, .version, .ingestedAt}";

    /// <summary>A status as stored: <c>pending</c>, <c>accepted</c>, <c>rejected</c>.</summary>
    public static string Status(ProposalStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A timestamp as stored.</summary>
    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// A proposal node's properties. <c>originalId</c> is always the extractor's id (the node's own id until an edit
    /// re-keys it), so the rejected ids of a document are both columns; <c>json</c> is the proposal as it stands.
    /// </summary>
    public static Dictionary<string, object?> Proposal(ProposalRecord record) => new()
    {
        ["id"] = record.Id,
        ["documentId"] = record.Proposal.Document.Value,
        ["status"] = Status(record.Status),
        ["rule"] = record.Proposal.Rule,
        ["confidence"] = record.Proposal.Confidence,
        ["start"] = (long)record.Proposal.Start,
        ["createdAt"] = Timestamp(record.CreatedAt),
        ["reviewedAt"] = record.ReviewedAt is { } reviewed ? Timestamp(reviewed) : null,
        ["reviewNote"] = record.ReviewNote,
        ["edited"] = record.Edited,
        ["originalId"] = record.OriginalId ?? record.Id,
        ["json"] = Json(record.Proposal),
    };

    /// <summary>A proposal as JSON: ids, enums and attributes in their text forms.</summary>
    public static string Json(Proposal proposal)
    {
        var json = new JsonObject
        {
            ["document"] = proposal.Document.Value,
            ["type"] = proposal.Type.ToString(),
            ["from"] = ActorJson(proposal.From),
            ["to"] = ActorJson(proposal.To),
            ["quote"] = proposal.Quote,
            ["start"] = proposal.Start,
            ["end"] = proposal.End,
            ["attributedTo"] = proposal.AttributedTo is { } source ? ActorJson(source) : null,
            ["stance"] = proposal.Stance.ToString(),
            ["confidence"] = proposal.Confidence,
            ["rule"] = proposal.Rule,
            ["extractor"] = proposal.Extractor,
            ["qualifier"] = proposal.Qualifier,
        };
        if (proposal.Attributes is { IsEmpty: false } attributes)
        {
            var fields = new JsonObject();
            foreach (var (name, value) in attributes.ToText())
            {
                fields[name] = value;
            }

            json["attributes"] = fields;
        }

        return json.ToJsonString();
    }

    /// <summary>A proposal from its JSON.</summary>
    public static Proposal ReadJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        EdgeAttributes? attributes = root.TryGetProperty("attributes", out var fields) && fields.ValueKind == JsonValueKind.Object
            ? EdgeAttributes.FromText(fields.EnumerateObject().Select(f => KeyValuePair.Create(f.Name, f.Value.GetString() ?? "")))
            : null;
        return new Proposal(
            DocumentId.Parse(root.GetProperty("document").GetString()!),
            Enum.Parse<RelationshipType>(root.GetProperty("type").GetString()!),
            ReadActor(root.GetProperty("from")),
            ReadActor(root.GetProperty("to")),
            root.GetProperty("quote").GetString()!,
            root.GetProperty("start").GetInt32(),
            root.GetProperty("end").GetInt32(),
            root.TryGetProperty("attributedTo", out var source) && source.ValueKind == JsonValueKind.Object ? ReadActor(source) : null,
            Enum.Parse<Stance>(root.GetProperty("stance").GetString()!),
            root.GetProperty("confidence").GetDouble(),
            root.GetProperty("rule").GetString()!,
            root.GetProperty("extractor").GetString()!,
            attributes,
            root.TryGetProperty("qualifier", out var qualifier) ? qualifier.GetString() ?? "" : "");
    }

    /// <summary>A proposal record from the map <see cref="ProposalColumns"/> returns.</summary>
    public static ProposalRecord ReadProposal(JsonElement map)
    {
        var id = GraphProperties.Text(map, "id") ?? throw Missing("proposal", "id");
        var original = GraphProperties.Text(map, "originalId");
        return new ProposalRecord(
            ReadJson(GraphProperties.Text(map, "json") ?? throw Missing("proposal", "json")),
            Enum.Parse<ProposalStatus>(GraphProperties.Text(map, "status") ?? "pending", ignoreCase: true),
            ParseTimestamp(GraphProperties.Text(map, "createdAt") ?? throw Missing("proposal", "createdAt")),
            GraphProperties.Text(map, "reviewedAt") is { } reviewed ? ParseTimestamp(reviewed) : null,
            GraphProperties.Text(map, "reviewNote"),
            map.TryGetProperty("edited", out var edited) && edited.ValueKind == JsonValueKind.True,
            original is null || original == id ? null : original);
    }

    /// <summary>A stored document from a row's <c>document</c>, <c>record</c> and <c>previousId</c> columns.</summary>
    public static StoredDocument ReadStored(CypherRecord row)
    {
        var record = row["record"];
        var previous = row["previousId"];
        return new StoredDocument(
            GraphProperties.ReadDocument(row["document"]),
            // A document loaded from curated knowledge has no ingestion record: it reads as version 1 of format 'curated'.
            GraphProperties.Text(record, "format") ?? "curated",
            GraphProperties.Text(record, "language"),
            GraphProperties.Text(record, "publisherName"),
            GraphProperties.Text(record, "source"),
            Math.Max(1, (int)GraphProperties.Long(record, "version")),
            previous.ValueKind == JsonValueKind.String ? DocumentId.Parse(previous.GetString()!) : null,
            GraphProperties.Text(record, "ingestedAt") is { } at ? ParseTimestamp(at) : default);
    }

    /// <summary>A timestamp from its stored text.</summary>
    public static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static JsonObject ActorJson(ProposedActor actor) => new()
    {
        ["id"] = actor.Id.Value,
        ["kind"] = actor.Kind.ToString(),
        ["name"] = actor.Name,
        ["aliases"] = new JsonArray([.. actor.Aliases.Select(a => (JsonNode)a)]),
        ["known"] = actor.Known,
    };

    private static ProposedActor ReadActor(JsonElement map) => new(
        ActorId.Parse(map.GetProperty("id").GetString()!),
        Enum.Parse<NodeKind>(map.GetProperty("kind").GetString()!),
        map.GetProperty("name").GetString()!,
        map.TryGetProperty("aliases", out var aliases) ? [.. aliases.EnumerateArray().Select(a => a.GetString() ?? "")] : [],
        map.TryGetProperty("known", out var known) && known.ValueKind == JsonValueKind.True);

    private static Neo4jException Missing(string entity, string property) =>
        new(Neo4jErrorKind.Protocol, null, $"A stored {entity} has no '{property}' property; was it written by another tool?");
}
