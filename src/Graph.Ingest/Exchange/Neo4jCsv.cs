using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;

namespace Graph.Ingest.Exchange;

/// <summary>
/// The graph as the CSV files <c>neo4j-admin database import full</c> reads (Neo4j operations manual, "Import"): a
/// folder with <c>nodes.csv</c> (actors and documents: <c>id:ID</c>, <c>:LABEL</c>, typed property headers, arrays
/// split by <c>;</c>) and <c>relationships.csv</c> (<c>:START_ID</c>, <c>:END_ID</c>, <c>:TYPE</c>, the edge's
/// properties, its evidence as JSON in <c>evidenceJson</c>; plus a <c>PUBLISHED</c> row per document with a publisher).
/// Fields are quoted with <c>"</c> (doubled inside); document texts span lines, so import with
/// <c>--multiline-fields=true</c>. Also read back by <see cref="Read"/>.
/// </summary>
public static class Neo4jCsv
{
    /// <summary>The nodes file's name.</summary>
    public const string NodesFile = "nodes.csv";

    /// <summary>The relationships file's name.</summary>
    public const string RelationshipsFile = "relationships.csv";

    private const string Published = "PUBLISHED";

    private static readonly string[] s_nodeHeader =
        ["id:ID", ":LABEL", "kind", "name", "aliases:string[]", "description", "attributesJson", "title", "publisher", "url", "published", "text"];

    private static readonly string[] s_attributeHeader =
        ["validFrom", "validTo", "personnel", "count:long", "countMin:long", "countMax:long", "amount:double", "amountMin:double", "amountMax:double", "currency", "period", "casualties", "note"];

    private static readonly string[] s_relationshipHeader =
        [":START_ID", ":END_ID", ":TYPE", "id", "qualifier", "confidence:float", "evidenceCount:int", "documents:string[]", .. s_attributeHeader, "evidenceJson"];

    private static readonly JsonWriterOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes nodes.csv and relationships.csv into <paramref name="folder"/>; returns the two paths.</summary>
    public static IReadOnlyList<string> Write(GraphSnapshot snapshot, string folder)
    {
        snapshot = CanonicalSnapshot.Of(snapshot);
        Directory.CreateDirectory(folder);
        var nodes = Path.Combine(folder, NodesFile);
        var relationships = Path.Combine(folder, RelationshipsFile);
        using (var writer = new StreamWriter(nodes, false, new UTF8Encoding(false)))
        {
            Row(writer, s_nodeHeader);
            foreach (var actor in snapshot.Actors)
            {
                Row(writer, [actor.Id.Value, "Actor;" + actor.Kind, actor.Kind.ToString(), actor.Name, Array(actor.Aliases), actor.Description ?? "",
                    JsonSerializer.Serialize(new SortedDictionary<string, string>(actor.Attributes.ToDictionary(), StringComparer.Ordinal), JsonOptions), "", "", "", "", ""]);
            }

            foreach (var document in snapshot.Documents)
            {
                Row(writer, [document.Id.Value, "Document", "", "", "", "", "", document.Title, document.Publisher?.Value ?? "", document.Url ?? "", document.Published?.ToString() ?? "", document.Text]);
            }
        }

        using (var writer = new StreamWriter(relationships, false, new UTF8Encoding(false)))
        {
            Row(writer, s_relationshipHeader);
            foreach (var edge in snapshot.Relationships)
            {
                var fields = edge.Attributes.ToText();
                var row = new List<string>
                {
                    edge.From.Value, edge.To.Value, GraphOntology.RuleFor(edge.Type).Name, edge.Id, edge.Key.Qualifier,
                    edge.Confidence.ToString("R", CultureInfo.InvariantCulture), edge.Evidence.Count.ToString(CultureInfo.InvariantCulture),
                    Array(edge.Evidence.Select(e => e.DocumentId.Value).Distinct().Order(StringComparer.Ordinal)),
                };
                row.AddRange(EdgeAttributes.FieldNames.Select(name => fields.GetValueOrDefault(name, "")));
                row.Add(EvidenceJson(edge.Evidence));
                Row(writer, row);
            }

            foreach (var document in snapshot.Documents.Where(d => d.Publisher is not null))
            {
                var row = new List<string> { document.Publisher!.Value.Value, document.Id.Value, Published };
                row.AddRange(Enumerable.Repeat("", s_relationshipHeader.Length - 3));
                Row(writer, row);
            }
        }

        return [nodes, relationships];
    }

