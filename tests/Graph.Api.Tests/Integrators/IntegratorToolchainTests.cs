using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Tests.EndToEnd;

namespace Graph.Api.Tests.Integrators;

/// <summary>The whole toolchain run once in tools/integrator-check, for the tests that read its results and output.</summary>
public sealed class IntegratorToolchainRun : IAsyncLifetime
{
    internal List<ToolRun> Runs { get; } = [];

    public ValueTask InitializeAsync()
    {
        // When the packages are missing each test says so (RequiredTool); there is nothing to run here.
        if (File.Exists(Path.Combine(IntegratorToolchain.Folder, "node_modules", ".bin", "graphql-codegen")))
        {
            Runs.AddRange(IntegratorToolchain.RunAll(
                IntegratorToolchain.Folder,
                IntegratorToolchain.Extract,
                IntegratorToolchain.Codegen,
                IntegratorToolchain.Relay,
                IntegratorToolchain.Typecheck));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The step's run, failing the test with every run's output when it (or a step it needs) did not pass.</summary>
    internal ToolRun Passed(string step)
    {
        IntegratorToolchain.RequireInstalled();
        var run = Runs.FirstOrDefault(r => r.Step == step);
        Assert.True(run is { ExitCode: 0 }, run?.ToString() ?? $"{step} did not run because an earlier step failed:\n{string.Join("\n", Runs)}");
        return run!;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Issue 13's integrator check: GraphQL Code Generator (typescript-operations + typed-document-node, and the client
/// preset), the Relay compiler and <c>tsc --strict</c> all accept the playground's examples and the integrator
/// operations against the committed schema.graphql, and the client preset's persisted-documents manifest runs on the
/// real server.
/// </summary>
public sealed partial class IntegratorToolchainTests(IntegratorToolchainRun toolchain, ITestOutputHelper output) : IClassFixture<IntegratorToolchainRun>
{
    private static readonly string s_examplesFile = Path.Combine(ApiServer.RepositoryRoot, "src", "Graph.Api", "Playground", "examples.json");

    [Fact]
    public void Codegen_writes_a_typed_document_for_every_playground_example_and_integrator_operation()
    {
        var run = toolchain.Passed(IntegratorToolchain.Codegen);
        output.WriteLine($"codegen: {run.Elapsed.TotalSeconds:0.0} s");
        var generated = File.ReadAllText(Path.Combine(IntegratorToolchain.Folder, "generated", "plugins", "operations.ts"));

        var expected = ExampleOperations().Select(o => o.Name)
            .Concat(Directory.EnumerateFiles(Path.Combine(IntegratorToolchain.Folder, "operations"), "*.graphql").SelectMany(f => OperationNames(File.ReadAllText(f))))
            .ToList();
        Assert.True(expected.Count >= 20, $"Expected the 12 examples and the integrator operations, found {expected.Count}.");
        var missing = expected.Where(name => !generated.Contains($"export const {name}Document = ", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "No TypedDocumentNode was generated for: " + string.Join(", ", missing));

        // The client preset's manifest lists every operation, each under the SHA-256 of its text.
        var manifest = ReadManifest();
        Assert.Equal(expected.Count, manifest.Count);
        Assert.All(manifest, entry => Assert.Equal("sha256:" + Http.PersistedOperations.TrustedDocumentStore.Hash(entry.Value), entry.Key));
    }

    [Fact]
    public void Relay_compiler_compiles_every_playground_example_and_integrator_operation()
    {
        var run = toolchain.Passed(IntegratorToolchain.Relay);
        output.WriteLine($"relay-compiler: {run.Elapsed.TotalSeconds:0.0} s\n{run.Output}");

        // The examples are renamed to Relay's rule (module Playground<Name>, operation Playground<Name><Kind>).
        var relay = Path.Combine(IntegratorToolchain.Folder, "relay");
        var artifacts = ExampleOperations().Select(o => Path.Combine(relay, "examples", "__generated__", $"Playground{o.Name}{o.Kind}.graphql.ts"))
            .Concat(Directory.EnumerateFiles(Path.Combine(relay, "src"), "*.ts")
                .SelectMany(f => OperationNames(File.ReadAllText(f)))
                .Select(name => Path.Combine(relay, "src", "__generated__", $"{name}.graphql.ts")))
            .ToList();
        Assert.True(artifacts.Count >= 17, $"Expected the 12 examples and the Relay integrator operations, found {artifacts.Count}.");
        var missing = artifacts.Where(a => !File.Exists(a)).Select(a => Path.GetRelativePath(relay, a)).ToList();
        Assert.True(missing.Count == 0, "Relay wrote no artifact for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Tsc_strict_is_clean_on_the_generated_types_the_Relay_artifacts_and_the_app_code()
    {
        var run = toolchain.Passed(IntegratorToolchain.Typecheck);
        output.WriteLine($"tsc --strict: {run.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(string.Empty, run.Output.Trim());
    }

    [Fact]
    public async Task The_client_presets_persisted_documents_run_by_documentId_on_a_trusted_documents_only_server()
    {
        toolchain.Passed(IntegratorToolchain.Codegen);
        var manifest = ReadManifest();
        string IdOf(string operation) => manifest.Single(e => e.Value.Contains(operation, StringComparison.Ordinal)).Key;

        await using var server = new ManifestServer(Path.Combine(IntegratorToolchain.Folder, "generated", "client", "persisted-documents.json"));
        await server.InitializeAsync();

        // An integrator operation with fragments on every Node type, by id only, with its variables.
        var refetched = (await PostDocumentIdAsync(server, IdOf("query RefetchNode("), new JsonObject { ["id"] = "state:north-korea" })).AssertOk();
        Assert.Equal("State", (string?)refetched.Data!["node"]!["__typename"]);
        Assert.Equal("North Korea", (string?)refetched.Data!["node"]!["name"]);

        // A playground example the same way.
        var stats = (await PostDocumentIdAsync(server, IdOf("query Stats"), null)).AssertOk();
        Assert.True((int)stats.Data!["stats"]!["actors"]! > 0, stats.Text);

        // The server enforces the manifest: the same text sent as a query is refused.
        var asText = await server.PostAsync(manifest[IdOf("query Stats")]);
        Assert.Equal(400, asText.Status);
        Assert.Equal(Http.PersistedOperations.TrustedDocumentStore.Only, asText.Code);
    }

    private static async Task<GraphResponse> PostDocumentIdAsync(ApiServer server, string documentId, JsonObject? variables)
    {
        var body = new JsonObject { ["documentId"] = documentId, ["variables"] = variables };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return await server.SendAsync(request);
    }

    private static Dictionary<string, string> ReadManifest() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(IntegratorToolchain.Folder, "generated", "client", "persisted-documents.json")))!;

    private static List<(string Name, string Kind)> ExampleOperations()
    {
        using var examples = JsonDocument.Parse(File.ReadAllText(s_examplesFile));
        return [.. examples.RootElement.EnumerateArray().Select(e =>
        {
            var match = OperationPattern().Match(e.GetProperty("query").GetString()!);
            Assert.True(match.Success, "Every playground example needs a named operation: " + e.GetProperty("title").GetString());
            return (match.Groups[2].Value, char.ToUpperInvariant(match.Groups[1].Value[0]) + match.Groups[1].Value[1..]);
        })];
    }

    private static IEnumerable<string> OperationNames(string text) => OperationPattern().Matches(text).Select(m => m.Groups[2].Value);

    [GeneratedRegex(@"^\s*(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)", RegexOptions.Multiline)]
    private static partial Regex OperationPattern();

    /// <summary>The API serving only the operations of the manifest the client preset wrote.</summary>
    private sealed class ManifestServer(string manifest) : ApiServer
    {
        protected override void Configure(IDictionary<string, string?> settings, string folder)
        {
            settings["Graph:Api:TrustedDocuments"] = manifest;
            settings["Graph:Api:TrustedDocumentsOnly"] = "true";
        }
    }
}

/// <summary>The toolchain fails, saying why, when the schema and an operation (or the app code) no longer agree.</summary>
public sealed class IntegratorToolchainFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("integrator-check-").FullName;

    [Fact]
    public void Codegen_fails_on_an_operation_that_asks_for_a_field_the_schema_does_not_have()
    {
        IntegratorToolchain.RequireInstalled();
        var tool = IntegratorToolchain.CopyTo(_root);
        // Resolution's date was renamed adoptedOn (issue 13); an operation still asking for the old name must fail.
        Replace(Path.Combine(tool, "operations", "fragments.graphql"), "  adoptedOn\n", "  adopted\n");

        var runs = IntegratorToolchain.RunAll(tool, IntegratorToolchain.Extract, IntegratorToolchain.Codegen);
        var codegen = runs.Last();
        Assert.Equal(IntegratorToolchain.Codegen, codegen.Step);
        Assert.True(codegen.ExitCode != 0, codegen.ToString());
        Assert.Contains("Cannot query field \"adopted\" on type \"Resolution\"", codegen.Output);
    }

    [Fact]
    public void Relay_and_codegen_fail_when_the_schema_drops_a_field_an_operation_uses()
    {
        IntegratorToolchain.RequireInstalled();
        var tool = IntegratorToolchain.CopyTo(_root);
        // The schema loses Resolution.adoptedOn, which both the Relay and the codegen operations select.
        var schema = Path.Combine(_root, "schema.graphql");
        var text = File.ReadAllText(schema);
        var resolution = text.IndexOf("type Resolution implements", StringComparison.Ordinal);
        const string Field = "  \"\"\"When it was adopted, when known.\"\"\"\n  adoptedOn: PartialDate\n";
        var field = text.IndexOf(Field, resolution, StringComparison.Ordinal);
        Assert.True(resolution >= 0 && field > resolution, "schema.graphql no longer has Resolution.adoptedOn as this test knows it; pick another field.");
        File.WriteAllText(schema, text.Remove(field, Field.Length));

        var relay = IntegratorToolchain.RunAll(tool, IntegratorToolchain.Extract, IntegratorToolchain.Relay).Last();
        Assert.Equal(IntegratorToolchain.Relay, relay.Step);
        Assert.True(relay.ExitCode != 0, relay.ToString());
        Assert.Contains("adoptedOn", relay.Output);
        Assert.Contains("IntegratorNodeRefetch.ts", relay.Output);

        var codegen = IntegratorToolchain.Run(tool, IntegratorToolchain.Codegen);
        Assert.True(codegen.ExitCode != 0, codegen.ToString());
        Assert.Contains("Cannot query field \"adoptedOn\" on type \"Resolution\"", codegen.Output);
    }

    [Fact]
    public void Tsc_strict_fails_when_app_code_reads_a_field_its_operation_does_not_select()
    {
        IntegratorToolchain.RequireInstalled();
        var tool = IntegratorToolchain.CopyTo(_root);
        // The refetch selects a Document's title, not its text: the generated type has no `text`.
        Replace(Path.Combine(tool, "app", "integrator.ts"), "node.publisher?.name ?? 'unknown publisher'", "node.text");

        var tsc = IntegratorToolchain.RunAll(tool, IntegratorToolchain.Extract, IntegratorToolchain.Codegen, IntegratorToolchain.Relay, IntegratorToolchain.Typecheck).Last();
        Assert.Equal(IntegratorToolchain.Typecheck, tsc.Step);
        Assert.True(tsc.ExitCode != 0, tsc.ToString());
        Assert.Contains("app/integrator.ts", tsc.Output);
        Assert.Contains("Property 'text' does not exist", tsc.Output);
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(from, StringComparison.Ordinal), $"{path} no longer contains '{from}'; update the test's deliberate break.");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            // The copy's node_modules is a link to the installed one: remove the link itself first.
            var link = new DirectoryInfo(Path.Combine(_root, "tools", "integrator-check", "node_modules"));
            if (link.LinkTarget is not null)
            {
                link.Delete();
            }

            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
