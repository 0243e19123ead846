using Graph.Ingest.Knowledge;

namespace Graph.Ingest.Tests.Knowledge;

/// <summary>A malformed knowledge file is refused with a message naming where and what is allowed.</summary>
public sealed class KnowledgeFileErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("knowledge-").FullName;

    public KnowledgeFileErrorTests() => File.WriteAllText(Path.Combine(_dir, "doc.txt"), "North Korea sent workers to Russia.");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Actors = """
        "actors": [
          { "id": "state:north-korea", "kind": "State", "name": "North Korea" },
          { "id": "state:russia", "kind": "State", "name": "Russia" },
          { "id": "treaty:pact", "kind": "Treaty", "name": "Pact" } ],
        "documents": [ { "id": "doc:d", "file": "doc.txt", "title": "D" } ],
        """;

    private string Write(string relationships)
    {
        var path = Path.Combine(_dir, "k.json");
        File.WriteAllText(path, "{ \"formatVersion\": 1, " + Actors + "\"relationships\": [" + relationships + "] }");
        return path;
    }

    private static string Edge(string type, string from, string to, string evidence) =>
        $$"""{ "type": "{{type}}", "from": "{{from}}", "to": "{{to}}", "evidence": [{{evidence}}] }""";

    private const string GoodEvidence = """{ "document": "doc:d", "quote": "North Korea sent workers", "start": 0, "end": 24 }""";

    [Fact]
    public void A_well_formed_file_loads()
    {
        var snapshot = KnowledgeFile.Load(Write(Edge("DEPLOYED", "state:north-korea", "state:russia", GoodEvidence)));
        Assert.Single(snapshot.Relationships);
    }

    [Fact]
    public void A_quote_not_at_its_offsets_is_refused_naming_the_rule()
    {
        var bad = GoodEvidence.Replace("\"start\": 0, \"end\": 24", "\"start\": 1, \"end\": 25", StringComparison.Ordinal);
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(Write(Edge("DEPLOYED", "state:north-korea", "state:russia", bad))));
        Assert.Contains("does not occur", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edge_against_its_direction_rule_is_refused_naming_the_rule()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(Write(Edge("RATIFIED", "treaty:pact", "state:russia", GoodEvidence))));
        Assert.Contains("RATIFIED goes from State to Treaty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edge_without_evidence_is_refused()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(Write(Edge("DEPLOYED", "state:north-korea", "state:russia", ""))));
        Assert.Contains("$.relationships[0].evidence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_lists_the_allowed_types()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(Write(Edge("LIKES", "state:north-korea", "state:russia", GoodEvidence))));
        Assert.Contains("$.relationships[0].type", error.Message, StringComparison.Ordinal);
        Assert.Contains("VOTED_FOR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_actor_is_named()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(Write(Edge("DEPLOYED", "state:north-korea", "state:atlantis", GoodEvidence))));
        Assert.Contains("state:atlantis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_reports_its_line()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{ \"formatVersion\": 1,\n  \"actors\": [ }");
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeFile.Load(path));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
