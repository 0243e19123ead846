using System.Text.RegularExpressions;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The Neo4j 5 setting names kept in deploy/neo4j-5-settings.txt (with where they came from), and the neo4j image's
/// rule for turning a NEO4J_* environment variable into a setting: drop the prefix, '_' becomes '.', '__' becomes '_'.
/// </summary>
internal sealed class Neo4jSettings
{
    public const string FileName = "deploy/neo4j-5-settings.txt";

    private readonly HashSet<string> _settings;
    private readonly List<Regex> _patterns;
    private readonly HashSet<string> _imageVariables;

    private Neo4jSettings(HashSet<string> settings, List<Regex> patterns, HashSet<string> imageVariables) =>
        (_settings, _patterns, _imageVariables) = (settings, patterns, imageVariables);

    public int Count => _settings.Count + _patterns.Count;

    public static Neo4jSettings Load()
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new List<Regex>();
        var imageVariables = new HashSet<string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var raw in File.ReadLines(RepositoryPaths.Of("deploy", "neo4j-5-settings.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                section = line;
                continue;
            }

            switch (section)
            {
                case "[settings]" when line.Contains('<', StringComparison.Ordinal):
                    // <provider> and <scope> stand for one segment the operator names.
                    patterns.Add(new Regex("^" + Regex.Replace(Regex.Escape(line), @"<[a-z]+>", "[a-z0-9_-]+") + "$", RegexOptions.CultureInvariant));
                    break;
                case "[settings]":
                    settings.Add(line);
                    break;
                case "[image-variables]":
                    imageVariables.Add(line);
                    break;
                default:
                    throw new InvalidDataException($"{FileName}: '{line}' is outside a [settings] or [image-variables] section.");
            }
        }

        return new Neo4jSettings(settings, patterns, imageVariables);
    }

    /// <summary>The setting the image writes for a NEO4J_* variable, as its entrypoint does.</summary>
    public static string SettingOf(string variable) =>
        variable["NEO4J_".Length..].Replace("_", ".", StringComparison.Ordinal).Replace("..", "_", StringComparison.Ordinal);

    /// <summary>True when the neo4j image reads the variable itself or Neo4j 5 knows the setting it becomes.</summary>
    public bool Accepts(string variable)
    {
        if (_imageVariables.Contains(variable))
        {
            return true;
        }

        var setting = SettingOf(variable);
        return _settings.Contains(setting) || _patterns.Any(p => p.IsMatch(setting));
    }
}
