using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Graph.GraphQL.Error;

namespace Graph.GraphQL.Execution;

/// <summary>
/// Writes an <see cref="ExecutionResult"/> as the spec's JSON response with <see cref="Utf8JsonWriter"/>:
/// "errors" first (when present), then "data" in selection order, then "extensions".
/// </summary>
public static class ExecutionResultJsonWriter
{
    private static readonly JsonWriterOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions s_indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, Indented = true };

    /// <summary>Writes the response to a stream (e.g. an HTTP response body).</summary>
    public static async Task WriteAsync(Stream stream, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, s_compact);
        Write(writer, result);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The response as a JSON string.</summary>
    public static string ToJson(ExecutionResult result, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? s_indented : s_compact))
        {
            Write(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the response object.</summary>
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in errors)
            {
                WriteError(writer, error);
            }

            writer.WriteEndArray();
        }

        if (result.IsDataPresent)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }

        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one error: message, locations, path, extensions (graphql-js order).</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(segment.ToString());
                }
            }

            writer.WriteEndArray();
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a result value: maps, lists, strings, numbers, booleans, JSON elements, null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case ResultMap map:
                var values = map.ValueArray;
                writer.WriteStartObject();
                if (map.EncodedKeyArray is { } encoded)
                {
                    for (var i = 0; i < encoded.Length; i++)
                    {
                        writer.WritePropertyName(encoded[i]);
                        WriteValue(writer, values[i]);
                    }
                }
                else
                {
                    var keys = map.KeyArray;
                    for (var i = 0; i < keys.Length; i++)
                    {
                        writer.WritePropertyName(keys[i]);
                        WriteValue(writer, values[i]);
                    }
                }

                writer.WriteEndObject();
                return;
            case object?[] array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                return;
            case int i32:
                writer.WriteNumberValue(i32);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case double d:
                writer.WriteNumberValue(d);
                return;
            case long i64:
                writer.WriteNumberValue(i64);
                return;
            case float f:
                writer.WriteNumberValue(f);
                return;
            case decimal m:
                writer.WriteNumberValue(m);
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var pair in pairs)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable enumerable:
                writer.WriteStartArray();
                foreach (var item in enumerable)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                return;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                return;
        }
    }
}
