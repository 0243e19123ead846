using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Storage.Neo4j.Http;

/// <summary>An error object as both HTTP APIs write it: <c>{"code": "Neo.ClientError...", "message": "..."}</c>.</summary>
public sealed record Neo4jError(string Code, string Message);

/// <summary>
/// The Query API's JSON (Neo4j 5.19+, Aura): one statement per request,
/// <c>{"statement", "parameters", "bookmarks"}</c> in (parameters in <see cref="TypedJson"/>),
/// <c>{"data": {"fields", "values"}, "bookmarks"}</c> or <c>{"errors": [...]}</c> out.
/// </summary>
public static class QueryApiWireFormat
{
    /// <summary>
    /// The request body for one statement; reads say so, so a cluster can route them to a secondary. Bookmarks of
    /// earlier writes make the server wait until it has seen them (read-your-writes on clusters and Aura).
    /// </summary>
    public static string Body(CypherStatement statement, bool read, IReadOnlyList<string>? bookmarks = null)
    {
        var body = new JsonObject
        {
            ["statement"] = statement.Text,
            ["parameters"] = TypedJson.EncodeParameters(statement.Parameters),
        };
        if (read)
        {
            body["accessMode"] = "Read";
        }

        if (bookmarks is { Count: > 0 })
        {
            body["bookmarks"] = new JsonArray([.. bookmarks.Select(b => (JsonNode)JsonValue.Create(b))]);
        }

        return body.ToJsonString();
    }

    /// <summary>The bookmarks an answer carries (after an auto-commit statement or a commit), or none.</summary>
    public static IReadOnlyList<string> Bookmarks(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("bookmarks", out var b) && b.ValueKind == JsonValueKind.Array
            ? [.. b.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    /// <summary>The rows of a successful answer.</summary>
    public static CypherResult ParseResult(JsonElement root)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return CypherResult.Empty;
        }

        var fields = data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        var rows = new List<JsonElement[]>();
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in values.EnumerateArray())
            {
                rows.Add(row.ValueKind == JsonValueKind.Array ? row.EnumerateArray().Select(Plain).ToArray() : [Plain(row)]);
            }
        }

        return new CypherResult(fields, rows);
    }

    // Typed answers are read into plain shapes; a value already plain is kept as it is.
    private static JsonElement Plain(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$type", out _)
            ? JsonSerializer.SerializeToElement(TypedJson.Decode(value))
            : value.Clone();

    /// <summary>The id of the explicit transaction a <c>/query/v2/tx</c> answer opened.</summary>
    public static string? TransactionId(JsonElement root) =>
        root.TryGetProperty("transaction", out var tx) && tx.ValueKind == JsonValueKind.Object
        && tx.TryGetProperty("id", out var id) ? id.GetString() : null;

    /// <summary>The errors of an answer (empty when none).</summary>
    public static IReadOnlyList<Neo4jError> Errors(JsonElement root) => ParameterJson.Errors(root);
}

/// <summary>
/// The transactional Cypher endpoint's JSON (Neo4j 4.x and 5.x): many statements per request,
/// <c>{"statements": [...]}</c> in, <c>{"results": [{"columns", "data": [{"row"}]}], "errors": [...]}</c> out,
/// answered 200 even when a statement failed.
/// </summary>
public static class TransactionalWireFormat
{
    /// <summary>The request body for statements run in order in one transaction.</summary>
    public static string Body(IReadOnlyList<CypherStatement> statements)
    {
        var list = new JsonArray();
        foreach (var s in statements)
        {
            list.Add(new JsonObject
            {
                ["statement"] = s.Text,
                ["parameters"] = ParameterJson.ToNode(s.Parameters),
                ["resultDataContents"] = new JsonArray("row"),
            });
        }

        return new JsonObject { ["statements"] = list }.ToJsonString();
    }

    /// <summary>One result per statement, in order.</summary>
    public static IReadOnlyList<CypherResult> ParseResults(JsonElement root)
    {
        var results = new List<CypherResult>();
        if (!root.TryGetProperty("results", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return results;
        }

        foreach (var result in array.EnumerateArray())
        {
            var fields = result.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                : [];
            var rows = new List<JsonElement[]>();
            if (result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in data.EnumerateArray())
                {
                    if (item.TryGetProperty("row", out var row) && row.ValueKind == JsonValueKind.Array)
                    {
                        rows.Add(row.EnumerateArray().Select(v => v.Clone()).ToArray());
                    }
                }
            }

            results.Add(new CypherResult(fields, rows));
        }

        return results;
    }

    /// <summary>The id of the transaction a <c>/tx</c> answer opened, read from its <c>commit</c> address.</summary>
    public static string? TransactionId(JsonElement root)
    {
        if (!root.TryGetProperty("commit", out var commit) || commit.GetString() is not { } url)
        {
            return null;
        }

        // ".../db/neo4j/tx/16/commit": the segment before "commit".
        var segments = url.TrimEnd('/').Split('/');
        return segments.Length >= 2 && segments[^1] == "commit" ? segments[^2] : null;
    }

    /// <summary>The errors of an answer (empty when none).</summary>
    public static IReadOnlyList<Neo4jError> Errors(JsonElement root) => ParameterJson.Errors(root);
}

/// <summary>Parameter values to JSON and error lists from JSON, shared by both formats.</summary>
internal static class ParameterJson
{
    public static JsonObject ToNode(IReadOnlyDictionary<string, object?> parameters)
    {
        var node = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            node[name] = Value(value);
        }

        return node;
    }

    private static JsonNode FloatLiteral(double d)
    {
        var text = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return JsonNode.Parse(text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0")!;
    }

    public static IReadOnlyList<Neo4jError> Errors(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return errors.EnumerateArray()
            .Select(e => new Neo4jError(
                e.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "",
                e.TryGetProperty("message", out var m) ? m.GetString() ?? "" : ""))
            .ToArray();
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        // Always with a fraction or exponent: the transactional endpoint reads "1" as an Integer and "1.0" as a Float.
        double d when double.IsFinite(d) => FloatLiteral(d),
        double d => throw new ArgumentException($"Parameter values must be finite numbers; got {d}."),
        // Decimals travel as text: Neo4j has no decimal type and a float would round them.
        decimal m => JsonValue.Create(m.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        IReadOnlyDictionary<string, object?> map => ToNode(map),
        IDictionary<string, object?> map => ToNode(map.AsReadOnly()),
        IEnumerable<string> strings => new JsonArray(strings.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(Value).ToArray()),
        _ => throw new ArgumentException($"Parameter values must be text, numbers, booleans, lists or maps; got {value.GetType().Name}."),
    };
}
