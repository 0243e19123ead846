using System.Collections;
using System.Text.Json;
using Graph.GraphQL.Error;

namespace Graph.GraphQL.Execution;

/// <summary>
/// The response of a request (spec 7.1): <see cref="Data"/> (absent when the request failed before execution),
/// <see cref="Errors"/> and <see cref="Extensions"/>.
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>The result of the operation; null when execution did not start or the root was nulled by an error.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; init; }

    /// <summary>True when execution started, so the response carries a "data" entry (possibly null).</summary>
    public bool IsDataPresent { get; init; }

    /// <summary>Errors raised while parsing, validating or executing; null when there were none.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; init; }

    /// <summary>Extra response entries (e.g. tracing); created on demand.</summary>
    public IDictionary<string, object?>? Extensions { get; set; }

    /// <summary>
    /// For a subscription that started: its response stream, one result per event (the result itself then has no data
    /// and no errors). The receiver enumerates or disposes it.
    /// </summary>
    public ResponseStream? Stream { get; init; }

    /// <summary>A result for a request that failed before execution (no "data" entry).</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors, IsDataPresent = false };

    /// <summary>A result for a request that failed before execution with one error.</summary>
    public static ExecutionResult FromError(GraphQLError error) => FromErrors([error]);

    /// <summary>The response as JSON text.</summary>
    public string ToJson(bool indented = false) => ExecutionResultJsonWriter.ToJson(this, indented);
}

/// <summary>
/// An object in the result: response keys (shared by every object of one selection plan) and their values, in
/// selection order. Read-only dictionary semantics.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    internal ResultMap(string[] keys, object?[] values, JsonEncodedText[]? encodedKeys = null)
    {
        _keys = keys;
        _values = values;
        EncodedKeyArray = encodedKeys;
    }

    /// <summary>Number of entries.</summary>
    public int Count => _keys.Length;

    /// <summary>Keys in selection order.</summary>
    public IEnumerable<string> Keys => _keys;

    /// <summary>Values in selection order.</summary>
    public IEnumerable<object?> Values => _values;

    internal string[] KeyArray => _keys;

    internal object?[] ValueArray => _values;

    /// <summary>The keys pre-encoded for <see cref="Utf8JsonWriter"/>, when the executor made this map.</summary>
    internal JsonEncodedText[]? EncodedKeyArray { get; }

    /// <summary>The value for a response key.</summary>
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The result has no key \"{key}\".");

    /// <summary>True when the key is present.</summary>
    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    /// <summary>Finds a value by key.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    /// <summary>Entries in selection order.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
