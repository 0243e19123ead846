using System.Text.Json;

namespace Graph.Storage.Neo4j.Http;

/// <summary>A Cypher statement and its parameters. Every value travels as a parameter, never inside the text.</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>A statement without parameters.</summary>
    public CypherStatement(string text)
        : this(text, new Dictionary<string, object?>())
    {
    }
}

/// <summary>The rows one statement returned, with its column names.</summary>
public sealed class CypherResult(IReadOnlyList<string> fields, IReadOnlyList<JsonElement[]> rows)
{
    public static readonly CypherResult Empty = new([], []);

    public IReadOnlyList<string> Fields { get; } = fields;

    public IReadOnlyList<JsonElement[]> Rows { get; } = rows;

    /// <summary>The rows as records addressed by column name.</summary>
    public IEnumerable<CypherRecord> Records
    {
        get
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Fields.Count; i++)
            {
                index[Fields[i]] = i;
            }

            foreach (var row in Rows)
            {
                yield return new CypherRecord(index, row);
            }
        }
    }

    /// <summary>
    /// The single record, or null when there is none (not <c>Records.FirstOrDefault()</c>: the record is a struct, so
    /// that would be a default record, not null).
    /// </summary>
    public CypherRecord? SingleOrDefault() => Rows.Count == 0 ? null : Records.First();
}

/// <summary>One row, addressed by column name.</summary>
public readonly struct CypherRecord(IReadOnlyDictionary<string, int> index, JsonElement[] values)
{
    public JsonElement this[string field] =>
        index.TryGetValue(field, out var i) && i < values.Length
            ? values[i]
            : throw new Neo4jException(Neo4jErrorKind.Protocol, null, $"The result has no column '{field}'; columns: {string.Join(", ", index.Keys)}.");
}
