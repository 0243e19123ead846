using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// A statement as it went over the wire: its text, its parameters as plain JSON (typed ones read back), the parameters
/// exactly as sent, and the bookmarks the request carried.
/// </summary>
internal sealed record SentStatement(string Path, string Cypher, JsonObject Parameters)
{
    public JsonObject RawParameters { get; init; } = [];

    public IReadOnlyList<string> Bookmarks { get; init; } = [];
}

/// <summary>
/// Stands in for a Neo4j server at the HTTP level: answers discovery, both Cypher APIs and their explicit transactions
/// with canned, well-formed bodies, and records every statement. Reads answer from a fixed graph (by default
/// <see cref="SmallGraph"/>) so the store's mapping and ordering are exercised; writes answer empty.
/// </summary>
internal sealed class FakeNeo4jServer(Neo4jProtocol protocol, GraphSnapshot? graph = null) : HttpMessageHandler
{
    private readonly GraphSnapshot _graph = graph ?? SmallGraph.Snapshot;
    private readonly Dictionary<string, JsonObject> _proposals = new(StringComparer.Ordinal);
    private const string TypedMediaType = "application/vnd.neo4j.query";
    private int _transactions;
    private int _commits;

    /// <summary>When the documents it holds were ingested (the fake's one ingestion record for all of them).</summary>
    public static readonly DateTimeOffset IngestedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Ids the fake reports as stored beside the fixed graph's, for pruning to find.</summary>
    public const string StaleEdgeId = "SUPPORTS:state:stale-a->state:stale-b", StaleDocumentId = "doc:stale-report", StaleActorId = "state:stale-a";

    public List<SentStatement> Statements { get; } = [];

    /// <summary>
    /// The version on the schema marker node, null while there is none; the script's marker statement sets it, as
    /// Neo4j would, so a second store connecting to this server finds it.
    /// </summary>
    public long? SchemaVersion { get; set; }

    public List<string> Requests { get; } = [];

