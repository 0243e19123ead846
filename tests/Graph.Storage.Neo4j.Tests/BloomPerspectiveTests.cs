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
    public void It_has_the_structure_of_a_real_Bloom_export()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("cypher", "bloom", "perspective.schema.json"))).RootElement;
        var errors = new List<string>();
        StructureCheck.Validate(schema, schema, s_perspective, "$", errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(40)));
    }

    [Fact]
    public void The_structure_check_refuses_what_real_exports_do_not_have()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Of("cypher", "bloom", "perspective.schema.json"))).RootElement;
        var broken = JsonNode.Parse(s_perspective.GetRawText())!;
        broken["templates"]![0]!["params"]![0]!["name"] = "actor";                 // Bloom binds "$actor"
        broken["categories"]![0]!["icon"] = "flag";                                // not an icon Bloom has
        broken["categories"]![0]!["properties"]![0]!["dataType"] = "String";       // exports write "string"
        broken["sceneActions"]![0]!["availability"] = "nodes";                     // no such field
        var errors = new List<string>();
        StructureCheck.Validate(schema, schema, JsonDocument.Parse(broken.ToJsonString()).RootElement, "$", errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Every_node_kind_has_a_category_captioned_by_name_with_its_own_colour_and_icon()
    {
        var categories = s_perspective.GetProperty("categories").EnumerateArray().ToList();
        foreach (var kind in GraphOntology.Kinds.Select(GraphProperties.Label))
        {
            var category = Assert.Single(categories, c => c.GetProperty("labels").EnumerateArray().Any(l => l.GetString() == kind));
            Assert.Equal(["name"], category.GetProperty("captionKeys").EnumerateArray().Select(k => k.GetString()));
            Assert.Contains(category.GetProperty("captions").EnumerateArray(), c => c.GetProperty("key").GetString() == "name" && c.GetProperty("isCaption").GetBoolean());
        }

        Assert.Equal(categories.Count, categories.Select(c => c.GetProperty("color").GetString()).Distinct().Count());
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
        foreach (var phrase in new[] { "Neighbourhood of", "Path between", "Who reported on", "Conflicting figures about", "Violations of", "Deployments by", "What does" })
        {
            Assert.Contains(templates, t => t.GetProperty("text").GetString()!.StartsWith(phrase, StringComparison.Ordinal));
        }

        foreach (var template in templates)
        {
            // Bloom names a parameter as it appears in the phrase and the Cypher: "$actor".
            var declared = template.GetProperty("params").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.TrimStart('$')).ToHashSet();
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
                parameters[p.GetProperty("name").GetString()!.TrimStart('$')] = "example";
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
