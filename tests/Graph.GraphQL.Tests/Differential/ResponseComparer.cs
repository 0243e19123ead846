using System.Text;
using System.Text.Json;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>
/// Compares our response with graphql-js's: the same presence of <c>data</c>, <c>data</c> equal
/// (deep, with key order; numbers by value), the same number of errors, and the same
/// (path, locations) of each error, in any order. Messages may differ.
/// </summary>
public static class ResponseComparer
{
    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions s_compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The differences, empty when the responses agree.</summary>
    public static IReadOnlyList<string> Differences(JsonElement ours, JsonElement theirs)
    {
        var differences = new List<string>();
        var ourHasData = ours.TryGetProperty("data", out var ourData);
        var theirHasData = theirs.TryGetProperty("data", out var theirData);
        if (ourHasData != theirHasData)
        {
            differences.Add(theirHasData ? "graphql-js has a data entry, ours has none." : "ours has a data entry, graphql-js has none.");
        }
        else if (ourHasData)
        {
            CompareValues(ourData, theirData, "data", differences);
        }

        var ourErrors = ErrorKeys(ours);
        var theirErrors = ErrorKeys(theirs);
        if (ourErrors.Count != theirErrors.Count)
        {
            differences.Add($"ours has {ourErrors.Count} error(s), graphql-js {theirErrors.Count}.");
        }

        var unmatched = new List<string>(theirErrors);
        foreach (var key in ourErrors)
        {
            if (!unmatched.Remove(key))
            {
                differences.Add($"our error at {key} has no counterpart in graphql-js.");
            }
        }

        foreach (var key in unmatched)
        {
            differences.Add($"graphql-js's error at {key} has no counterpart in ours.");
        }

        return differences;
    }

    /// <summary>A readable account of a disagreement: what differs, the case, and both responses.</summary>
    public static string Describe(ReferenceCase reference, IReadOnlyList<string> differences, JsonElement ours)
    {
        var text = new StringBuilder();
        text.AppendLine($"Our engine disagrees with graphql-js on {reference.Name}:");
        foreach (var difference in differences)
        {
            text.AppendLine("  - " + difference);
        }

        text.AppendLine("Document:");
        text.AppendLine(reference.Document);
        if (reference.Variables is { } variables)
        {
            text.AppendLine("Variables: " + variables.GetRawText());
        }

        if (reference.OperationName is { } operationName)
        {
            text.AppendLine("Operation: " + operationName);
        }

        if (reference.Rules.Count > 0)
        {
            text.AppendLine("graphql-js rules reporting: " + string.Join(", ", reference.Rules));
        }

        text.AppendLine("Ours:");
        text.AppendLine(JsonSerializer.Serialize(ours, s_indented));
        text.AppendLine("graphql-js:");
        text.AppendLine(JsonSerializer.Serialize(reference.Result, s_indented));
        return text.ToString();
    }

    private static List<string> ErrorKeys(JsonElement response)
    {
        var keys = new List<string>();
        if (!response.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var error in errors.EnumerateArray())
        {
            var path = error.TryGetProperty("path", out var p) ? Compact(p) : "(none)";
            var locations = error.TryGetProperty("locations", out var l) ? Compact(l) : "(none)";
            keys.Add($"path {path} locations {locations}");
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static JsonElement? TryParseJson(string text)
    {
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, s_compact);

    private static void CompareValues(JsonElement ours, JsonElement theirs, string at, List<string> differences)
    {
        if (ours.ValueKind != theirs.ValueKind)
        {
            differences.Add($"{at}: ours is {Compact(ours)}, graphql-js {Compact(theirs)}.");
            return;
        }

        switch (theirs.ValueKind)
        {
            case JsonValueKind.Object:
                var ourNames = ours.EnumerateObject().Select(p => p.Name).ToList();
                var theirNames = theirs.EnumerateObject().Select(p => p.Name).ToList();
                if (!ourNames.SequenceEqual(theirNames))
                {
                    differences.Add($"{at}: ours has keys [{string.Join(", ", ourNames)}], graphql-js [{string.Join(", ", theirNames)}].");
                    return;
                }

                foreach (var name in theirNames)
                {
                    CompareValues(ours.GetProperty(name), theirs.GetProperty(name), $"{at}.{name}", differences);
                }

                break;
            case JsonValueKind.Array:
                if (ours.GetArrayLength() != theirs.GetArrayLength())
                {
                    differences.Add($"{at}: ours has {ours.GetArrayLength()} items, graphql-js {theirs.GetArrayLength()}: ours {Compact(ours)}, graphql-js {Compact(theirs)}.");
                    return;
                }

                for (var i = 0; i < theirs.GetArrayLength(); i++)
                {
                    CompareValues(ours[i], theirs[i], $"{at}[{i}]", differences);
                }

                break;
            case JsonValueKind.Number:
                if (ours.GetDouble() != theirs.GetDouble())
                {
                    differences.Add($"{at}: ours is {ours.GetRawText()}, graphql-js {theirs.GetRawText()}.");
                }

                break;
            case JsonValueKind.String:
                var ourText = ours.GetString()!;
                var theirText = theirs.GetString()!;
                if (string.Equals(ourText, theirText, StringComparison.Ordinal))
                {
                    break;
                }

                // Echo fields return JSON: point at the part that differs inside it.
                if (TryParseJson(ourText) is { } ourJson && TryParseJson(theirText) is { } theirJson)
                {
                    var before = differences.Count;
                    CompareValues(ourJson, theirJson, at + "<json>", differences);
                    if (differences.Count > before)
                    {
                        break;
                    }
                }

                differences.Add($"{at}: ours is {Compact(ours)}, graphql-js {Compact(theirs)}.");
                break;
        }
    }
}