    public static Neo4jStoreOptions Options(Neo4jProtocol protocol = Neo4jProtocol.Auto) => new()
    {
        Uri = new Uri("http://neo4j.test:7474"),
        User = "neo4j",
        Password = "secret",
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Protocol = protocol,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add($"{request.Method} {path}");
        if (request.Method == HttpMethod.Get && path == "/")
        {
            return Json(HttpStatusCode.OK, protocol == Neo4jProtocol.QueryApi
                ? """{"bolt_routing":"neo4j://neo4j.test:7687","query":"http://neo4j.test:7474/db/{databaseName}/query/v2","transaction":"http://neo4j.test:7474/db/{databaseName}/tx","bolt_direct":"bolt://neo4j.test:7687","neo4j_version":"5.26.0","neo4j_edition":"community"}"""
                : """{"bolt_routing":"neo4j://neo4j.test:7687","transaction":"http://neo4j.test:7474/db/{databaseName}/tx","bolt_direct":"bolt://neo4j.test:7687","neo4j_version":"4.4.0","neo4j_edition":"community"}""");
        }

        if (request.Method == HttpMethod.Delete)
        {
            return Json(HttpStatusCode.OK, protocol == Neo4jProtocol.QueryApi ? "{}" : """{"results":[],"errors":[]}""");
        }

        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        if (protocol == Neo4jProtocol.QueryApi)
        {
            // Like Neo4j: every committed write gets a new bookmark.
            if (path.EndsWith("/commit", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, $$"""{"bookmarks":["FB:fake-{{Interlocked.Increment(ref _commits)}}"]}""");
            }

            var typedIn = request.Content?.Headers.ContentType?.MediaType == TypedMediaType;
            var typedOut = request.Headers.Accept.Any(a => a.MediaType == TypedMediaType);
            var sentParameters = body!["parameters"]?.AsObject();
            var statement = Record(path, body["statement"]!.GetValue<string>(), typedIn ? FromTyped(sentParameters) : sentParameters) with
            {
                RawParameters = sentParameters?.DeepClone().AsObject() ?? [],
                Bookmarks = body["bookmarks"] is JsonArray sent ? [.. sent.Select(b => b!.GetValue<string>())] : [],
            };
            ReplaceLast(statement);
            var data = Answer(statement);
            if (typedOut)
            {
                data["values"] = new JsonArray([.. data["values"]!.AsArray().Select(row => (JsonNode)new JsonArray([.. row!.AsArray().Select(ToTyped)]))]);
            }

            var autoCommitWrite = path.EndsWith("/query/v2", StringComparison.Ordinal) && body["accessMode"]?.GetValue<string>() != "Read";
            var answer = new JsonObject { ["data"] = data, ["bookmarks"] = new JsonArray(autoCommitWrite ? $"FB:fake-{Interlocked.Increment(ref _commits)}" : "FB:read") };
            if (path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
            {
                answer["transaction"] = new JsonObject { ["id"] = $"tx{Interlocked.Increment(ref _transactions)}", ["expires"] = "2025-01-01T00:00:30Z" };
            }

            var response = Json(HttpStatusCode.Accepted, answer.ToJsonString());
            response.Headers.TryAddWithoutValidation("neo4j-cluster-affinity", "MTAuOC41Ljc6MTc0NzQ=");
            return response;
        }

        var results = new JsonArray();
        foreach (var s in body!["statements"]!.AsArray())
        {
            var statement = Record(path, s!["statement"]!.GetValue<string>(), s["parameters"]?.AsObject());
            var data = Answer(statement);
            results.Add(new JsonObject
            {
                ["columns"] = data["fields"]!.DeepClone(),
                ["data"] = new JsonArray([.. data["values"]!.AsArray().Select(row => (JsonNode)new JsonObject { ["row"] = row!.DeepClone(), ["meta"] = new JsonArray() })]),
            });
        }

        var reply = new JsonObject { ["results"] = results, ["errors"] = new JsonArray() };
        if (path.EndsWith("/tx", StringComparison.Ordinal))
        {
            var id = Interlocked.Increment(ref _transactions);
            reply["commit"] = $"http://neo4j.test:7474/db/neo4j/tx/{id}/commit";
            reply["transaction"] = new JsonObject { ["expires"] = "Mon, 20 Sep 2021 07:57:37 GMT" };
            return Json(HttpStatusCode.Created, reply.ToJsonString());
        }

        return Json(HttpStatusCode.OK, reply.ToJsonString());
    }

    private SentStatement Record(string path, string cypher, JsonObject? parameters)
    {
        var statement = new SentStatement(path, cypher, parameters?.DeepClone().AsObject() ?? []);
        lock (Statements)
        {
            Statements.Add(statement);
        }

        return statement;
    }

    private void ReplaceLast(SentStatement statement)
    {
        lock (Statements)
        {
            Statements[^1] = statement;
        }
    }

    // Typed JSON as Neo4j's Query API documents it: {"$type": ..., "_value": ...}; numbers' values are text.
    private static JsonObject FromTyped(JsonObject? parameters)
    {
        var plain = new JsonObject();
        foreach (var (name, value) in parameters ?? [])
        {
            plain[name] = FromTypedValue(value!);
        }

        return plain;
    }

    private static JsonNode? FromTypedValue(JsonNode typed)
    {
        var type = typed["$type"]?.GetValue<string>() ?? throw new InvalidOperationException($"A typed parameter without $type: {typed.ToJsonString()}");
        var value = typed["_value"];
        return type switch
        {
            "Null" => null,
            "String" or "Boolean" => value!.DeepClone(),
            "Integer" => JsonValue.Create(long.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
            "Float" => JsonValue.Create(double.Parse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
            "List" => new JsonArray([.. value!.AsArray().Select(v => FromTypedValue(v!))]),
            "Map" => FromTyped(value!.AsObject()),
            _ => throw new InvalidOperationException($"The fake server does not read typed '{type}' parameters."),
        };
    }

    private static JsonNode ToTyped(JsonNode? plain) => plain switch
    {
        null => new JsonObject { ["$type"] = "Null", ["_value"] = null },
        JsonArray list => new JsonObject { ["$type"] = "List", ["_value"] = new JsonArray([.. list.Select(ToTyped)]) },
        JsonObject map => new JsonObject { ["$type"] = "Map", ["_value"] = new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToTyped(p.Value)))) },
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new JsonObject { ["$type"] = "String", ["_value"] = v.GetValue<string>() },
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new JsonObject { ["$type"] = "Boolean", ["_value"] = v.GetValueKind() == JsonValueKind.True },
        JsonValue v when v.ToJsonString() is var text && text.AsSpan().IndexOfAny('.', 'e', 'E') < 0 => new JsonObject { ["$type"] = "Integer", ["_value"] = text },
        JsonValue v => new JsonObject { ["$type"] = "Float", ["_value"] = v.ToJsonString() },
        _ => throw new InvalidOperationException($"Cannot type {plain.ToJsonString()}."),
    };

