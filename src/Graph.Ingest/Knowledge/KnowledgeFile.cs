using System.Globalization;
using System.Text.Json;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Knowledge;

/// <summary>
/// Reads a curated knowledge file (format in data/knowledge/README.md) into a <see cref="GraphSnapshot"/>, checking
/// every actor, document, edge and quote. Errors name the file and the JSON path of the bad value.
/// </summary>
public static class KnowledgeFile
{
    /// <summary>The format version this reader understands.</summary>
    public const int FormatVersion = 1;

    /// <summary>Where the seed knowledge lives, relative to the repository root.</summary>
    public const string SeedPath = "data/knowledge/seed-knowledge.json";

    /// <summary>Loads and checks a knowledge file; documents' <c>file</c> paths are relative to it.</summary>
    public static GraphSnapshot Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new KnowledgeFormatException($"Knowledge file '{fullPath}' does not exist.");
        }

        using var json = ParseJson(fullPath);
        var reader = new Reader(fullPath, Path.GetDirectoryName(fullPath)!);
        var snapshot = reader.Read(json.RootElement);
        Validate(snapshot, fullPath);
        return snapshot;
    }

    /// <summary>
    /// Checks a whole snapshot: unique ids, well-formed actors, every edge obeying its direction rule with verbatim
    /// evidence, no two edges with one key. Throws naming the first problem.
    /// </summary>
    public static void Validate(GraphSnapshot snapshot, string source = "snapshot")
    {
        var kinds = new Dictionary<ActorId, NodeKind>();
        foreach (var actor in snapshot.Actors)
        {
            Wrap(source, $"actor '{actor.Id}'", () => actor.Validated());
            if (!kinds.TryAdd(actor.Id, actor.Kind))
            {
                throw new KnowledgeFormatException($"{source}: actor id '{actor.Id}' appears twice.");
            }
        }

        var documents = new Dictionary<DocumentId, Document>();
        foreach (var document in snapshot.Documents)
        {
            if (!documents.TryAdd(document.Id, document))
            {
                throw new KnowledgeFormatException($"{source}: document id '{document.Id}' appears twice.");
            }

            if (document.Publisher is { } publisher && !kinds.ContainsKey(publisher))
            {
                throw new KnowledgeFormatException($"{source}: document '{document.Id}' names publisher '{publisher}', which is not an actor.");
            }
        }

        var keys = new HashSet<RelationshipKey>();
        foreach (var edge in snapshot.Relationships)
        {
            Wrap(source, $"relationship '{edge.Id}'", () => edge.Validated(
                id => kinds.TryGetValue(id, out var k) ? k : null,
                id => documents.GetValueOrDefault(id)));
            if (!keys.Add(edge.Key))
            {
                throw new KnowledgeFormatException($"{source}: relationship '{edge.Id}' appears twice; state it once with all its evidence, or give the two a different 'qualifier'.");
            }
        }
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new KnowledgeFormatException($"{path}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}", e);
        }
    }

    private static void Wrap(string source, string what, Action check)
    {
        try
        {
            check();
        }
        catch (GraphException e)
        {
            throw new KnowledgeFormatException($"{source}: {what}: {e.Message}", e);
        }
    }

    /// <summary>Walks the JSON, keeping the path of the value being read for error messages.</summary>
    private sealed class Reader(string file, string baseDirectory)
    {
        public GraphSnapshot Read(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "$");
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != FormatVersion)
            {
                throw Error("$.formatVersion", $"formatVersion must be {FormatVersion}; got {(version.ValueKind == JsonValueKind.Undefined ? "nothing" : version.GetRawText())}.");
            }

            var actors = Array(root, "actors", "$").Select((a, i) => ReadActor(a, $"$.actors[{i}]")).ToList();
            var documents = Array(root, "documents", "$").Select((d, i) => ReadDocument(d, $"$.documents[{i}]")).ToList();
            var relationships = Array(root, "relationships", "$").Select((r, i) => ReadRelationship(r, $"$.relationships[{i}]")).ToList();
            return new GraphSnapshot(actors, documents, relationships);
        }

        private Actor ReadActor(JsonElement e, string at)
        {
            Expect(e, JsonValueKind.Object, at);
            var id = Parse(at + ".id", () => ActorId.Parse(String(e, "id", at)));
            var kind = Parse(at + ".kind", () => GraphOntology.ParseKind(String(e, "kind", at)));
            var aliases = OptionalArray(e, "aliases", at).Select((a, i) => StringValue(a, $"{at}.aliases[{i}]")).ToList();
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (e.TryGetProperty("attributes", out var attrs))
            {
                Expect(attrs, JsonValueKind.Object, at + ".attributes");
                foreach (var p in attrs.EnumerateObject())
                {
                    attributes[p.Name] = StringValue(p.Value, $"{at}.attributes.{p.Name}");
                }
            }

            return new Actor(id, kind, String(e, "name", at), aliases, attributes, OptionalString(e, "description", at));
        }

        private Document ReadDocument(JsonElement e, string at)
        {
            Expect(e, JsonValueKind.Object, at);
            var id = Parse(at + ".id", () => DocumentId.Parse(String(e, "id", at)));
            var textPath = Path.GetFullPath(Path.Combine(baseDirectory, String(e, "file", at)));
            if (!File.Exists(textPath))
            {
                throw Error(at + ".file", $"document text '{textPath}' does not exist.");
            }

            var publisher = OptionalString(e, "publisher", at) is { } p ? Parse(at + ".publisher", () => ActorId.Parse(p)) : (ActorId?)null;
            var published = OptionalString(e, "published", at) is { } d ? Parse(at + ".published", () => PartialDate.Parse(d, "published")) : (PartialDate?)null;
            return new Document(id, String(e, "title", at), publisher, OptionalString(e, "url", at), published, File.ReadAllText(textPath));
        }

        private Relationship ReadRelationship(JsonElement e, string at)
        {
            Expect(e, JsonValueKind.Object, at);
            var type = Parse(at + ".type", () => GraphOntology.ParseType(String(e, "type", at)));
            var from = Parse(at + ".from", () => ActorId.Parse(String(e, "from", at)));
            var to = Parse(at + ".to", () => ActorId.Parse(String(e, "to", at)));
            var qualifier = OptionalString(e, "qualifier", at) ?? "";
            var attributes = ReadAttributes(e, at);
            var evidence = Array(e, "evidence", at).Select((x, i) => ReadEvidence(x, $"{at}.evidence[{i}]")).ToList();
            if (evidence.Count == 0)
            {
                throw Error(at + ".evidence", "every relationship needs at least one evidence (a verbatim quote from a document).");
            }

            return new Relationship(type, from, to, attributes, evidence, qualifier);
        }

        private Evidence ReadEvidence(JsonElement e, string at)
        {
            Expect(e, JsonValueKind.Object, at);
            var document = Parse(at + ".document", () => DocumentId.Parse(String(e, "document", at)));
            var attributedTo = OptionalString(e, "attributedTo", at) is { } a ? Parse(at + ".attributedTo", () => ActorId.Parse(a)) : (ActorId?)null;
            var stanceText = OptionalString(e, "stance", at) ?? "asserts";
            if (!Enum.TryParse<Stance>(stanceText, ignoreCase: true, out var stance) || !Enum.IsDefined(stance))
            {
                throw Error(at + ".stance", $"stance must be one of asserts, hedged, denies; got '{stanceText}'.");
            }

            var confidence = e.TryGetProperty("confidence", out var c) ? Number(c, at + ".confidence") : 1.0m;
            var attributes = ReadAttributes(e, at);
            return new Evidence(document, String(e, "quote", at), Int(e, "start", at), Int(e, "end", at), attributedTo, stance,
                (double)confidence, OptionalString(e, "extractor", at) ?? "curated", attributes.IsEmpty ? null : attributes);
        }

        private EdgeAttributes ReadAttributes(JsonElement e, string at)
        {
            if (!e.TryGetProperty("attributes", out var attrs))
            {
                return EdgeAttributes.None;
            }

            Expect(attrs, JsonValueKind.Object, at + ".attributes");
            var result = EdgeAttributes.None;
            foreach (var p in attrs.EnumerateObject())
            {
                var text = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.Number => p.Value.GetDecimal().ToString(CultureInfo.InvariantCulture),
                    _ => throw Error($"{at}.attributes.{p.Name}", $"must be a string or a number; got {p.Value.ValueKind}."),
                };
                result = Parse($"{at}.attributes.{p.Name}", () => result.With(p.Name, text));
            }

            return result;
        }

        private T Parse<T>(string at, Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (GraphException ex)
            {
                throw Error(at, ex.Message);
            }
        }

        private string String(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                throw Error($"{at}.{name}", "is required.");
            }

            var text = StringValue(value, $"{at}.{name}");
            return text.Length > 0 ? text : throw Error($"{at}.{name}", "must not be empty.");
        }

        private string? OptionalString(JsonElement e, string name, string at) =>
            e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? StringValue(value, $"{at}.{name}") : null;

        private string StringValue(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(at, $"must be a string; got {value.ValueKind}.");

        private int Int(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                throw Error($"{at}.{name}", "is required.");
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : throw Error($"{at}.{name}", $"must be a whole number; got {value.GetRawText()}.");
        }

        private decimal Number(JsonElement value, string at) =>
            value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : throw Error(at, $"must be a number; got {value.GetRawText()}.");

        private IEnumerable<JsonElement> Array(JsonElement e, string name, string at)
        {
            if (!e.TryGetProperty(name, out var value))
            {
                throw Error($"{at}.{name}", "is required (an array).");
            }

            Expect(value, JsonValueKind.Array, $"{at}.{name}");
            return value.EnumerateArray().ToList();
        }

        private IEnumerable<JsonElement> OptionalArray(JsonElement e, string name, string at) =>
            e.TryGetProperty(name, out var value) ? Array(e, name, at) : [];

        private void Expect(JsonElement e, JsonValueKind kind, string at)
        {
            if (e.ValueKind != kind)
            {
                throw Error(at, $"must be a JSON {kind.ToString().ToLowerInvariant()}; got {e.ValueKind.ToString().ToLowerInvariant()}.");
            }
        }

        private KnowledgeFormatException Error(string at, string message) => new($"{file}: {at}: {message}");
    }
}
