using System.Reflection;
using System.Text;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// The statements of <c>cypher/schema.cypher</c>, embedded in the assembly so the store creates exactly the schema
/// the repository documents (one source, no copy to drift).
/// </summary>
public static class SchemaScript
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
