using System.Buffers;
using System.Text;
using System.Text.Json;
using Graph.Core.Model;

namespace Graph.Storage.Embedded.Storage;

/// <summary>Text-valued fields (actor and edge attributes) as a JSON object column; no fields is NULL.</summary>
internal static class TextFields
{
    // One writer per thread, reused: every edge and evidence with attributes is written through it.
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_json;

    public static string? ToJson(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (buffer, writer) = t_json ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        var any = false;
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            writer.WriteString(name, value);
            any = true;
        }

        writer.WriteEndObject();
        writer.Flush();
        return any ? Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return (buffer, new Utf8JsonWriter(buffer));
    }

    /// <summary>An edge's attributes: none is NULL.</summary>
    public static string? EdgeToJson(EdgeAttributes attributes) => attributes.IsEmpty ? null : ToJson(attributes.TextFields());

    /// <summary>An evidence's own attributes: absent is NULL, present but empty is <c>{}</c>, so both read back as written.</summary>
    public static string? EvidenceToJson(EdgeAttributes? attributes) =>
        attributes is null ? null : attributes.IsEmpty ? "{}" : ToJson(attributes.TextFields());

    /// <summary>
    /// An actor's attributes as loaded: a column with none gives one shared, read-only empty map instead of a dictionary
    /// per actor (200,000 actors without attributes held 40 MB of empty dictionaries).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ActorFieldsFromJson(string? json) =>
        json is null ? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty : FromJson(json);

    public static Dictionary<string, string> FromJson(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            fields[name] = reader.GetString()!;
        }

        return fields;
    }

    /// <summary>An edge's attributes from their column: NULL is the shared empty instance.</summary>
    public static EdgeAttributes EdgeFromJson(string? json) => json is null ? EdgeAttributes.None : EdgeAttributes.FromText(FromJson(json));

    /// <summary>An evidence's attributes from their column.</summary>
    public static EdgeAttributes? EvidenceFromJson(string? json) => json is null ? null : EdgeAttributes.FromText(FromJson(json));

    /// <summary>
    /// validFrom and validTo from an edge's attributes column without parsing the rest: the column is written by
    /// <see cref="Utf8JsonWriter"/>, which escapes quotes inside values, so a <c>"validFrom":"</c> can only be the key.
    /// </summary>
    public static (PartialDate? From, PartialDate? To) ValidityFromJson(string? json) =>
        json is null ? (null, null) : (DateField(json, "\"validFrom\":\""), DateField(json, "\"validTo\":\""));

    private static PartialDate? DateField(string json, string key)
    {
        var at = json.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        at += key.Length;
        var end = json.IndexOf('"', at);
        return PartialDate.Parse(json[at..end]);
    }
}
