using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The statements of <c>cypher/schema.cypher</c>, embedded in the assembly so the store creates exactly the schema
/// the repository documents (one source, no copy to drift).
/// </summary>
public static partial class SchemaScript
{
    private const string ResourceName = "Graph.Storage.Neo4j.schema.cypher";

    /// <summary>The script's text.</summary>
    public static string Text()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The statements, without comments, in order.</summary>
    public static IReadOnlyList<string> Statements() => Split(Text());

    /// <summary>The constraints and indexes (every <c>CREATE</c> and <c>DROP</c>): cheap and guarded, run on every connect.</summary>
    public static IReadOnlyList<string> Definitions() => [.. Statements().Where(IsDefinition)];

    /// <summary>
    /// The data migrations and, last, the statement that writes the schema version marker: run only on a database
    /// whose marker is missing or older than <see cref="Version"/>.
    /// </summary>
    public static IReadOnlyList<string> Migrations() => [.. Statements().Where(s => !IsDefinition(s))];

    /// <summary>The schema version the script's last statement writes on the marker node.</summary>
    public static long Version()
    {
        var marker = Statements()[^1];
        var match = VersionAssignment().Match(marker);
        return match.Success && marker.StartsWith("MERGE (g:GraphSchema {key: 'graph'})", StringComparison.Ordinal)
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The last statement of schema.cypher must write the schema version marker, not: {marker}");
    }

    private static bool IsDefinition(string statement) =>
        statement.StartsWith("CREATE ", StringComparison.Ordinal) || statement.StartsWith("DROP ", StringComparison.Ordinal);

    [GeneratedRegex(@"SET g\.version = (\d+)$")]
    private static partial Regex VersionAssignment();

    /// <summary>Splits a script into statements at semicolons that end a line; drops <c>//</c> comment lines.</summary>
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var trimmed = line.TrimEnd();
            if (trimmed.EndsWith(';'))
            {
                current.Append(trimmed[..^1]);
                Flush();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }

        Flush();
        return statements;

        void Flush()
        {
            var text = current.ToString().Trim();
            if (text.Length > 0)
            {
                statements.Add(text);
            }

            current.Clear();
        }
    }
}
