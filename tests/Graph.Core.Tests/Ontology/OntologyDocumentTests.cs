using System.Text.RegularExpressions;
using Graph.Core.Ontology;

namespace Graph.Core.Tests.Ontology;

/// <summary>docs/ontology.md and GraphOntology.cs say the same: the same node kinds, relationship types, directions and symmetry.</summary>
public sealed partial class OntologyDocumentTests
{
    private static readonly string s_document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "ontology.md"));

    [Fact]
    public void The_document_lists_exactly_the_node_kinds_of_the_code()
    {
        var section = Section("## Node kinds");
        var documented = TableRows(section).Select(r => r[0]).Where(k => k != "kind").ToHashSet();
        Assert.Equal(GraphOntology.Kinds.Select(k => k.ToString()).ToHashSet(), documented);
    }

    [Fact]
    public void The_document_gives_every_relationship_type_the_direction_rule_of_the_code()
    {
        // A publisher's link to a document (PUBLISHED, Organization → Document) is provenance, not a relationship between
        // actors, so GraphOntology.cs does not hold it; every other row must be one of its rules.
        var rows = TableRows(Section("## Relationship types"))
            .Where(r => r[0] != "type" && !r[1].Contains("Document", StringComparison.Ordinal))
            .ToDictionary(r => r[0], r => r[1]);
        var problems = new List<string>();
        foreach (var rule in GraphOntology.Rules)
        {
            if (!rows.TryGetValue(rule.Name, out var direction))
            {
                problems.Add($"{rule.Name} is not in docs/ontology.md");
                continue;
            }

            var symmetric = direction.Contains('↔', StringComparison.Ordinal);
            var ends = direction.Split(symmetric ? '↔' : '→', StringSplitOptions.TrimEntries);
            if (symmetric != rule.Symmetric)
            {
                problems.Add($"{rule.Name}: the document says {(symmetric ? "symmetric" : "directed")}, the code {(rule.Symmetric ? "symmetric" : "directed")}");
            }

            if (!Kinds(ends[0]).SetEquals(rule.From) || !Kinds(ends[1]).SetEquals(rule.To))
            {
                problems.Add($"{rule.Name}: the document says '{direction}', the code {string.Join(", ", rule.From)} → {string.Join(", ", rule.To)}");
            }
        }

        problems.AddRange(rows.Keys.Except(GraphOntology.Rules.Select(r => r.Name)).Select(t => $"{t} is in docs/ontology.md but not in GraphOntology.cs"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>"State, Agency or Organization" or "Actor" (every kind), and "Actor or Conflict" is still every kind.</summary>
    private static HashSet<NodeKind> Kinds(string text)
    {
        var names = ListSeparator().Split(text).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return names.Contains("Actor") ? [.. GraphOntology.Kinds] : [.. names.Select(GraphOntology.ParseKind)];
    }

    private static string Section(string heading)
    {
        var start = s_document.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/ontology.md has no '{heading}' section");
        var end = s_document.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? s_document[start..] : s_document[start..end];
    }

    private static IEnumerable<string[]> TableRows(string section) =>
        section.Split('\n')
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());

    [GeneratedRegex(@",|\bor\b")]
    private static partial Regex ListSeparator();
}
