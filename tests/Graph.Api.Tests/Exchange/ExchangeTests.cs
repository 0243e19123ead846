using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Graph.Api.Exchange;
using Graph.Api.Tests.EndToEnd;
using Graph.Core.Store;
using Graph.Ingest.Exchange;
using Graph.Ingest.Knowledge;
using Graph.Storage.Embedded;
using Graph.Storage.Neo4j.Store;
using Graph.Testing;

namespace Graph.Api.Tests.Exchange;

/// <summary>
/// Export and import over real SQLite files: the formats read back (knowledge JSON, neo4j-admin CSV) round-trip to
/// identical files; the export-only ones (GraphML, GEXF, Cypher) are deterministic and valid (XML parsed and its keys
/// checked; the Cypher linted by Neo4j's linter).
/// </summary>
public sealed class ExchangeTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graph-exchange-tests", Guid.NewGuid().ToString("N"));

    private static string SeedPath => Path.Combine(ApiServer.RepositoryRoot, "data", "knowledge", "seed-knowledge.json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("json", "graph.json")]
    [InlineData("csv", "csv")]
    public async Task Export_import_into_an_empty_store_and_export_again_gives_identical_files(string format, string name)
    {
        await using var seeded = await OpenAsync("seeded.db");
        await seeded.ImportAsync(KnowledgeFile.Load(SeedPath), cancellationToken: Ct);
        var first = Path.Combine(_folder, "first", name);
        var firstFiles = GraphExport.Write(await GraphExport.SelectAsync(seeded, new ExportScope.Whole(), Ct), ExchangeFormats.Parse(format), first, "test");

        await using var empty = await OpenAsync("empty.db");
        var read = GraphExport.Read(format == "csv" ? Path.Combine(first, Neo4jCsv.NodesFile) : first);
        await empty.ImportAsync(read, cancellationToken: Ct);
        var second = Path.Combine(_folder, "second", name);
        var secondFiles = GraphExport.Write(await GraphExport.SelectAsync(empty, new ExportScope.Whole(), Ct), ExchangeFormats.Parse(format), second, "test");

        Assert.Equal(firstFiles.Count, secondFiles.Count);
        Assert.True(firstFiles.Count >= 2);
        for (var i = 0; i < firstFiles.Count; i++)
        {
            Assert.Equal(Path.GetRelativePath(Path.Combine(_folder, "first"), firstFiles[i]), Path.GetRelativePath(Path.Combine(_folder, "second"), secondFiles[i]));
            Assert.Equal(await File.ReadAllBytesAsync(firstFiles[i], Ct), await File.ReadAllBytesAsync(secondFiles[i], Ct));
        }

        // And the store read back holds what the seed holds.
        var original = await seeded.GetStatsAsync(Ct);
        var copy = await empty.GetStatsAsync(Ct);
        Assert.Equal(original.Actors, copy.Actors);
        Assert.Equal(original.Relationships, copy.Relationships);
        Assert.Equal(original.Evidence, copy.Evidence);
        Assert.Equal(original.Documents, copy.Documents);
    }

    [Fact]
    public async Task GraphML_is_deterministic_declares_every_key_with_its_type_and_links_known_nodes()
    {
        var (first, second, snapshot) = await ExportTwiceAsync("graphml", "graph.graphml");
        Assert.Equal(first, second);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var doc = XDocument.Parse(first);
        var keys = doc.Root!.Elements(ns + "key").ToDictionary(k => (string)k.Attribute("id")!, k => ((string)k.Attribute("for")!, (string?)k.Attribute("attr.type")));
        Assert.All(keys.Values, k => Assert.Contains(k.Item2, new[] { "string", "double", "int", "boolean", "long", "float" }));
        var graph = doc.Root.Element(ns + "graph")!;
        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        var nodes = graph.Elements(ns + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Equal(nodes.Count, nodes.Distinct().Count());
        Assert.Equal(snapshot.Actors.Count, nodes.Count);
        var edges = graph.Elements(ns + "edge").ToList();
        Assert.Equal(snapshot.Relationships.Count, edges.Count);
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("source")!, nodes));
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("target")!, nodes));
        Assert.All(graph.Descendants(ns + "data"), d =>
        {
            var key = (string)d.Attribute("key")!;
            Assert.True(keys.ContainsKey(key), $"data key '{key}' is not declared");
            Assert.Equal(d.Parent!.Name.LocalName, keys[key].Item1);
        });
        Assert.All(graph.Descendants(ns + "data").Where(d => keys[(string)d.Attribute("key")!].Item2 == "double"), d => double.Parse(d.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GEXF_1_3_is_deterministic_and_its_attribute_values_refer_to_declared_attributes()
    {
        var (first, second, snapshot) = await ExportTwiceAsync("gexf", "graph.gexf");
        Assert.Equal(first, second);
        XNamespace ns = GexfWriter.Ns;
        var doc = XDocument.Parse(first);
        Assert.Equal(ns + "gexf", doc.Root!.Name);
        Assert.Equal("1.3", (string?)doc.Root.Attribute("version"));
        var graph = doc.Root.Element(ns + "graph")!;
        var declared = graph.Elements(ns + "attributes").ToDictionary(a => (string)a.Attribute("class")!, a => a.Elements(ns + "attribute").Select(x => (string)x.Attribute("id")!).ToHashSet());
        var nodes = graph.Element(ns + "nodes")!.Elements(ns + "node").ToList();
        var edges = graph.Element(ns + "edges")!.Elements(ns + "edge").ToList();
        Assert.Equal(snapshot.Actors.Count, nodes.Count);
        Assert.Equal(snapshot.Relationships.Count, edges.Count);
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e => Assert.True(ids.Contains((string)e.Attribute("source")!) && ids.Contains((string)e.Attribute("target")!)));
        Assert.All(nodes.Descendants(ns + "attvalue"), v => Assert.Contains((string)v.Attribute("for")!, declared["node"]));
        Assert.All(edges.Descendants(ns + "attvalue"), v => Assert.Contains((string)v.Attribute("for")!, declared["edge"]));
    }

    [Fact]
    public async Task Cypher_export_is_deterministic_and_clean_under_Neo4js_linter()
    {
        var (first, second, snapshot) = await ExportTwiceAsync("cypher", "graph.cypher");
        Assert.Equal(first, second);
        var statements = first.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToList();
        Assert.All(statements, s => Assert.Contains("MERGE", s, StringComparison.Ordinal));

        var tool = Path.Combine(ApiServer.RepositoryRoot, "tools", "cypher-lint");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "@neo4j-cypher", "language-support")))
        {
            RequiredTool.Missing("The Cypher linter's package is not installed: run 'npm ci --prefix tools/cypher-lint' (scripts/install-test-deps.sh does).");
        }

        var input = new JsonObject
        {
            ["schema"] = new JsonObject
            {
                ["labels"] = new JsonArray([.. Neo4jGraphSchema.Labels.Select(l => (JsonNode)l)]),
                ["relationshipTypes"] = new JsonArray([.. Neo4jGraphSchema.RelationshipTypes.Select(l => (JsonNode)l)]),
                ["propertyKeys"] = new JsonArray([.. Neo4jGraphSchema.PropertyKeys.Concat(Neo4jGraphSchema.ParameterMapKeys).Select(l => (JsonNode)l)]),
            },
            ["statements"] = new JsonArray([.. statements.Select((s, i) => (JsonNode)new JsonObject { ["name"] = $"line {i + 1}", ["cypher"] = s, ["parameters"] = new JsonObject() })]), // none declared: any $parameter is a diagnostic
        };
        var file = Path.Combine(_folder, "lint.json");
        await File.WriteAllTextAsync(file, input.ToJsonString(), Ct);
        using var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(tool, "lint.cjs"), file]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool })!;
        var stdout = await process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout} {stderr}");
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(statements.Count, report.GetProperty("statements").GetInt32());
        Assert.Equal(0, report.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(snapshot.Actors.Count, statements.Count(s => s.StartsWith("MERGE (a:Actor", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_neighbourhood_and_a_documents_facts_export_as_valid_knowledge_files()
    {
        await using var store = await OpenAsync("seeded.db");
        await store.ImportAsync(KnowledgeFile.Load(SeedPath), cancellationToken: Ct);
        var whole = await GraphExport.SelectAsync(store, new ExportScope.Whole(), Ct);

        var around = await GraphExport.SelectAsync(store, new ExportScope.Neighbourhood("Russia", 1), Ct);
        Assert.InRange(around.Relationships.Count, 1, whole.Relationships.Count - 1);
        var aroundFile = Path.Combine(_folder, "around.json");
        KnowledgeJsonWriter.Write(around, aroundFile);
        var readBack = KnowledgeFile.Load(aroundFile);
        Assert.Equal(around.Relationships.Count, readBack.Relationships.Count);

        var documentId = whole.Documents[0].Id;
        var facts = await GraphExport.SelectAsync(store, new ExportScope.DocumentFacts(documentId.Value), Ct);
        Assert.Equal([documentId], facts.Documents.Select(d => d.Id));
        Assert.All(facts.Relationships, r => Assert.All(r.Evidence, e => Assert.Equal(documentId, e.DocumentId)));
        Assert.Equal(whole.Relationships.Count(r => r.CitesDocument(documentId)), facts.Relationships.Count);
        var factsFolder = Path.Combine(_folder, "facts");
        Neo4jCsv.Write(facts, factsFolder);
        Assert.Equal(facts.Relationships.Count, Neo4jCsv.Read(factsFolder).Relationships.Count);

        var paths = await GraphExport.SelectAsync(store, new ExportScope.Paths("NIS", "Resolution 2397"), Ct);
        Assert.NotEmpty(paths.Relationships);
        KnowledgeFile.Validate(paths);
    }

    [Fact]
    public async Task The_CSV_header_is_the_neo4j_admin_import_layout()
    {
        await using var store = await OpenAsync("seeded.db");
        await store.ImportAsync(KnowledgeFile.Load(SeedPath), cancellationToken: Ct);
        var folder = Path.Combine(_folder, "csv");
        Neo4jCsv.Write(await GraphExport.SelectAsync(store, new ExportScope.Whole(), Ct), folder);
        var nodes = (await File.ReadAllLinesAsync(Path.Combine(folder, Neo4jCsv.NodesFile), Ct))[0].Split(',').Select(h => h.Trim('"')).ToList();
        var edges = (await File.ReadAllLinesAsync(Path.Combine(folder, Neo4jCsv.RelationshipsFile), Ct))[0].Split(',').Select(h => h.Trim('"')).ToList();
        Assert.Equal(["id:ID", ":LABEL"], nodes.Take(2));
        Assert.Contains("aliases:string[]", nodes);
        Assert.Equal([":START_ID", ":END_ID", ":TYPE"], edges.Take(3));
        Assert.Contains("confidence:float", edges);
        Assert.Contains("documents:string[]", edges);
    }

    [Fact]
    public void Import_refuses_an_export_only_format_and_a_broken_CSV_with_the_place_and_what_is_allowed()
    {
        var graphml = Path.Combine(_folder, "x.graphml");
        File.WriteAllText(graphml, "<graphml/>");
        var e = Assert.Throws<ExchangeFormatException>(() => GraphExport.Read(graphml));
        Assert.Contains("export-only", e.Message, StringComparison.Ordinal);

        var folder = Path.Combine(_folder, "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Neo4jCsv.NodesFile), "\"id:ID\",\":LABEL\"\n\"state:x\",\"Actor;State\"\n");
        File.WriteAllText(Path.Combine(folder, Neo4jCsv.RelationshipsFile), "");
        e = Assert.Throws<ExchangeFormatException>(() => GraphExport.Read(folder));
        Assert.Contains("header lacks", e.Message, StringComparison.Ordinal);
    }

    private async Task<(string First, string Second, GraphSnapshot Snapshot)> ExportTwiceAsync(string format, string name)
    {
        await using var a = await OpenAsync("a.db");
        await a.ImportAsync(KnowledgeFile.Load(SeedPath), cancellationToken: Ct);
        await using var b = await OpenAsync("b.db");
        var snapshot = KnowledgeFile.Load(SeedPath);

        // The second store gets the graph in reverse order: the output must not depend on it.
        await b.ImportAsync(new GraphSnapshot([.. snapshot.Actors.Reverse()], [.. snapshot.Documents.Reverse()], [.. snapshot.Relationships.Reverse()]), cancellationToken: Ct);
        var first = Path.Combine(_folder, "a-" + name);
        var second = Path.Combine(_folder, "b-" + name);
        GraphExport.Write(await GraphExport.SelectAsync(a, new ExportScope.Whole(), Ct), ExchangeFormats.Parse(format), first, "test");
        GraphExport.Write(await GraphExport.SelectAsync(b, new ExportScope.Whole(), Ct), ExchangeFormats.Parse(format), second, "test");
        return (await File.ReadAllTextAsync(first, Ct), await File.ReadAllTextAsync(second, Ct), snapshot);
    }

    private Task<EmbeddedGraphStore> OpenAsync(string name) =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = Path.Combine(_folder, name), DurableCommits = false }, cancellationToken: Ct);
}
