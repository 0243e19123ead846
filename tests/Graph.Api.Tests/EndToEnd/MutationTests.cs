using System.Text.Json.Nodes;
using Graph.Core.Store;

namespace Graph.Api.Tests.EndToEnd;

public sealed class MutationTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string NisQuote = "reportedly entered the country using student visas";

    private async Task AssertUnchangedAsync(GraphSnapshot before)
    {
        var after = await server.Store.ExportAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before.Actors, after.Actors);
        Assert.Equal(before.Documents.Select(d => (d.Id, d.ContentHash)), after.Documents.Select(d => (d.Id, d.ContentHash)));
        Assert.Equal(before.Relationships, after.Relationships);
    }

    [Fact]
    public async Task Mutation_without_the_key_is_401_UNAUTHENTICATED_and_changes_nothing()
    {
        var before = await server.Store.ExportAsync(TestContext.Current.CancellationToken);
        var response = await server.PostAsync("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { actor { aliases } } }");
        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Code);
        Assert.Contains("Authorization: Bearer", response.Message);
        var wrong = await server.PostAsync("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { actor { aliases } } }", key: "wrong-key-0123456789");
        Assert.Equal(401, wrong.Status);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task Mutation_over_GET_is_405()
    {
        var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { added } }")));
        Assert.Equal(405, response.Status);
    }

    [Fact]
    public async Task Upsert_actor_add_alias_and_merge_move_everything()
    {
        var created = (await server.PostAsync("""
            mutation { upsertActor(input: { kind: PERSON, name: "Test Person One", aliases: ["TP1"], attributes: [{ name: "role", value: "tester" }] }) {
              created actor { actorId name aliases ... on Person { role } } } }
            """, key: ApiServer.Key)).AssertOk();
        Assert.True((bool)created.Data!["upsertActor"]!["created"]!);
        Assert.Equal("person:test-person-one", (string?)created.Data!["upsertActor"]!["actor"]!["actorId"]);
        Assert.Equal("tester", (string?)created.Data!["upsertActor"]!["actor"]!["role"]);

        var second = (await server.PostAsync("mutation { upsertActor(input: { id: \"person:test-person-two\", kind: PERSON, name: \"Test Person Two\" }) { created } }", key: ApiServer.Key)).AssertOk();
        Assert.True((bool)second.Data!["upsertActor"]!["created"]!);

        var alias = (await server.PostAsync("mutation { addAlias(input: { actor: \"person:test-person-one\", alias: \"Tester\" }) { added actor { aliases } } }", key: ApiServer.Key)).AssertOk();
        Assert.Contains("Tester", alias.Data!["addAlias"]!["actor"]!["aliases"]!.AsArray().Select(a => (string?)a));

        var edge = (await server.PostAsync("""
            mutation($quote: String!) { addRelationship(input: { type: REPORTED, from: "NIS", to: "person:test-person-two",
                evidence: [{ document: "doc:nis-north-korean-workers-russia", quote: $quote, confidence: 0.7 }] }) {
              created relationship { id type evidence { nodes { start end quote confidence extractor } } } } }
            """, new { quote = NisQuote }, key: ApiServer.Key)).AssertOk();
        Assert.True((bool)edge.Data!["addRelationship"]!["created"]!);

        var merged = (await server.PostAsync("mutation { mergeActors(input: { keep: \"person:test-person-one\", remove: \"person:test-person-two\" }) { kept { name aliases } removedId relationshipsMoved evidenceMoved } }", key: ApiServer.Key)).AssertOk();
        var result = merged.Data!["mergeActors"]!;
        Assert.Equal(1, (int)result["relationshipsMoved"]!);
        Assert.Contains("Test Person Two", result["kept"]!["aliases"]!.AsArray().Select(a => (string?)a));
        var moved = (await server.PostAsync("{ actor(id: \"person:test-person-one\") { ... on Person { reportedBy { nodes { other { name } evidence { totalCount } } } } } }")).AssertOk();
        Assert.Equal("National Intelligence Service", (string?)moved.Data!["actor"]!["reportedBy"]!["nodes"]![0]!["other"]!["name"]);
    }

    [Fact]
    public async Task Add_relationship_then_remove_its_only_evidence_deletes_it()
    {
        (await server.PostAsync("mutation { upsertActor(input: { kind: PERSON, name: \"Test Person Three\" }) { created } }", key: ApiServer.Key)).AssertOk();
        var added = (await server.PostAsync("""
            mutation($quote: String!) { addRelationship(input: { type: REPORTED, from: "NIS", to: "Test Person Three",
                evidence: [{ document: "doc:nis-north-korean-workers-russia", quote: $quote }] }) {
              relationship { id evidence { nodes { start documentId } } } } }
            """, new { quote = NisQuote }, key: ApiServer.Key)).AssertOk();
        var relationship = added.Data!["addRelationship"]!["relationship"]!;
        var start = (int)relationship["evidence"]!["nodes"]![0]!["start"]!;
        var removed = (await server.PostAsync(
            "mutation($id: ID!, $start: Int!) { removeEvidence(input: { relationship: $id, document: \"doc:nis-north-korean-workers-russia\", start: $start }) { deleted relationship { id } } }",
            new { id = (string?)relationship["id"], start }, key: ApiServer.Key)).AssertOk();
        Assert.True((bool)removed.Data!["removeEvidence"]!["deleted"]!);
        Assert.Null(removed.Data!["removeEvidence"]!["relationship"]);
    }

    [Fact]
    public async Task Refused_inputs_name_each_bad_field_and_change_nothing()
    {
        var before = await server.Store.ExportAsync(TestContext.Current.CancellationToken);
        var response = await server.PostAsync("""
            mutation { addRelationship(input: { type: DEPLOYED, from: "Rusia", to: "Kursk region", qualifier: "Bad Qualifier",
                attributes: { countMin: 10, countMax: 2 },
                evidence: [{ document: "doc:nis-north-korean-workers-russia", quote: "this sentence is not in the document", confidence: 3 }] }) { created } }
            """, key: ApiServer.Key);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        var fields = response.Errors[0]!["extensions"]!["fields"]!.AsArray().Select(f => (string?)f!["field"]).ToList();
        Assert.Contains("input.from", fields);
        Assert.Contains("input.qualifier", fields);
        Assert.Contains("input.evidence[0].confidence", fields);
        Assert.Contains("input.evidence[0].quote", fields);
        Assert.Contains(fields, f => f!.StartsWith("input.attributes", StringComparison.Ordinal));

        var noEvidence = await server.PostAsync("mutation { addRelationship(input: { type: DEPLOYED, from: \"North Korea\", to: \"Kursk region\", evidence: [] }) { created } }", key: ApiServer.Key);
        Assert.Equal("BAD_USER_INPUT", noEvidence.Code);
        Assert.Contains("at least one evidence", noEvidence.Message);

        var wrongDirection = await server.PostAsync("""
            mutation($quote: String!) { addRelationship(input: { type: VOTED_FOR, from: "Kim Jong Un", to: "Russia",
                evidence: [{ document: "doc:nis-north-korean-workers-russia", quote: $quote }] }) { created } }
            """, new { quote = NisQuote }, key: ApiServer.Key);
        Assert.Equal("RULE_VIOLATION", wrongDirection.Code);
        Assert.Equal("direction", (string?)wrongDirection.Errors[0]!["extensions"]!["rule"]);

        var badActor = await server.PostAsync("mutation { upsertActor(input: { id: \"state:x\", kind: PERSON, name: \"  \" }) { created } }", key: ApiServer.Key);
        var actorFields = badActor.Errors[0]!["extensions"]!["fields"]!.AsArray().Select(f => (string?)f!["field"]).ToList();
        Assert.Equal(["input.name", "input.id"], actorFields);

        var sameActor = await server.PostAsync("mutation { mergeActors(input: { keep: \"Russia\", remove: \"state:russia\" }) { removedId } }", key: ApiServer.Key);
        Assert.Equal("BAD_USER_INPUT", sameActor.Code);
        await AssertUnchangedAsync(before);
    }
}

public sealed class ReadOnlyServerTests(ReadOnlyApiServer server) : IClassFixture<ReadOnlyApiServer>
{
    [Fact]
    public async Task Without_a_configured_key_mutations_are_403_and_say_the_server_is_read_only()
    {
        var before = await server.Store.ExportAsync(TestContext.Current.CancellationToken);
        var response = await server.PostAsync("mutation { addAlias(input: { actor: \"Russia\", alias: \"RF\" }) { added } }", key: "anything-0123456789");
        Assert.Equal(403, response.Status);
        Assert.Equal("FORBIDDEN", response.Code);
        Assert.Contains("read-only", response.Message);
        Assert.Equal(before.Actors, (await server.Store.ExportAsync(TestContext.Current.CancellationToken)).Actors);
        (await server.PostAsync("{ stats { actors } }")).AssertOk();
    }
}
