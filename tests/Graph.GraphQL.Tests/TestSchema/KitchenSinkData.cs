using System.Text.Json;

namespace Graph.GraphQL.Tests.KitchenSink;

/// <summary>
/// tools/graphql-js/kitchen-sink-data.json as plain .NET values: objects become
/// <see cref="Dictionary{TKey, TValue}"/> of string to value (insertion-ordered), arrays
/// <see cref="List{T}"/>, integers <see cref="int"/> (or <see cref="long"/> when larger),
/// other numbers <see cref="double"/>.
/// </summary>
public sealed class KitchenSinkData
{
    private KitchenSinkData(Dictionary<string, object?> root)
    {
        Nodes = (Dictionary<string, object?>)root["nodes"]!;
        Query = (Dictionary<string, object?>)root["query"]!;
        Mutation = (Dictionary<string, object?>)root["mutation"]!;
        Subscription = (Dictionary<string, object?>)root["subscription"]!;
    }

    /// <summary>Objects that <c>{"__ref": id}</c> points to.</summary>
    public Dictionary<string, object?> Nodes { get; }

    /// <summary>The root value of queries.</summary>
    public Dictionary<string, object?> Query { get; }

    /// <summary>The root value of mutations.</summary>
    public Dictionary<string, object?> Mutation { get; }

    /// <summary>The root value of subscriptions.</summary>
    public Dictionary<string, object?> Subscription { get; }

    /// <summary>Reads the data file.</summary>
    public static KitchenSinkData Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return new KitchenSinkData((Dictionary<string, object?>)Convert(json.RootElement)!);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt32(out var i) => i,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };
}
