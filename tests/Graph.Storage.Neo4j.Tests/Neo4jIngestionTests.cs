using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;
using static Graph.Storage.Tests.Neo4j.SmallGraph;
using static Graph.Storage.Tests.Neo4j.StoreDriver;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Ingestion on the Neo4j store without a server: the statements and parameters it sends (one transaction per write,
/// reads and checks before any write), how it reads answers back, and Lucene escaping of what users type. The live
/// behaviour is <see cref="Neo4jIngestionContractTests"/>'.
/// </summary>
public sealed class Neo4jIngestionTests
{
    private static readonly string[] s_writeWords = ["CREATE", "MERGE", "SET ", "DELETE"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Proposal Deployed => Propose(RelationshipType.Deployed, NorthKorea, Russia, "North Korea sent 13,221 workers to Russia in 2024.", "deploy-verb");

    private static Proposal ToKursk => Propose(RelationshipType.Deployed, NorthKorea, Russia, "North Korea sent 13,221 workers", "deploy-verb", Kursk);

    private static Proposal Violates => Propose(RelationshipType.Violates, Russia, Resolution2397, "Russia's use of them violates Resolution 2397.", "violates-verb");

    // An agency cannot deploy: the ontology's direction rule refuses it.
    private static Proposal BadDirection => Propose(RelationshipType.Deployed, Nis, Russia, "The NIS reported on North Korea's dispatches.", "deploy-verb");

    [Theory]
    [InlineData("workers", "\"workers\"")]
    [InlineData("AND(", "\"AND\\(\"")]
    [InlineData("workers AND(", "\"workers\" AND \"AND\\(\"")]
    [InlineData("\"workers", "\"\\\"workers\"")]
    [InlineData("NEAR(workers russia) OR", "\"NEAR\\(workers\" AND \"russia\\)\" AND \"OR\"")]
    [InlineData("work*", "work*")]
    [InlineData("Zürich*", "zurich*")]
    [InlineData("-workers", "\"\\-workers\"")]
    [InlineData("col:workers ^ {x}", "\"col\\:workers\" AND \"\\{x\\}\"")]
    [InlineData("a\\b || c && !d ~2 [x TO y] /re/ ?", "\"a\\\\b\" AND \"c\" AND \"\\!d\" AND \"\\~2\" AND \"\\[x\" AND \"TO\" AND \"y\\]\" AND \"\\/re\\/\"")]
    public void User_text_becomes_escaped_Lucene_phrases_joined_by_AND(string query, string lucene) =>
        Assert.Equal(lucene, FullTextQuery.Parse(query).Lucene);

    [Theory]
    [InlineData("\"")]
    [InlineData("\" ( )")]
    [InlineData("  ")]
    [InlineData("*")]
    [InlineData("&& || !")]
    public void Text_without_a_word_is_a_clear_error(string query)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => FullTextQuery.Parse(query));
        Assert.Contains("letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Lucene_special_character_is_escaped_outside_and_inside_phrases()
    {
        const string specials = "\\+-!():^[]\"{}~*?|&/";
        var lucene = FullTextQuery.Parse("x" + specials + "y").Lucene;
        Assert.Equal("\"x" + string.Concat(specials.Select(c => "\\" + c)) + "y\"", lucene);
    }

    [Fact]
    public void Snippets_mark_matching_words_folding_case_accents_and_digit_grouping()
    {
        const string text = "The NIS said North Korea deployed 13,221 workers to Russia last year. Pyongyang also sent troops to Kursk. Critics in Zürich called it a FAÇADE.";
        var snippet = FullTextQuery.Parse("facade zurich").Snippet(text);
        Assert.Contains("[Zürich]", snippet, StringComparison.Ordinal);
        Assert.Contains("[FAÇADE].", snippet, StringComparison.Ordinal);
        Assert.Contains("[13,221]", FullTextQuery.Parse("13221").Snippet(text), StringComparison.Ordinal);
        Assert.Contains("[workers]", FullTextQuery.Parse("work*").Snippet(text), StringComparison.Ordinal);
        Assert.DoesNotContain("[", FullTextQuery.Parse("absent").Snippet(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_sends_the_escaped_query_as_a_parameter_and_ranks_hits_from_both_indexes()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var hits = await store.SearchTextAsync("workers AND(", 10, Ct);

        var sent = Assert.Single(server.Statements, s => s.Cypher.Contains("db.index.fulltext.queryNodes", StringComparison.Ordinal));
        Assert.Equal("\"workers\" AND \"AND\\(\"", sent.Parameters["query"]!.GetValue<string>());
        Assert.Equal("document_texts", sent.Parameters["documentIndex"]!.GetValue<string>());
        Assert.Equal("evidence_quotes", sent.Parameters["quoteIndex"]!.GetValue<string>());
        Assert.DoesNotContain("workers", sent.Cypher, StringComparison.Ordinal);

        Assert.Equal(hits.OrderByDescending(h => h.Rank).Select(h => h.Rank), hits.Select(h => h.Rank));
        var document = Assert.Single(hits, h => h.Edge is null);
        Assert.Equal(Report, document.Document);
        Assert.Null(document.Start);
        Assert.Contains("[workers]", document.Snippet, StringComparison.Ordinal);
        var quote = hits.First(h => h.Edge is not null);
        Assert.Equal(Relationships[0].Key.Canonical(), quote.Edge);
        Assert.Equal(Relationships[0].Evidence[0].Start, quote.Start);
        Assert.Equal(SmallGraph.Document.Title, quote.Title);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.SearchTextAsync("workers", 0, Ct));
    }

    [Fact]
    public async Task Saving_reads_and_checks_first_then_writes_document_record_and_proposals_in_one_transaction()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await store.ConnectAsync(Ct);
        server.Statements.Clear();
        server.Requests.Clear();

        await store.SaveIngestedAsync(Version2, [], Ct);
        var statements = server.Statements.Select(s => s.Cypher).ToList();
        var firstWrite = statements.FindIndex(IsWrite);
        Assert.True(firstWrite > 0, "The save should read before it writes.");
        Assert.All(statements.Take(firstWrite), s => Assert.False(IsWrite(s), s));
        var upsert = Assert.Single(server.Statements, s => s.Cypher.Contains("MERGE (d:Document {id: row.id})", StringComparison.Ordinal));
        Assert.Contains("SET d += row", upsert.Cypher, StringComparison.Ordinal);
        var record = Assert.Single(server.Statements, s => s.Cypher.Contains("d.ingestedAt = $ingestedAt", StringComparison.Ordinal));
        Assert.Contains("WHERE d.ingestedAt IS NULL", record.Cypher, StringComparison.Ordinal);
        Assert.Equal("doc:nis-report-2", record.Parameters["id"]!.GetValue<string>());
        Assert.Equal(2L, record.Parameters["version"]!.GetValue<long>());
        Assert.Equal(Report.Value, record.Parameters["previousId"]!.GetValue<string>());
        Assert.Equal("2026-03-02T08:00:00.0000000+00:00", record.Parameters["ingestedAt"]!.GetValue<string>());
        AssertOneTransaction(server);
    }

    [Fact]
    public async Task Saving_adds_only_new_proposals_and_writes_one_saved_as_accepted_to_the_graph_in_the_same_transaction()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await store.SaveIngestedAsync(Version1, [new ProposalRecord(Deployed, ProposalStatus.Pending, Version1.IngestedAt)], Ct);
        await store.ConnectAsync(Ct);
        server.Statements.Clear();
        server.Requests.Clear();

        await store.SaveIngestedAsync(Version1,
        [
            new ProposalRecord(Deployed, ProposalStatus.Pending, Version1.IngestedAt),
            new ProposalRecord(Violates, ProposalStatus.Accepted, Version1.IngestedAt, Version1.IngestedAt, "auto-accepted"),
        ], Ct);

        var created = Assert.Single(server.Statements, s => s.Cypher.Contains("CREATE (p:Proposal)", StringComparison.Ordinal));
        var row = Assert.Single(created.Parameters["rows"]!.AsArray())!;
        Assert.Equal(Violates.Id, row["id"]!.GetValue<string>());
        Assert.Equal("accepted", row["status"]!.GetValue<string>());
        Assert.Equal(Violates.Id, row["originalId"]!.GetValue<string>());
        Assert.Equal(Report.Value, row["documentId"]!.GetValue<string>());
        Assert.Equal(Violates, IngestionProperties.ReadJson(row["json"]!.GetValue<string>()) with { From = Violates.From, To = Violates.To });

        var evidence = Assert.Single(server.Statements, s => s.Cypher.Contains("CREATE (e:Evidence)", StringComparison.Ordinal));
        Assert.Contains(evidence.Parameters["rows"]!.AsArray(), r => r!["props"]!["quote"]!.GetValue<string>() == Violates.Quote);
        Assert.True(server.Statements.IndexOf(evidence) < server.Statements.IndexOf(created));
        AssertOneTransaction(server);
    }

    [Fact]
    public async Task A_saved_proposal_citing_another_document_is_refused_before_anything_is_sent()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.SaveIngestedAsync(Version2, [new ProposalRecord(Deployed, ProposalStatus.Pending, Version2.IngestedAt)], Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.SaveIngestedAsync(Version1 with { Version = 0 }, [], Ct));
        Assert.Empty(server.Statements);
    }

    [Fact]
    public async Task A_batch_with_one_bad_proposal_sends_no_write_and_names_the_proposal_and_rule()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await SaveAsync(store, ToKursk, BadDirection);
        server.Statements.Clear();
        server.Requests.Clear();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.AcceptProposalsAsync([ToKursk.Id, BadDirection.Id], null, Ct));
        Assert.Equal("direction", error.Rule);
        Assert.Contains(BadDirection.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy-verb", error.Message, StringComparison.Ordinal);
        Assert.All(server.Statements, s => Assert.False(IsWrite(s.Cypher), s.Cypher));
        Assert.DoesNotContain(server.Requests, r => r.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.StartsWith("DELETE ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepting_creates_new_actors_writes_evidence_and_marks_the_batch_in_one_transaction()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        var options = FakeNeo4jServer.Options();
        var now = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
        options.TimeProvider = new FixedTime(now);
        await using var store = new Neo4jGraphStore(options, server);
        await SaveAsync(store, Deployed, ToKursk);
        server.Statements.Clear();
        server.Requests.Clear();

        var accepted = await store.AcceptProposalsAsync([Deployed.Id, ToKursk.Id, Deployed.Id], "checked", Ct);
        Assert.Equal([Deployed.Id, ToKursk.Id], accepted.Select(r => r.Id));
        Assert.All(accepted, r => Assert.Equal((ProposalStatus.Accepted, now, "checked"), (r.Status, r.ReviewedAt!.Value, r.ReviewNote)));

        var actors = Assert.Single(server.Statements, s => s.Cypher.Contains("a:Location", StringComparison.Ordinal));
        Assert.Equal(Kursk.Id.Value, Assert.Single(actors.Parameters["rows"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Contains(server.Statements, s => s.Cypher.Contains("CREATE (e:Evidence)", StringComparison.Ordinal));
        var decided = Assert.Single(server.Statements, s => s.Cypher.Contains("SET p.status = $status", StringComparison.Ordinal));
        Assert.Equal([Deployed.Id, ToKursk.Id], decided.Parameters["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("accepted", decided.Parameters["status"]!.GetValue<string>());
        Assert.Equal("checked", decided.Parameters["note"]!.GetValue<string>());
        AssertOneTransaction(server);

        var again = await Assert.ThrowsAsync<InvalidArgumentException>(() => store.RejectProposalsAsync([Deployed.Id], null, Ct));
        Assert.Contains("already accepted", again.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => store.AcceptProposalsAsync(["proposal:ffffffffffffffff"], null, Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.AcceptProposalsAsync([], null, Ct));
    }

    [Fact]
    public async Task An_edit_that_changes_the_id_rekeys_the_node_and_rejection_remembers_both_ids()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await SaveAsync(store, Deployed);
        var narrowed = Deployed with { Quote = "North Korea sent 13,221 workers to Russia", End = Deployed.Start + "North Korea sent 13,221 workers to Russia".Length };

        var edited = await store.UpdateProposalAsync(Deployed.Id, narrowed, Ct);
        Assert.Equal(narrowed.Id, edited.Id);
        Assert.Equal(Deployed.Id, edited.OriginalId);
        Assert.True(edited.Edited);
        var update = Assert.Single(server.Statements, s => s.Cypher.Contains("SET p.id = $newId", StringComparison.Ordinal));
        Assert.Equal(Deployed.Id, update.Parameters["id"]!.GetValue<string>());
        Assert.Equal(narrowed.Id, update.Parameters["newId"]!.GetValue<string>());
        Assert.Equal(Deployed.Id, update.Parameters["originalId"]!.GetValue<string>());

        await Assert.ThrowsAsync<RuleViolationException>(() => store.UpdateProposalAsync(narrowed.Id, narrowed with { Quote = "not in the text at all" }, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpdateProposalAsync(Deployed.Id, narrowed, Ct));

        await store.RejectProposalsAsync([narrowed.Id], "too narrow", Ct);
        Assert.Equal(new HashSet<string> { Deployed.Id, narrowed.Id }, await store.GetRejectedProposalIdsAsync(Report, Ct));
        var read = (await store.GetProposalAsync(narrowed.Id, Ct))!;
        Assert.Equal((ProposalStatus.Rejected, "too narrow", Deployed.Id, true), (read.Status, read.ReviewNote, read.OriginalId, read.Edited));
    }

    [Fact]
    public async Task Proposal_filters_become_parameters_and_precision_counts_per_rule()
    {
        var server = new FakeNeo4jServer(Neo4jProtocol.QueryApi);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        await SaveAsync(store, Deployed, ToKursk, Violates);
        await store.AcceptProposalsAsync([Deployed.Id], null, Ct);
        await store.RejectProposalsAsync([ToKursk.Id], null, Ct);

        await store.GetProposalsAsync(new ProposalQuery(Report, ProposalStatus.Pending, 0.5, "deploy-verb", 10, 2), Ct);
        var query = server.Statements.Last(s => s.Cypher.Contains("SKIP $offset", StringComparison.Ordinal));
        Assert.Equal(("pending", "deploy-verb", Report.Value, 0.5, 2L, 10L), (
            query.Parameters["status"]!.GetValue<string>(), query.Parameters["rule"]!.GetValue<string>(), query.Parameters["document"]!.GetValue<string>(),
            query.Parameters["minConfidence"]!.GetValue<double>(), query.Parameters["offset"]!.GetValue<long>(), query.Parameters["limit"]!.GetValue<long>()));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.GetProposalsAsync(new ProposalQuery(Limit: 0), Ct));

        var rules = (await store.GetRulePrecisionAsync(Ct)).ToDictionary(r => r.Rule);
        Assert.Equal(new RulePrecision("deploy-verb", 1, 1, 0), rules["deploy-verb"]);
        Assert.Equal(new RulePrecision("violates-verb", 0, 0, 1), rules["violates-verb"]);
    }

    [Fact]
    public async Task A_stored_document_reads_back_with_its_ingestion_record()
    {
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), new FakeNeo4jServer(Neo4jProtocol.Transactional));
        var expected = new StoredDocument(SmallGraph.Document, "text", "en", "Yonhap", "test", 1, null, FakeNeo4jServer.IngestedAt);
        Assert.Equal(expected, await store.GetStoredDocumentAsync(Report, Ct));
        Assert.Equal(expected, await store.FindByContentHashAsync(SmallGraph.Document.ContentHash, Ct));
        Assert.Null(await store.GetStoredDocumentAsync(DocumentId.Parse("doc:unknown"), Ct));
        Assert.Null(await store.GetProposalAsync("proposal:0000000000000000", Ct));
    }

    private static Task SaveAsync(Neo4jGraphStore store, params Proposal[] proposals) =>
        store.SaveIngestedAsync(Version1, [.. proposals.Select(p => new ProposalRecord(p, ProposalStatus.Pending, Version1.IngestedAt))], Ct);

    private static bool IsWrite(string cypher) => s_writeWords.Any(w => cypher.Contains(w, StringComparison.Ordinal));

    /// <summary>Every statement went to one explicit transaction, committed once.</summary>
    private static void AssertOneTransaction(FakeNeo4jServer server)
    {
        var paths = server.Statements.Select(s => s.Path).ToList();
        Assert.EndsWith("/query/v2/tx", paths[0], StringComparison.Ordinal);
        Assert.Single(paths.Skip(1).Distinct());
        Assert.Single(server.Requests, r => r.EndsWith("/commit", StringComparison.Ordinal));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
