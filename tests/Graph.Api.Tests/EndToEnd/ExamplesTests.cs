using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.Api.Tests.EndToEnd;

public sealed class ExamplesTests(ApiServer server) : IClassFixture<ApiServer>
{
    /// <summary>
    /// Fields an example selects that the seed data leaves empty, each with the reason; every other selected field must
    /// show a value at least once. The list is checked too: an entry that is no longer empty must be removed.
    /// </summary>
    private static readonly Dictionary<string, string> s_emptyByDesign = new()
    {
        ["Who deployed what where: actor.deployed.nodes.facts.count"] = "the seed documents give no head count for North Korea's deployments; the example shows where figures go",
        ["Who deployed what where: actor.deployed.nodes.facts.countMin"] = "as count: no range is given",
        ["Who deployed what where: actor.deployed.nodes.facts.countMax"] = "as count: no range is given",
        ["Review queue: proposals.nodes.attributedTo"] = "the document ingested by the earlier example credits no source",
        ["Review queue: proposals.nodes.attributedTo.name"] = "as attributedTo",
        ["Review queue: rulePrecision.precision"] = "no proposal is decided yet when the queue is listed, so no rule has a precision",
    };

    [Fact]
    public async Task Every_served_example_runs_without_errors_and_each_field_it_selects_comes_back_non_empty()
    {
        var examples = await server.Client.GetFromJsonAsync<JsonArray>("playground/examples.json", TestContext.Current.CancellationToken);
        Assert.NotNull(examples);
        Assert.True(examples.Count >= 6);
        var problems = new List<string>();
        var empty = new List<string>();
        foreach (var example in examples)
        {
            var variables = example!["variables"]?.Deserialize<Dictionary<string, object?>>();
            var query = (string)example["query"]!;
            // Mutation examples run as the analyst who holds the key would run them.
            var response = await server.PostAsync(query, variables, query.TrimStart().StartsWith("mutation", StringComparison.Ordinal) ? ApiServer.Key : null);
            Assert.True(response.Errors.Count == 0 && response.Status == 200, $"{example["title"]}: {response.Text}");
            foreach (var path in EmptyFields(Parser.Parse(query), response.Data!))
            {
                var key = $"{example["title"]}: {path}";
                empty.Add(key);
                if (!s_emptyByDesign.ContainsKey(key))
                {
                    problems.Add($"{key} is null or empty everywhere in {response.Text}");
                }
            }
        }

        problems.AddRange(s_emptyByDesign.Keys.Except(empty).Select(k => $"{k} is listed as empty by design but now has data: remove it from the list."));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_emptiness_check_catches_a_null_root_field_and_an_empty_list()
    {
        var document = Parser.Parse("{ actor(name: \"x\") { name relationships { nodes { type } } } }");
        Assert.Equal("actor", EmptyFields(document, JsonNode.Parse("""{"actor": null}""")!)[0]);
        Assert.Equal(["actor.relationships.nodes", "actor.relationships.nodes.type"],
            EmptyFields(document, JsonNode.Parse("""{"actor": {"name": "X", "relationships": {"nodes": []}}}""")!));
        Assert.Empty(EmptyFields(document, JsonNode.Parse("""{"actor": {"name": "X", "relationships": {"nodes": [{"type": "A"}, {"type": null}]}}}""")!));
    }

    [Fact]
    public async Task The_paths_example_reaches_Resolution_2397()
    {
        var examples = await server.Client.GetFromJsonAsync<JsonArray>("playground/examples.json", TestContext.Current.CancellationToken);
        var paths = examples!.First(e => ((string)e!["title"]!).Contains("2397", StringComparison.Ordinal))!;
        var response = (await server.PostAsync((string)paths["query"]!)).AssertOk();
        Assert.Contains("Resolution 2397", response.Text);
    }

    /// <summary>
    /// The selected field paths (<c>actor.relationships.nodes.type</c>) that are null, an empty list or an empty string at
    /// every place they occur in the data: a field the example asks for must show something at least once.
    /// </summary>
    private static List<string> EmptyFields(DocumentNode document, JsonNode data)
    {
        var fragments = document.Definitions.OfType<FragmentDefinitionNode>().ToDictionary(f => f.Name.Value);
        var operation = document.Definitions.OfType<OperationDefinitionNode>().Single();
        var empty = new List<string>();
        Walk(operation.SelectionSet, [data], "");
        return empty;

        void Walk(SelectionSetNode selections, List<JsonNode> parents, string prefix)
        {
            foreach (var field in Fields(selections))
            {
                var path = prefix + field.ResponseName;
                var values = new List<JsonNode>();
                foreach (var parent in parents)
                {
                    if (parent is JsonObject o && o.TryGetPropertyValue(field.ResponseName, out var value) && value is not null)
                    {
                        Flatten(value, values);
                    }
                }

                if (values.Count == 0)
                {
                    empty.Add(path);
                }

                if (field.SelectionSet is { } children)
                {
                    Walk(children, values, path + ".");
                }
            }
        }

        IEnumerable<FieldNode> Fields(SelectionSetNode selections)
        {
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case FieldNode field when field.Name.Value != "__typename":
                        yield return field;
                        break;
                    case InlineFragmentNode inline:
                        foreach (var inner in Fields(inline.SelectionSet))
                        {
                            yield return inner;
                        }

                        break;
                    case FragmentSpreadNode spread:
                        foreach (var inner in Fields(fragments[spread.Name.Value].SelectionSet))
                        {
                            yield return inner;
                        }

                        break;
                }
            }
        }

        static void Flatten(JsonNode value, List<JsonNode> into)
        {
            switch (value)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            Flatten(item, into);
                        }
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text) && text.Length == 0:
                    break;
                default:
                    into.Add(value);
                    break;
            }
        }
    }
}
