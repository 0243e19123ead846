using System.Globalization;
using System.Text.Json;

namespace Graph.Extraction.Extractors.Model;

/// <summary>
/// Finds and reads the JSON object in a model's answer. Models wrap JSON in ```json fences, put prose before or after
/// it, leave trailing commas, or vary the case of keys: all of that is tolerated; anything else is malformed.
/// </summary>
internal static class AnswerJson
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>
    /// Parses the answer's JSON object; null when no part of the answer parses as an object with a
    /// <c>relationships</c> array (an answer without one did not follow the schema, even if it is JSON).
    /// </summary>
    public static JsonDocument? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        foreach (var candidate in Candidates(answer))
        {
            try
            {
                var document = JsonDocument.Parse(candidate, s_options);
                if (Property(document.RootElement, "relationships") is { ValueKind: JsonValueKind.Array })
                {
                    return document;
                }

                document.Dispose();
            }
            catch (JsonException)
            {
                // Try the next reading of the answer.
            }
        }

        return null;
    }

    /// <summary>The answer's texts that may be the JSON: each fenced block, then the span from the first '{' to the last '}'.</summary>
    private static IEnumerable<string> Candidates(string answer)
    {
        var at = 0;
        while ((at = answer.IndexOf("```", at, StringComparison.Ordinal)) >= 0)
        {
            var bodyStart = answer.IndexOf('\n', at);
            if (bodyStart < 0)
            {
                break;
            }

            var close = answer.IndexOf("```", bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                yield return answer[(bodyStart + 1)..];
                break;
            }

            yield return answer[(bodyStart + 1)..close];
            at = close + 3;
        }

        var first = answer.IndexOf('{', StringComparison.Ordinal);
        var last = answer.LastIndexOf('}');
        if (first >= 0 && last > first)
        {
            yield return answer[first..(last + 1)];
        }
    }

    /// <summary>A property by name, ignoring case, underscores and hyphens (<c>attributed_to</c> is <c>attributedTo</c>).</summary>
    public static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (SameKey(property.Name, name))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A property's text: strings as they are, numbers and booleans as written; null for null, missing or structures.</summary>
    public static string? Text(JsonElement element, string name) => Property(element, name) is { } value ? TextOf(value) : null;

    /// <summary>A value's text: strings as they are, numbers and booleans as written; null for null or structures.</summary>
    public static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A property read as a number (a JSON number or a numeric string); null otherwise.</summary>
    public static double? Number(JsonElement element, string name) =>
        Property(element, name) switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
            { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };

    /// <summary>The array under a name, or nothing when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static bool SameKey(string key, string name)
    {
        var i = 0;
        foreach (var c in key)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            if (i >= name.Length || char.ToLowerInvariant(c) != char.ToLowerInvariant(name[i]))
            {
                return false;
            }

            i++;
        }

        return i == name.Length;
    }
}
