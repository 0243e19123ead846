using System.Text.Json;
using System.Text.RegularExpressions;

namespace Graph.GraphQL.Tests.Differential;

/// <summary>One operation of the corpus with graphql-js's outcome for it.</summary>
/// <param name="Name">group/name, as in the corpus file.</param>
/// <param name="Schema">kitchen-sink or query-only.</param>
/// <param name="Document">The document text, exactly as graphql-js parsed it.</param>
/// <param name="Variables">The variables object, or null.</param>
/// <param name="OperationName">The operation to run, or null.</param>
/// <param name="Rules">Validation rules that graphql-js reports for the document ("syntax" for a parse error).</param>
/// <param name="Result">graphql-js's response: { errors?, data? }, or {} for a valid subscription (validated only).</param>
public sealed record ReferenceCase(
    string Name,
    string Schema,
    string Document,
    JsonElement? Variables,
    string? OperationName,
    IReadOnlyList<string> Rules,
    JsonElement Result);

/// <summary>
/// The differential corpus: names are read from the files (so test cases exist before anything
/// runs); graphql-js's outcomes come from one run of run-operations.mjs over the whole corpus.
/// </summary>
public static partial class ReferenceCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceCase>> s_cases = new(RunGraphQLJs);

    /// <summary>The case names, group/name, in corpus order.</summary>
    public static IEnumerable<string> Names()
    {
        foreach (var file in Directory.GetFiles(GraphQLJs.CorpusDirectory, "*.graphql").Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadLines(file))
            {
                var header = Header().Match(line);
                if (header.Success)
                {
                    yield return group + "/" + header.Groups[1].Value;
                }
            }
        }
    }

    /// <summary>graphql-js's outcome for a case.</summary>
    public static ReferenceCase Get(string name) =>
        s_cases.Value.TryGetValue(name, out var found)
            ? found
            : throw new InvalidOperationException($"run-operations.mjs printed no case named {name}.");

    private static IReadOnlyDictionary<string, ReferenceCase> RunGraphQLJs()
    {
        var (_, output) = GraphQLJs.Run("run-operations.mjs", [GraphQLJs.CorpusDirectory]);
        using var json = JsonDocument.Parse(output);
        var cases = new Dictionary<string, ReferenceCase>(StringComparer.Ordinal);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var variables = item.GetProperty("variables");
            var operationName = item.GetProperty("operationName");
            var reference = new ReferenceCase(
                item.GetProperty("name").GetString()!,
                item.GetProperty("schema").GetString()!,
                item.GetProperty("document").GetString()!,
                variables.ValueKind == JsonValueKind.Null ? null : variables.Clone(),
                operationName.ValueKind == JsonValueKind.Null ? null : operationName.GetString(),
                [.. item.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!)],
                item.GetProperty("result").Clone());
            cases.Add(reference.Name, reference);
        }

        return cases;
    }

    [GeneratedRegex(@"^### (\S+)\s*$")]
    private static partial Regex Header();
}
