using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Core.Ontology;
using Graph.Storage.Neo4j.Store;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>The Bloom perspective in cypher/bloom: the shape Bloom exports, every kind and type, and Cypher that passes the linter.</summary>
public sealed partial class BloomPerspectiveTests
{
    private static readonly JsonElement s_perspective =
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("cypher", "bloom", "relationship-explorer.perspective.json"))).RootElement;

    [Fact]
    public void It_has_the_top_level_sections_of_an_exported_perspective()
    {
        foreach (var key in new[] { "name", "id", "categories", "labels", "relationshipTypes", "palette", "templates", "sceneActions", "metadata", "version" })
        {
            Assert.True(s_perspective.TryGetProperty(key, out _), $"The perspective has no '{key}'.");
        }

        Assert.Equal(JsonValueKind.Array, s_perspective.GetProperty("palette").GetProperty("colors").ValueKind);
        Assert.True(s_perspective.GetProperty("metadata").GetProperty("pathSegments").GetArrayLength() > 0);
    }

    [Fact]
    public void Every_node_kind_has_a_category_captioned_by_name_with_its_own_colour_and_icon()
    {
        var categories = s_perspective.GetProperty("categories").EnumerateArray().ToList();
        foreach (var kind in GraphOntology.Kinds.Select(GraphProperties.Label))
        {
            var category = Assert.Single(categories, c => c.GetProperty("labels").EnumerateArray().Any(l => l.GetString() == kind));
            Assert.Equal(["name"], category.GetProperty("captionKeys").EnumerateArray().Select(k => k.GetString()));
            foreach (var key in new[] { "color", "icon", "size", "styleRules", "properties" })
            {
                Assert.True(category.TryGetProperty(key, out _), $"Category {kind} has no '{key}'.");
            }
        }

        Assert.Equal(categories.Count, categories.Select(c => c.GetProperty("color").GetString()).Distinct().Count());
        Assert.Equal(categories.Count, categories.Select(c => c.GetProperty("icon").GetString()).Distinct().Count());
        Assert.Equal(categories.Count, categories.Select(c => c.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(categories.SelectMany(c => c.GetProperty("labels").EnumerateArray()), l => Assert.Contains(l.GetString()!, Neo4jGraphSchema.Labels));
    }

    [Fact]
    public void Every_relationship_type_is_listed()
    {
        var listed = s_perspective.GetProperty("relationshipTypes").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(Neo4jGraphSchema.RelationshipTypes.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_phrases_cover_the_analyst_questions_and_declare_their_parameters()
    {
        var templates = s_perspective.GetProperty("templates").EnumerateArray().ToList();
        foreach (var phrase in new[] { "Path between", "Who reported on", "Violations of", "Deployments by", "What does" })
        {
            Assert.Contains(templates, t => t.GetProperty("text").GetString()!.StartsWith(phrase, StringComparison.Ordinal));
        }

        foreach (var template in templates)
        {
            var declared = template.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet();
            var used = Parameter().Matches(template.GetProperty("cypher").GetString()!).Select(m => m.Groups[1].Value).ToHashSet();
            var inText = Parameter().Matches(template.GetProperty("text").GetString()!).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Equal(declared, used);
            Assert.Equal(declared, inText);
        }
    }

    [Fact]
    public void Scene_actions_expand_with_evidence_and_find_a_shortest_path_between_selected_actors()
    {
        var actions = s_perspective.GetProperty("sceneActions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("name").GetString() == "Expand with evidence" && a.GetProperty("cypher").GetString()!.Contains("$nodes", StringComparison.Ordinal));
        Assert.Contains(actions, a => a.GetProperty("name").GetString()!.StartsWith("Shortest path", StringComparison.Ordinal) && a.GetProperty("cypher").GetString()!.Contains("shortestPath(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task All_its_Cypher_passes_the_Neo4j_linter()
    {
        var items = new List<LintItem>();
        foreach (var template in s_perspective.GetProperty("templates").EnumerateArray())
        {
            var parameters = new JsonObject();
            foreach (var p in template.GetProperty("params").EnumerateArray())
            {
                parameters[p.GetProperty("name").GetString()!] = "example";
            }

            items.Add(new LintItem("search phrase: " + template.GetProperty("text").GetString(), template.GetProperty("cypher").GetString()!, parameters));
        }

        foreach (var action in s_perspective.GetProperty("sceneActions").EnumerateArray())
        {
            // Bloom passes the selection as lists of element ids.
            items.Add(new LintItem("scene action: " + action.GetProperty("name").GetString(), action.GetProperty("cypher").GetString()!,
                new JsonObject { ["nodes"] = new JsonArray("4:x:1", "4:x:2"), ["relationships"] = new JsonArray("5:x:1") }));
        }

        var diagnostics = await CypherLinter.LintAsync(items);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex Parameter();
}