    /// <summary>
    /// Reads a folder written by <see cref="Write"/> (or its nodes.csv; relationships.csv is looked for beside it), checked
    /// as a knowledge file is. Errors name the file, the line and the column.
    /// </summary>
    public static GraphSnapshot Read(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var nodesPath = Directory.Exists(path) ? Path.Combine(folder, NodesFile) : Path.GetFullPath(path);
        var relationshipsPath = Path.Combine(folder, RelationshipsFile);
        foreach (var file in new[] { nodesPath, relationshipsPath })
        {
            if (!File.Exists(file))
            {
                throw new ExchangeFormatException($"'{file}' does not exist: a CSV import needs {NodesFile} and {RelationshipsFile} in one folder.");
            }
        }

        var actors = new List<Actor>();
        var documents = new List<Document>();
        var nodes = Records(nodesPath).ToList();
        var columns = Columns(nodes, nodesPath, s_nodeHeader);
        foreach (var (line, fields) in nodes.Skip(1))
        {
            string F(string name) => fields[columns[name]];
            At(nodesPath, line, () =>
            {
                var labels = F(":LABEL").Split(';');
                if (labels.Contains("Document"))
                {
                    documents.Add(new Document(DocumentId.Parse(F("id:ID")), F("title"), F("publisher") is { Length: > 0 } p ? ActorId.Parse(p) : null,
                        NullIfEmpty(F("url")), F("published") is { Length: > 0 } d ? PartialDate.Parse(d, "published") : null, F("text")));
                }
                else if (labels.Contains("Actor"))
                {
                    var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(F("attributesJson") is { Length: > 0 } a ? a : "{}") ?? [];
                    actors.Add(new Actor(ActorId.Parse(F("id:ID")), GraphOntology.ParseKind(F("kind")), F("name"), SplitArray(F("aliases:string[]")), attributes, NullIfEmpty(F("description"))));
                }
                else
                {
                    throw new ExchangeFormatException($":LABEL must hold Actor or Document; got '{F(":LABEL")}'.");
                }
            });
        }

        var edges = new List<Relationship>();
        var rows = Records(relationshipsPath).ToList();
        var edgeColumns = Columns(rows, relationshipsPath, s_relationshipHeader);
        foreach (var (line, fields) in rows.Skip(1))
        {
            string F(string name) => fields[edgeColumns[name]];
            At(relationshipsPath, line, () =>
            {
                if (F(":TYPE") == Published)
                {
                    return; // the document's publisher property says it too
                }

                var attributes = EdgeAttributes.FromText(EdgeAttributes.FieldNames.Zip(s_attributeHeader).Select(n => KeyValuePair.Create(n.First, F(n.Second))).Where(p => p.Value.Length > 0));
                edges.Add(new Relationship(GraphOntology.ParseType(F(":TYPE")), ActorId.Parse(F(":START_ID")), ActorId.Parse(F(":END_ID")), attributes, ReadEvidence(F("evidenceJson")), F("qualifier")));
            });
        }

        var snapshot = new GraphSnapshot(actors, documents, edges);
        try
        {
            KnowledgeFile.Validate(snapshot, folder);
        }
        catch (KnowledgeFormatException e)
        {
            throw new ExchangeFormatException(e.Message, e);
        }

        return snapshot;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string EvidenceJson(IReadOnlyList<Evidence> evidence)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_json))
        {
            KnowledgeJsonWriter.WriteEvidence(json, evidence);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<Evidence> ReadEvidence(string text)
    {
        using var json = JsonDocument.Parse(text);
        var evidence = new List<Evidence>();
        foreach (var e in json.RootElement.EnumerateArray())
        {
            string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var stance = Enum.Parse<Stance>(S("stance") ?? "asserts", ignoreCase: true);
            var attributes = e.TryGetProperty("attributes", out var a)
                ? EdgeAttributes.FromText(a.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")))
                : null;
            evidence.Add(new Evidence(DocumentId.Parse(S("document") ?? ""), S("quote") ?? "", e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(),
                S("attributedTo") is { } by ? ActorId.Parse(by) : null, stance, (double)e.GetProperty("confidence").GetDecimal(), S("extractor") ?? "curated", attributes));
        }

        return evidence;
    }

    private static void At(string file, int line, Action read)
    {
        try
        {
            read();
        }
        catch (Exception e) when (e is GraphException or JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException or ExchangeFormatException)
        {
            throw new ExchangeFormatException($"{file}: line {line}: {e.Message}", e);
        }
    }

    private static Dictionary<string, int> Columns(List<(int Line, string[] Fields)> rows, string file, string[] expected)
    {
        if (rows.Count == 0)
        {
            throw new ExchangeFormatException($"{file} is empty; its first line must be the header {string.Join(',', expected)}.");
        }

        var columns = rows[0].Fields.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        var missing = expected.Where(e => !columns.ContainsKey(e)).ToList();
        if (missing.Count > 0)
        {
            throw new ExchangeFormatException($"{file}: the header lacks {string.Join(", ", missing)}; expected {string.Join(',', expected)}.");
        }

        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != rows[0].Fields.Length)
            {
                throw new ExchangeFormatException($"{file}: line {line} has {fields.Length} fields; the header has {rows[0].Fields.Length}.");
            }
        }

        return columns;
    }

    /// <summary>RFC 4180 records with the line each starts on: quoted fields may hold commas, doubled quotes and newlines.</summary>
    private static IEnumerable<(int Line, string[] Fields)> Records(string file)
    {
        var text = File.ReadAllText(file);
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1, i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new ExchangeFormatException($"{file}: line {start}: a quoted field is not closed.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i++]);
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c is '\n' or '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields.ToArray());
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
                i++;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }

    private static void Row(TextWriter writer, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write('"');
            writer.Write(fields[i].Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        writer.Write('\n');
    }

    /// <summary>An array field: items joined by ;, which neo4j-admin splits on (so an item must not contain one).</summary>
    private static string Array(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Any(item => item.Contains(';', StringComparison.Ordinal)))
        {
            throw new ExchangeFormatException($"An array value contains ';', the array delimiter of neo4j-admin import: {string.Join(" | ", list)}.");
        }

        return string.Join(';', list);
    }

    private static List<string> SplitArray(string text) => text.Length == 0 ? [] : [.. text.Split(';')];

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
