using System.Collections;
using System.Text.Json;

namespace Graph.GraphQL.Utilities;

/// <summary>
/// Bridges JSON-like inputs (System.Text.Json elements, dictionaries, lists) to the plain values coercion works on:
/// objects become <see cref="Dictionary{TKey,TValue}"/> of string to object, arrays <see cref="List{T}"/>, numbers int/long/double.
/// </summary>
public static class JsonValues
{
    /// <summary>Converts a JSON element to plain .NET values.</summary>
    public static object? ToPlain(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToPlain(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToPlain(item));
                }

                return list;
            default:
                return Unwrap(element);
        }
    }

    /// <summary>Unwraps JSON primitives to .NET values (string, int/long/double, bool, null); objects and arrays stay elements.</summary>
    public static object? Unwrap(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt32(out var i))
                {
                    return i;
                }

                if (element.TryGetInt64(out var l))
                {
                    return l;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return element;
        }
    }

    /// <summary>Converts a JSON object element (e.g. request variables) to a dictionary; null/undefined give an empty one.</summary>
    public static IReadOnlyDictionary<string, object?> ToDictionary(JsonElement element)
    {
        return element.ValueKind == JsonValueKind.Object
            ? (Dictionary<string, object?>)ToPlain(element)!
            : new Dictionary<string, object?>();
    }

    /// <summary>Reads a value as a string-keyed map when it is one (dictionaries, JSON objects).</summary>
    public static bool TryAsObject(object? value, out IReadOnlyDictionary<string, object?> map)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                map = readOnly;
                return true;
            case IDictionary<string, object?> dictionary:
                map = new Dictionary<string, object?>(dictionary, StringComparer.Ordinal);
                return true;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                map = (Dictionary<string, object?>)ToPlain(element)!;
                return true;
            case IDictionary legacy:
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in legacy)
                {
                    if (entry.Key is not string key)
                    {
                        map = copy;
                        return false;
                    }

                    copy[key] = entry.Value;
                }

                map = copy;
                return true;
            default:
                map = null!;
                return false;
        }
    }

    /// <summary>Reads a value as a list when it is one (any enumerable except strings, maps and JSON non-arrays).</summary>
    public static bool TryAsList(object? value, out IReadOnlyList<object?> list)
    {
        switch (value)
        {
            case null or string:
                list = null!;
                return false;
            case IReadOnlyList<object?> readOnly:
                list = readOnly;
                return true;
            case JsonElement element:
                if (element.ValueKind == JsonValueKind.Array)
                {
                    list = (List<object?>)ToPlain(element)!;
                    return true;
                }

                list = null!;
                return false;
            case IDictionary or IReadOnlyDictionary<string, object?> or IDictionary<string, object?>:
                list = null!;
                return false;
            case IEnumerable enumerable:
                var items = new List<object?>();
                foreach (var item in enumerable)
                {
                    items.Add(item);
                }

                list = items;
                return true;
            default:
                list = null!;
                return false;
        }
    }
}