    /// <summary>Rows shaped as the statement's RETURN clause, from the fixed graph.</summary>
    private JsonObject Answer(SentStatement statement)
    {
        var c = statement.Cypher;
        var p = statement.Parameters;
        if (AnswerIngestion(c, p) is { } ingestion)
        {
            return ingestion;
        }

        if (c.Contains("RETURN 1 AS ok", StringComparison.Ordinal))
        {
            return Rows(["ok"], [[1L]]);
        }

        if (c.Contains("AS schemaVersion", StringComparison.Ordinal))
        {
            return Rows(["schemaVersion"], [[SchemaVersion]]);
        }

        if (c.StartsWith("MERGE (g:GraphSchema {key: 'graph'})", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.Match(c, @"SET g\.version = (\d+)") is { Success: true } version)
        {
            SchemaVersion = long.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Rows([], []);
        }

        if (c.TrimEnd().EndsWith("RETURN a.id AS id", StringComparison.Ordinal))
        {
            return Rows(["id"], _graph.Actors.Select(a => new object?[] { a.Id.Value }));
        }

        // The ids pruning reads: the fixed graph's, and one more of each that no snapshot has, so a pruning sync deletes it.
        if (c.Contains("AS storedEdgeId", StringComparison.Ordinal))
        {
            return Rows(["storedEdgeId"], _graph.Relationships.Select(e => e.Id).Append(StaleEdgeId).Select(id => new object?[] { id }));
        }

        if (c.Contains("AS storedDocumentId", StringComparison.Ordinal))
        {
            return Rows(["storedDocumentId"], _graph.Documents.Select(d => d.Id.Value).Append(StaleDocumentId).Select(id => new object?[] { id }));
        }

        if (c.Contains("AS storedActorId", StringComparison.Ordinal))
        {
            return Rows(["storedActorId"], _graph.Actors.Select(a => a.Id.Value).Append(StaleActorId).Select(id => new object?[] { id }));
        }

        if (c.Contains("AS total", StringComparison.Ordinal))
        {
            return Rows(["total"], [[(long)_graph.Actors.Count]]);
        }

        if (c.Contains(" AS rank", StringComparison.Ordinal))
        {
            return Rows(["actor", "rank", "matched"], _graph.Actors.Select(a => new object?[] { GraphProperties.Actor(a), 2L, a.Name }));
        }

        if (c.Contains("AS edgeId, e.documentId", StringComparison.Ordinal))
        {
            return Rows(["edgeId", "documentId", "start"], _graph.Relationships.SelectMany(e => e.Evidence.Select(x => new object?[] { e.Id, x.DocumentId.Value, (long)x.Start })));
        }

        if (c.Contains("RETURN actorIds, edgeIdSequences", StringComparison.Ordinal))
        {
            var from = p["from"]!.GetValue<string>();
            var to = p["to"]!.GetValue<string>();
            var direct = _graph.Relationships.Where(e => (e.From.Value == from && e.To.Value == to) || (e.From.Value == to && e.To.Value == from)).ToList();
            return Rows(["actorIds", "edgeIdSequences"], direct.Count == 0 ? [] : [[new[] { from, to }, direct.Select(e => new[] { e.Id }).ToArray()]]);
        }

        if (c.Contains("AS edgeIds", StringComparison.Ordinal))
        {
            // The fixed graph answers with its direct edges: paths of one hop.
            if (System.Text.RegularExpressions.Regex.Match(c, @"\*(\d+)\.\.(\d+)\]") is { Success: true } hops && hops.Groups[1].Value == hops.Groups[2].Value && hops.Groups[1].Value != "1")
            {
                return Rows(["actorIds", "edgeIds"], []);
            }

            var from = p["from"]!.GetValue<string>();
            var to = p["to"]!.GetValue<string>();
            var direct = _graph.Relationships.Where(e => (e.From.Value == from && e.To.Value == to) || (e.From.Value == to && e.To.Value == from));
            return Rows(["actorIds", "edgeIds"], direct.Select(e => new object?[] { new[] { from, to }, new[] { e.Id } }));
        }

        if (c.Contains("} AS actor", StringComparison.Ordinal))
        {
            var actors = p["ids"] is JsonArray ids ? _graph.Actors.Where(a => ids.Any(i => i!.GetValue<string>() == a.Id.Value))
                : p["folded"] is JsonNode folded ? _graph.Actors.Where(a => NameFolding.Fold(a.Name) == folded.GetValue<string>()).OrderBy(a => a.Id.Value, StringComparer.Ordinal).Take(1)
                : p["key"] is JsonNode key ? _graph.Actors.Where(a => GraphProperties.NameKey(a.AllNames.Select(NameFolding.Fold)).Contains(key.GetValue<string>(), StringComparison.Ordinal)).OrderBy(a => a.Id.Value, StringComparer.Ordinal).Take(1)
                : _graph.Actors;
            return Rows(["actor"], actors.Select(a => new object?[] { GraphProperties.Actor(a) }));
        }

        if (c.Contains("} AS document", StringComparison.Ordinal))
        {
            var documents = p["ids"] is JsonArray ids ? _graph.Documents.Where(d => ids.Any(i => i!.GetValue<string>() == d.Id.Value)) : _graph.Documents;
            return Rows(["document"], documents.Select(d => new object?[] { GraphProperties.Document(d) }));
        }

        if (c.Contains("AS props", StringComparison.Ordinal))
        {
            if (p["actors"] is JsonArray anchors)
            {
                return Rows(["anchor", "props", "evidence"], anchors.SelectMany(a => Touching(a!.GetValue<string>()).Select(e => new object?[] { a!.GetValue<string>(), GraphProperties.Edge(e), EvidenceMaps(e) })));
            }

            var edges = p["keys"] is JsonArray keys ? _graph.Relationships.Where(e => keys.Any(k => k!["id"]!.GetValue<string>() == e.Id)) : _graph.Relationships;
            return Rows(["props", "evidence"], edges.Select(e => new object?[] { GraphProperties.Edge(e), EvidenceMaps(e) }));
        }

        if (c.Contains("AS edgeId", StringComparison.Ordinal) && p["frontier"] is JsonArray frontier)
        {
            return Rows(["anchor", "other", "edgeId", "type"], frontier.SelectMany(a => Touching(a!.GetValue<string>()).Select(e => new object?[] { a!.GetValue<string>(), e.Other(ActorId.Parse(a.GetValue<string>())).Value, e.Id, e.Type.ToString().ToUpperInvariant() })));
        }

        if (c.Contains("AS neighbour", StringComparison.Ordinal))
        {
            var first = p["first"]!.GetValue<string>();
            var second = p["second"]!.GetValue<string>();
            var rows = _graph.Actors.Select(a => a.Id.Value).Where(id => id != first && id != second)
                .Select(id => (id, a: Touching(first).Where(e => e.From.Value == id || e.To.Value == id).ToList(), b: Touching(second).Where(e => e.From.Value == id || e.To.Value == id).ToList()))
                .Where(x => x.a.Count > 0 && x.b.Count > 0)
                .Select(x => new object?[] { x.id, x.a.Select(e => e.Id).ToArray(), x.b.Select(e => e.Id).ToArray() });
            return Rows(["neighbour", "viaFirst", "viaSecond"], rows);
        }

        if (c.Contains("AS degree", StringComparison.Ordinal))
        {
            return Rows(["id", "kind", "degree"], _graph.Actors.Select(a => new object?[] { a.Id.Value, a.Kind.ToString(), (long)Touching(a.Id.Value).Count() }));
        }

        if (c.Contains("AS edges", StringComparison.Ordinal))
        {
            return Rows(["type", "edges"], _graph.Relationships.GroupBy(e => e.Rule.Name).Select(g => new object?[] { g.Key, (long)g.Count() }));
        }

        if (c.Contains("AS documents", StringComparison.Ordinal))
        {
            return Rows(["evidence", "documents"], [[(long)_graph.Relationships.Sum(e => e.Evidence.Count), (long)_graph.Documents.Count]]);
        }

        if (c.Contains("AS removed", StringComparison.Ordinal))
        {
            return Rows(["removed"], [[(long)(p["gone"] is JsonArray gone ? gone.Count : 0)]]);
        }

        return Rows([], []);
    }

    /// <summary>
    /// Ingestion's statements: proposals are kept as they are created, decided and edited (so a review can follow a
    /// save); every document of the fixed graph has one ingestion record; search finds the document and every quote.
    /// </summary>
    private JsonObject? AnswerIngestion(string c, JsonObject p)
    {
        lock (_proposals)
        {
            if (c.Contains("CREATE (p:Proposal)", StringComparison.Ordinal))
            {
                foreach (var row in p["rows"]!.AsArray())
                {
                    _proposals[row!["id"]!.GetValue<string>()] = row.DeepClone().AsObject();
                }

                return Rows([], []);
            }

            if (c.Contains("SET p.status = $status", StringComparison.Ordinal))
            {
                foreach (var id in p["ids"]!.AsArray().Select(i => i!.GetValue<string>()).Where(_proposals.ContainsKey))
                {
                    _proposals[id]["status"] = p["status"]!.DeepClone();
                    _proposals[id]["reviewedAt"] = p["reviewedAt"]!.DeepClone();
                    _proposals[id]["reviewNote"] = p["note"]?.DeepClone();
                }

                return Rows([], []);
            }

            if (c.Contains("SET p.id = $newId", StringComparison.Ordinal))
            {
                if (_proposals.Remove(p["id"]!.GetValue<string>(), out var old))
                {
                    foreach (var key in new[] { "json", "rule", "confidence", "start", "originalId" })
                    {
                        old[key] = p[key]!.DeepClone();
                    }

                    old["id"] = p["newId"]!.DeepClone();
                    old["edited"] = true;
                    _proposals[p["newId"]!.GetValue<string>()] = old;
                }

                return Rows([], []);
            }

            if (c.Contains(" AS proposal", StringComparison.Ordinal))
            {
                var found = p["ids"] is JsonArray ids
                    ? ids.Select(i => _proposals.GetValueOrDefault(i!.GetValue<string>())).OfType<JsonObject>()
                    : _proposals.Values.OrderBy(r => r["documentId"]!.GetValue<string>(), StringComparer.Ordinal).ThenBy(r => r["start"]!.GetValue<long>());
                string[] columns = ["id", "status", "createdAt", "reviewedAt", "reviewNote", "edited", "originalId", "json"];
                return Rows(["proposal"], found.Select(r => new object?[] { new JsonObject(columns.Select(k => KeyValuePair.Create(k, r[k]?.DeepClone()))) }));
            }

            if (c.Contains("AS originalId", StringComparison.Ordinal))
            {
                return Rows(["id", "originalId"], _proposals.Values
                    .Where(r => r["documentId"]!.GetValue<string>() == p["document"]!.GetValue<string>() && r["status"]!.GetValue<string>() == p["status"]!.GetValue<string>())
                    .Select(r => new object?[] { r["id"]!.GetValue<string>(), r["originalId"]!.GetValue<string>() }));
            }

            if (c.Contains("RETURN p.id AS id", StringComparison.Ordinal))
            {
                return Rows(["id"], _proposals.Values.Where(r => r["documentId"]!.GetValue<string>() == p["document"]!.GetValue<string>()).Select(r => new object?[] { r["id"]!.GetValue<string>() }));
            }

            if (c.Contains("AS pending", StringComparison.Ordinal))
            {
                long Count(IEnumerable<JsonObject> rows, string status) => rows.LongCount(r => r["status"]!.GetValue<string>() == status);
                return Rows(["rule", "accepted", "rejected", "pending"], _proposals.Values.GroupBy(r => r["rule"]!.GetValue<string>()).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new object?[] { g.Key, Count(g, "accepted"), Count(g, "rejected"), Count(g, "pending") }));
            }
        }

        if (c.Contains(" AS record", StringComparison.Ordinal))
        {
            var documents = p["ids"] is JsonArray ids ? _graph.Documents.Where(d => ids.Any(i => i!.GetValue<string>() == d.Id.Value)) : _graph.Documents.Take(1);
            return Rows(["document", "record", "previousId"], documents.Select(d => new object?[]
            {
                GraphProperties.Document(d),
                new Dictionary<string, object?> { ["format"] = "text", ["language"] = "en", ["publisherName"] = "Yonhap", ["source"] = "test", ["version"] = 1L, ["ingestedAt"] = IngestionProperties.Timestamp(IngestedAt) },
                null,
            }));
        }

        if (c.Contains("db.index.fulltext.queryNodes", StringComparison.Ordinal))
        {
            var documents = _graph.Documents.Select(d => new object?[] { d.Id.Value, d.Title, d.Text, null, null, 1.0 });
            var quotes = _graph.Relationships.SelectMany(e => e.Evidence.Select(x => new object?[] { x.DocumentId.Value, _graph.Documents.First(d => d.Id == x.DocumentId).Title, x.Quote, e.Id, (long)x.Start, 2.5 }));
            return Rows(["documentId", "title", "text", "edgeId", "start", "score"], documents.Concat(quotes));
        }

        return null;
    }

    private IEnumerable<Relationship> Touching(string actor) => _graph.Relationships.Where(e => e.From.Value == actor || e.To.Value == actor);

    private static List<Dictionary<string, object?>> EvidenceMaps(Relationship edge) =>
        edge.Evidence.Select((x, i) => GraphProperties.Evidence(edge, x, i)).Reverse().ToList();

    private static JsonObject Rows(string[] fields, IEnumerable<object?[]> rows) => new()
    {
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]),
        ["values"] = JsonSerializer.SerializeToNode(rows.ToList())!,
    };

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
