using System.Text.Json.Nodes;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary>
/// Walks the served schema through introspection: among types that can meet in one selection (an interface with its
/// implementations, a union with its members) one field name has one type, so `... on A { f } ... on B { f }` is valid.
/// </summary>
public sealed class FieldNameConflictTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string Introspection = """
        { __schema { types { kind name
            fields { name type { ...T } }
            interfaces { name }
            possibleTypes { name } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    [Fact]
    public async Task No_field_name_has_two_types_among_types_that_meet_in_one_selection()
    {
        var response = (await server.PostAsync(Introspection)).AssertOk();
        var types = response.Data!["__schema"]!["types"]!.AsArray().Select(t => t!.AsObject()).ToDictionary(t => (string)t["name"]!);
        var groups = types.Values
            .Where(t => (string?)t["kind"] is "INTERFACE" or "UNION")
            .Select(t => (Name: (string)t["name"]!, Members: new[] { (string)t["name"]! }.Concat(t["possibleTypes"]!.AsArray().Select(p => (string)p!["name"]!)).ToList()))
            .ToList();
        Assert.NotEmpty(groups);

        var conflicts = new List<string>();
        foreach (var (group, members) in groups)
        {
            var byField = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                foreach (var field in types[member]["fields"]?.AsArray() ?? [])
                {
                    var name = (string)field!["name"]!;
                    var type = Render(field["type"]!);
                    var seen = byField.TryGetValue(name, out var s) ? s : byField[name] = new(StringComparer.Ordinal);
                    (seen.TryGetValue(type, out var owners) ? owners : seen[type] = []).Add(member);
                }
            }

            conflicts.AddRange(byField.Where(f => f.Value.Count > 1).Select(f =>
                $"{group}: `{f.Key}` is " + string.Join(" but ", f.Value.Select(v => $"{v.Key} on {string.Join(", ", v.Value)}"))));
        }

        Assert.True(conflicts.Count == 0, "Field names with two types among types that meet in one selection:\n" + string.Join("\n", conflicts));
    }

    [Fact]
    public async Task The_check_sees_a_conflict_when_one_exists()
    {
        // The walk must compare wrapped types, not only names: Node's members include types with `id: ID!`.
        var response = (await server.PostAsync(Introspection)).AssertOk();
        var node = response.Data!["__schema"]!["types"]!.AsArray().Single(t => (string?)t!["name"] == "Node")!;
        Assert.True(node["possibleTypes"]!.AsArray().Count >= 9);
        Assert.Equal("ID!", Render(node["fields"]!.AsArray().Single(f => (string?)f!["name"] == "id")!["type"]!));
    }

    private static string Render(JsonNode type) => (string?)type["kind"] switch
    {
        "NON_NULL" => Render(type["ofType"]!) + "!",
        "LIST" => "[" + Render(type["ofType"]!) + "]",
        _ => (string)type["name"]!,
    };
}
