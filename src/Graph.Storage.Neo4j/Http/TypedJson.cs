using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// The Query API's JSON with type information (<c>application/vnd.neo4j.query</c>): every value is
/// <c>{"$type": "Float", "_value": "1.0"}</c>. Plain JSON cannot tell 1.0 from 1, so a confidence of 1.0 sent plainly is
/// stored as an Integer; typed parameters keep floats floats. Answers are read back into plain JSON shapes (the shapes
/// <see cref="QueryApiWireFormat"/> hands on), so callers see one format whichever the server spoke.
/// </summary>
public static class TypedJson
{
    /// <summary>The media type of typed JSON, for Content-Type (typed parameters) and Accept (typed answers).</summary>
    public const string MediaType = "application/vnd.neo4j.query";

    /// <summary>A parameter value in typed JSON.</summary>
    public static JsonObject Encode(object? value) => value switch
    {
        null => Typed("Null", null),
        string s => Typed("String", s),
        bool b => Typed("Boolean", b),
        int i => Typed("Integer", i.ToString(CultureInfo.InvariantCulture)),
        long l => Typed("Integer", l.ToString(CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => Typed("Float", d.ToString("R", CultureInfo.InvariantCulture)),
        double d => throw new ArgumentException($"Parameter values must be finite numbers; got {d}."),
        // Decimals travel as text: Neo4j has no decimal type and a float would round them.
        decimal m => Typed("String", m.ToString(CultureInfo.InvariantCulture)),
        IReadOnlyDictionary<string, object?> map => Map(map),
        IDictionary<string, object?> map => Map(map.AsReadOnly()),
        IEnumerable<string> strings => Typed("List", new JsonArray([.. strings.Select(x => (JsonNode)Encode(x))])),
        System.Collections.IEnumerable list => Typed("List", new JsonArray([.. list.Cast<object?>().Select(x => (JsonNode)Encode(x))])),
        _ => throw new ArgumentException($"Parameter values must be text, numbers, booleans, lists or maps; got {value.GetType().Name}."),
    };

    /// <summary>The parameters object of a request, every value typed.</summary>
    public static JsonObject EncodeParameters(IReadOnlyDictionary<string, object?> parameters)
    {
        var node = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            node[name] = Encode(value);
        }

        return node;
    }

    /// <summary>
    /// A typed answer value as plain JSON: numbers as numbers, temporal and other text-valued types as their text,
    /// nodes and relationships in the plain format's shape (<c>elementId</c>, <c>labels</c> or <c>type</c>, <c>properties</c>).
    /// A value without <c>$type</c> is passed through (a server that answered plainly).
    /// </summary>
    public static JsonNode? Decode(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var typeElement) || typeElement.GetString() is not { } type)
        {
            return value.ValueKind == JsonValueKind.Undefined ? null : JsonSerializer.SerializeToNode(value);
        }

        value.TryGetProperty("_value", out var inner);
        switch (type)
        {
            case "Null":
                return null;
            case "Boolean":
                return JsonValue.Create(inner.ValueKind == JsonValueKind.True);
            case "Integer":
                return JsonValue.Create(inner.ValueKind == JsonValueKind.Number ? inner.GetInt64() : long.Parse(inner.GetString()!, CultureInfo.InvariantCulture));
            case "Float":
                return JsonValue.Create(inner.ValueKind == JsonValueKind.Number ? inner.GetDouble() : ParseFloat(inner.GetString()!));
            case "List":
                return new JsonArray([.. inner.EnumerateArray().Select(Decode)]);
            case "Map":
                return DecodeMap(inner);
            case "Node":
                return new JsonObject
                {
                    ["elementId"] = Text(inner, "_element_id"),
                    ["labels"] = inner.TryGetProperty("_labels", out var labels) ? JsonSerializer.SerializeToNode(labels) : new JsonArray(),
                    ["properties"] = inner.TryGetProperty("_properties", out var np) ? DecodeMap(np) : new JsonObject(),
                };
            case "Relationship":
                return new JsonObject
                {
                    ["elementId"] = Text(inner, "_element_id"),
                    ["startNodeElementId"] = Text(inner, "_start_node_element_id"),
                    ["endNodeElementId"] = Text(inner, "_end_node_element_id"),
                    ["type"] = Text(inner, "_type"),
                    ["properties"] = inner.TryGetProperty("_properties", out var rp) ? DecodeMap(rp) : new JsonObject(),
                };
            case "Path":
                return new JsonArray([.. inner.EnumerateArray().Select(Decode)]);
            default:
                // String, Base64, Date, Time, DateTime, Duration, Point...: their text is what the plain format gives.
                return inner.ValueKind == JsonValueKind.Undefined ? null : JsonSerializer.SerializeToNode(inner);
        }
    }

    private static JsonObject Typed(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };

    private static JsonObject Map(IReadOnlyDictionary<string, object?> map)
    {
        var node = new JsonObject();
        foreach (var (key, item) in map)
        {
            node[key] = Encode(item);
        }

        return Typed("Map", node);
    }

    private static JsonObject DecodeMap(JsonElement map)
    {
        var node = new JsonObject();
        if (map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                node[property.Name] = Decode(property.Value);
            }
        }

        return node;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
