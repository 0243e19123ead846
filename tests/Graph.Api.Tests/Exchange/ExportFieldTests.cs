using System.Xml.Linq;
using Graph.Api.Exchange;
using Graph.Api.Tests.EndToEnd;
using Graph.Ingest.Exchange;

namespace Graph.Api.Tests.Exchange;

/// <summary>
/// The <c>export</c> field over real HTTP on the seeded server: the files are the command line's files for the same
/// scope, they read back, and a bad scope is a coded error that leaves the answer's other fields standing.
/// </summary>
public sealed class ExportFieldTests(ApiServer server) : IClassFixture<ApiServer>, IDisposable
{
    private const string Files = "actorCount relationshipCount evidenceCount documentCount format files { name mediaType content }";

    private readonly string _folder = Directory.CreateTempSubdirectory("graph-export-field-tests-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Saves the answer's files under a folder, as a client saving a download would.</summary>
    private string Save(System.Text.Json.Nodes.JsonNode export, string name)
    {
        var root = Path.Combine(_folder, name);
        foreach (var file in export["files"]!.AsArray())
        {
            var path = Path.Combine(root, (string)file!["name"]!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, (string)file["content"]!);
        }

        return root;
    }

    [Fact]
    public async Task A_neighbourhood_as_csv_is_the_command_lines_files_and_reads_back()
    {
        var response = (await server.PostAsync($"{{ export(format: CSV, of: {{ neighbourhood: {{ actor: \"North Korea\", depth: 1 }} }}) {{ {Files} }} }}")).AssertOk();
        var export = response.Data!["export"]!;
        Assert.Equal("CSV", (string?)export["format"]);
        Assert.Equal(["graph/nodes.csv", "graph/relationships.csv"], export["files"]!.AsArray().Select(f => (string)f!["name"]!));
        Assert.All(export["files"]!.AsArray(), f => Assert.Equal("text/csv", (string?)f!["mediaType"]));

        var saved = Path.Combine(Save(export, "api"), "graph");
        var read = GraphExport.Read(Path.Combine(saved, Neo4jCsv.NodesFile));
        Assert.Equal((int)export["actorCount"]!, read.Actors.Count);
        Assert.Equal((int)export["relationshipCount"]!, read.Relationships.Count);
        Assert.Equal((int)export["evidenceCount"]!, read.Relationships.Sum(r => r.Evidence.Count));
        Assert.Contains(read.Actors, a => a.Id.Value == "state:north-korea");
        Assert.True(read.Relationships.Count > 5, $"North Korea's neighbourhood has only {read.Relationships.Count} relationships.");

        // Byte for byte what `export --format csv --neighbourhood "North Korea" --depth 1` writes.
        var cli = Path.Combine(_folder, "cli");
        var snapshot = await GraphExport.SelectAsync(server.Store, new ExportScope.Neighbourhood("North Korea", 1), Ct);
        GraphExport.Write(snapshot, ExchangeFormat.Csv, cli, "test");
        foreach (var name in new[] { Neo4jCsv.NodesFile, "relationships.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(cli, name), Ct), await File.ReadAllBytesAsync(Path.Combine(saved, name), Ct));
        }
    }

    [Fact]
    public async Task Paths_as_graphml_hold_the_path_and_parse()
    {
        var response = (await server.PostAsync($"{{ export(format: GRAPHML, of: {{ paths: {{ from: \"NIS\", to: \"Resolution 2397\" }} }}) {{ {Files} }} }}")).AssertOk();
        var export = response.Data!["export"]!;
        var file = Assert.Single(export["files"]!.AsArray())!;
        Assert.Equal("graph.graphml", (string?)file["name"]);
        Assert.Equal("application/xml", (string?)file["mediaType"]);
        var xml = XDocument.Parse((string)file["content"]!);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var nodes = xml.Descendants(g + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Equal((int)export["actorCount"]!, nodes.Count);
        Assert.Equal((int)export["relationshipCount"]!, xml.Descendants(g + "edge").Count());
        Assert.Contains("agency:national-intelligence-service", nodes);
        Assert.Contains("resolution:unsc-resolution-2397", nodes);
    }

    [Fact]
    public async Task A_documents_facts_as_json_bring_its_text_and_import()
    {
        var document = (await server.Store.GetDocumentsAsync(Ct))[0];
        var response = (await server.PostAsync($"query($d: ID!) {{ export(format: JSON, of: {{ document: $d }}) {{ {Files} }} }}", new { d = document.Id.Value })).AssertOk();
        var export = response.Data!["export"]!;
        var names = export["files"]!.AsArray().Select(f => (string)f!["name"]!).ToList();
        Assert.Equal("graph.json", names[0]);
        Assert.Contains(names, n => n.StartsWith("graph.texts/", StringComparison.Ordinal));
        Assert.Equal(1, (int)export["documentCount"]!);

        var read = GraphExport.Read(Path.Combine(Save(export, "facts"), "graph.json"));
        Assert.Equal(document.Text, Assert.Single(read.Documents).Text);
        Assert.Equal((int)export["relationshipCount"]!, read.Relationships.Count);
        Assert.All(read.Relationships, r => Assert.All(r.Evidence, e => Assert.Equal(document.Id, e.DocumentId)));
    }

    [Fact]
    public async Task Every_format_answers_for_a_scope()
    {
        foreach (var format in new[] { "GRAPHML", "GEXF", "CSV", "JSON", "CYPHER" })
        {
            var response = (await server.PostAsync($"{{ export(format: {format}, of: {{ neighbourhood: {{ actor: \"Russia\" }} }}) {{ format files {{ name content }} }} }}")).AssertOk();
            var files = response.Data!["export"]!["files"]!.AsArray();
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.False(string.IsNullOrWhiteSpace((string?)f!["content"]), $"{format}: {(string?)f!["name"]} is empty."));
        }
    }

    [Fact]
    public async Task An_unknown_actor_is_not_found_and_the_siblings_answer()
    {
        var response = await server.PostAsync("{ export(format: CSV, of: { neighbourhood: { actor: \"Atlantis\" } }) { format } stats { actors } }");
        Assert.Equal(200, response.Status);
        Assert.Null(response.Data!["export"]);
        Assert.True((int)response.Data["stats"]!["actors"]! > 0, response.Text);
        Assert.Equal("NOT_FOUND", response.Code);
        Assert.Contains("Atlantis", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_depth_out_of_range_says_what_is_allowed()
    {
        var response = await server.PostAsync("{ export(format: CSV, of: { neighbourhood: { actor: \"Russia\", depth: 9 } }) { format } }");
        Assert.Null(response.Data!["export"]);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Contains("depth must be between 1 and 4", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_scopes_at_once_are_refused_by_validation()
    {
        var response = await server.PostAsync("{ export(format: CSV, of: { neighbourhood: { actor: \"Russia\" }, document: \"doc:x\" }) { format } }");
        Assert.Null(response.Data);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.Code);
        Assert.Contains("ExportScope", response.Message, StringComparison.Ordinal);
    }
}
