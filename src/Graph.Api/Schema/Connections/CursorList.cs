using System.Buffers.Text;
using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Graph.Core.Errors;
using Graph.GraphQL.Execution;

namespace Graph.Api.Schema.Connections;

/// <summary>
/// The list a cursor belongs to: its schema coordinate (<c>Query.actors</c>, <c>Actor.relationships</c>) and a hash of
/// what scopes it (the parent item and the arguments that filter or order it). Makes and reads the cursors of that
/// list; the format is described on <see cref="Paging"/>.
/// </summary>
public sealed record CursorList(string Name, string Scope)
{
    /// <summary>The format version every cursor starts with.</summary>
    public const string Version = "v1";

    /// <summary>Longest cursor read; ours are far shorter, and a long one is refused before it is decoded.</summary>
    public const int MaxCursorLength = 2_048;

    private static readonly JsonDocumentOptions s_readOptions = new() { MaxDepth = 4 };

    /// <summary>
    /// The list a field resolves: <paramref name="name"/> scoped by <paramref name="owner"/> (the parent's id, or
    /// nothing for a root field) and every argument of the field except <c>first</c> and <c>after</c>.
    /// </summary>
    public static CursorList For(IResolveFieldContext context, string name, string? owner = null)
    {
        var text = new StringBuilder(name).Append('|').Append(owner);
        foreach (var (argument, value) in context.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (argument is not ("first" or "after"))
            {
                text.Append('|').Append(argument).Append('=');
                Canonical(text, value);
            }
        }

        // 9 bytes of SHA-256: 12 characters, enough that two scopes of one list do not meet by chance.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return new CursorList(name, Base64Url.EncodeToString(hash.AsSpan(0, 9)));
    }

    /// <summary>The cursor of the item at <paramref name="key"/> in this list.</summary>
    public string Encode(SortKey key)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(Version);
            json.WriteStringValue(Name);
            json.WriteStringValue(Scope);
            json.WriteStartArray();
            foreach (var part in key.Parts)
            {
                if (part is long number)
                {
                    json.WriteNumberValue(number);
                }
                else
                {
                    json.WriteStringValue((string)part);
                }
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// The key an <c>after</c> cursor points at (null without one). A cursor that is not one, of another version, of
    /// another list or of another shape than <paramref name="shape"/> (when given) is a BAD_USER_INPUT error on <c>after</c> that
    /// says what was wrong and what is allowed.
    /// </summary>
    public SortKey? Decode(string? after, string? shape)
    {
        if (after is null)
        {
            return null;
        }

        var (version, name, scope, key) = Read(after);
        if (version != Version)
        {
            throw Refused($"The cursor given as after is of format '{Shorten(version)}'; this server reads '{Version}' cursors only. Start again without after (the first page) and use the cursors it returns.");
        }

        if (name != Name)
        {
            throw Refused($"The cursor given as after belongs to the list '{Shorten(name)}', not to '{Name}'. after takes a cursor returned by this same field ('{Name}': an edge's cursor or pageInfo.endCursor), or omit after for the first page.");
        }

        if (scope != Scope)
        {
            throw Refused($"The cursor given as after belongs to '{Name}' with other arguments or of another parent. A cursor continues only the list it came from: repeat the arguments of the request that returned it (first may change), or omit after for the first page.");
        }

        if (shape is not null && key.Shape != shape)
        {
            throw Malformed(after);
        }

        return key;
    }

    private static (string Version, string Name, string Scope, SortKey Key) Read(string cursor)
    {
        if (cursor.Length > MaxCursorLength)
        {
            throw Refused($"Malformed cursor for after: {cursor.Length} characters, longer than any cursor ({MaxCursorLength}). Pass a cursor exactly as returned in an edge's cursor or in pageInfo.endCursor.");
        }

        if (IsOffsetCursor(cursor))
        {
            throw Refused($"The cursor '{cursor}' given as after is an old position cursor, which is no longer accepted (cursors are now keys of their list, format '{Version}'). Start again without after (the first page) and use the cursors it returns.");
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), s_readOptions);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 4
                && root[0].ValueKind == JsonValueKind.String && root[1].ValueKind == JsonValueKind.String
                && root[2].ValueKind == JsonValueKind.String && root[3].ValueKind == JsonValueKind.Array)
            {
                var parts = new List<object>();
                foreach (var part in root[3].EnumerateArray())
                {
                    switch (part.ValueKind)
                    {
                        case JsonValueKind.String:
                            parts.Add(part.GetString()!);
                            break;
                        case JsonValueKind.Number when part.TryGetInt64(out var number):
                            parts.Add(number);
                            break;
                        default:
                            throw Malformed(cursor);
                    }
                }

                return (root[0].GetString()!, root[1].GetString()!, root[2].GetString()!, SortKey.Of([.. parts]));
            }
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // A JSON string that is not valid UTF-8.
        }

        throw Malformed(cursor);
    }

    /// <summary>True for the cursors handed out before keyed cursors: standard base64 of <c>cursor:N</c>.</summary>
    private static bool IsOffsetCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("cursor:", StringComparison.Ordinal) && text.Length > 7 && text.AsSpan(7).IndexOfAnyExceptInRange('0', '9') < 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static InvalidArgumentException Malformed(string cursor) =>
        Refused($"Malformed cursor '{Shorten(cursor)}' for after. Pass a cursor exactly as returned in an edge's cursor or in pageInfo.endCursor of this same field, or omit after for the first page.");

    private static InvalidArgumentException Refused(string message) => new("after", message);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>Writes an argument value in one canonical form, so equal arguments give equal scopes.</summary>
    private static void Canonical(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append(JsonSerializer.Serialize(s));
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case IFormattable number and (int or long or double or float or decimal):
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary<string, object?> map:
                text.Append('{');
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonSerializer.Serialize(key)).Append(':');
                    Canonical(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Canonical(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                // Enums and scalars such as PartialDate: their invariant text says what they are.
                text.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
