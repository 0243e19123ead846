using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

/// <summary>
/// The contract every <see cref="IIngestionStore"/> keeps, run once per store by a subclass that makes a fresh, empty
/// store (and can reopen it). A store that cannot run here reports every test skipped with its reason.
/// </summary>
public abstract class IngestionStoreContract : IAsyncLifetime
{
    protected const string TextA = "The NIS said North Korea deployed 13,221 workers to Russia last year. Pyongyang also sent troops to Kursk. Critics in Zürich called it a FAÇADE.";
    protected const string TextB = "South Korea's spy agency NIS says North Korea deployed about 15,000 workers to Russia.";
    protected const string TextC = "Officials confirmed North Korea deployed 13,221 workers to Russia.";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected static readonly ProposedActor NorthKorea = Known("state:north-korea", NodeKind.State, "North Korea");
    protected static readonly ProposedActor Russia = Known("state:russia", NodeKind.State, "Russia");
    protected static readonly ProposedActor Nis = Known("agency:nis", NodeKind.Agency, "NIS");
    protected static readonly ProposedActor Kursk = new(ActorId.Parse("location:kursk"), NodeKind.Location, "Kursk", ["Kursk Oblast"], false);

    private IGraphStore? _store;
    private string? _unavailable;

    /// <summary>The store under test: fresh, holding only the three known actors.</summary>
    protected IGraphStore Store
    {
        get
        {
            if (_unavailable is not null)
            {
                Assert.Skip(_unavailable);
            }

            return _store ?? throw new InvalidOperationException("The store was not created.");
        }
    }

    protected IIngestionStore Ingestion => (IIngestionStore)Store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    /// <summary>Closes the store and opens what it wrote again.</summary>
    protected abstract Task<IGraphStore> ReopenAsync(IGraphStore store);

    /// <summary>Why this store cannot be tested here, or null.</summary>
    protected virtual Task<string?> UnavailableReasonAsync() => Task.FromResult<string?>(null);

    public async ValueTask InitializeAsync()
    {
        _unavailable = await UnavailableReasonAsync();
        if (_unavailable is null)
        {
            _store = await CreateStoreAsync();
            await _store.UpsertActorsAsync([NorthKorea.ToActor(default), Russia.ToActor(default), Nis.ToActor(default)], Ct);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_saved_document_is_found_by_id_by_content_hash_and_is_in_the_graph()
    {
        var doc = await SaveAsync("doc:a", TextA, "https://example.org/a", []);
        var byHash = await Ingestion.FindByContentHashAsync(Document.Hash(TextA), Ct);
        Assert.Equal(doc, byHash);
        Assert.Null(await Ingestion.FindByContentHashAsync(Document.Hash(TextA + " "), Ct));
        Assert.Equal(doc, await Ingestion.GetStoredDocumentAsync(doc.Document.Id, Ct));
        Assert.Equal(TextA, (await Store.GetDocumentAsync(doc.Document.Id, Ct))!.Text);
    }

    [Fact]
    public async Task Saving_another_text_under_a_stored_id_is_refused()
    {
        await SaveAsync("doc:a", TextA, null, []);
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => SaveAsync("doc:a", TextB, null, []));
        Assert.Contains("another text", error.Message, StringComparison.Ordinal);
        Assert.Equal(TextA, (await Store.GetDocumentAsync(DocumentId.Parse("doc:a"), Ct))!.Text);
    }

    [Fact]
    public async Task Versions_chain_by_url_and_the_latest_is_found()
    {
        await SaveAsync("doc:a", TextA, "https://example.org/a", []);
        var second = await SaveAsync("doc:a-2", TextA + " Updated.", "https://example.org/a", [], version: 2, previous: "doc:a");
        var latest = await Ingestion.FindLatestByUrlAsync("https://example.org/a", Ct);
        Assert.Equal(second, latest);
        Assert.Equal(DocumentId.Parse("doc:a"), latest!.PreviousVersion);
        Assert.Equal(2, latest.Version);
        Assert.Null(await Ingestion.FindLatestByUrlAsync("https://example.org/other", Ct));
    }

    [Fact]
    public async Task Full_text_search_finds_documents_and_quotes_folding_case_and_accents()
    {
        var a = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        await SaveAsync("doc:a", TextA, null, [a]);
        await Ingestion.AcceptProposalsAsync([a.Id], null, Ct);

        var facade = await Ingestion.SearchTextAsync("facade zurich", 10, Ct);
        var hit = Assert.Single(facade);
        Assert.Equal(DocumentId.Parse("doc:a"), hit.Document);
        Assert.Null(hit.Edge);
        Assert.Contains("[Zürich]", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("[FAÇADE]", hit.Snippet, StringComparison.Ordinal);

        var workers = await Ingestion.SearchTextAsync("WORKERS deployed", 10, Ct);
        Assert.Equal(2, workers.Count);
        var quote = Assert.Single(workers, h => h.Edge is not null);
        Assert.Equal(new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Russia.Id).Canonical(), quote.Edge);
        Assert.Equal(a.Start, quote.Start);
        Assert.All(workers, h => Assert.True(h.Rank > 0 || h.Rank <= 0));
    }

    [Fact]
    public async Task Texts_and_quotes_written_by_any_graph_write_are_searchable()
    {
        var seed = Graph.Ingest.Knowledge.KnowledgeFile.Load(TestFiles.SeedKnowledge);
        await Store.ImportAsync(seed, null, Ct);
        var hits = await Ingestion.SearchTextAsync("workers", 50, Ct);
        Assert.Contains(hits, h => h.Edge is null);
        Assert.Contains(hits, h => h.Edge is not null && h.Start is not null);
        Assert.All(hits, h => Assert.Contains("[", h.Snippet, StringComparison.Ordinal));
        Assert.Equal(hits.OrderByDescending(h => h.Rank).Select(h => h.Rank), hits.Select(h => h.Rank));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND(")]
    [InlineData("workers AND(")]
    [InlineData("\"workers")]
    [InlineData("NEAR(workers russia) OR")]
    [InlineData("work*")]
    [InlineData("-workers")]
    [InlineData("col:workers ^ {x}")]
    public async Task Hostile_query_strings_give_results_or_a_clear_error_never_a_crash(string query)
    {
        await SaveAsync("doc:a", TextA, null, []);
        try
        {
            await Ingestion.SearchTextAsync(query, 10, Ct);
        }
        catch (InvalidArgumentException error)
        {
            Assert.Contains("letters or digits", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_query_with_only_operators_quotes_them_and_still_matches()
    {
        await SaveAsync("doc:a", TextA, null, []);
        Assert.Single(await Ingestion.SearchTextAsync("workers ( ) -", 10, Ct));
        Assert.Empty(await Ingestion.SearchTextAsync("workers AND(", 10, Ct));
        Assert.Single(await Ingestion.SearchTextAsync("\"workers", 10, Ct));
        Assert.Single(await Ingestion.SearchTextAsync("work*", 10, Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Ingestion.SearchTextAsync("\" ( )", 10, Ct));
    }

    [Fact]
    public async Task Proposals_filter_by_document_status_confidence_and_rule()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        var b1 = Propose("doc:b", TextB, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed about 15,000 workers to Russia", "deploy-verb", 0.8);
        await SaveAsync("doc:a", TextA, null, [a1, a2]);
        await SaveAsync("doc:b", TextB, null, [b1]);
        await Ingestion.RejectProposalsAsync([a2.Id], "not a deployment", Ct);

        Assert.Equal([a1.Id, a2.Id], Ids(await Ingestion.GetProposalsAsync(new ProposalQuery(Document: DocumentId.Parse("doc:a")), Ct)));
        Assert.Equal([a1.Id, b1.Id], Ids(await Ingestion.GetProposalsAsync(new ProposalQuery(Status: ProposalStatus.Pending), Ct)));
        Assert.Equal([a1.Id], Ids(await Ingestion.GetProposalsAsync(new ProposalQuery(MinConfidence: 0.85), Ct)));
        Assert.Equal([a1.Id, b1.Id], Ids(await Ingestion.GetProposalsAsync(new ProposalQuery(Rule: "deploy-verb"), Ct)));
        Assert.Equal([b1.Id], Ids(await Ingestion.GetProposalsAsync(new ProposalQuery(Rule: "deploy-verb", Limit: 1, Offset: 1), Ct)));
        var rejected = (await Ingestion.GetProposalAsync(a2.Id, Ct))!;
        Assert.Equal(ProposalStatus.Rejected, rejected.Status);
        Assert.Equal("not a deployment", rejected.ReviewNote);
        AssertSame(a2, rejected.Proposal);
        Assert.Null(await Ingestion.GetProposalAsync("proposal:0000000000000000", Ct));
    }

    [Fact]
    public async Task Only_pending_proposals_can_be_edited_and_an_edit_that_changes_the_id_keeps_the_original()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        await SaveAsync("doc:a", TextA, null, [a1, a2]);

        var stanceOnly = await Ingestion.UpdateProposalAsync(a1.Id, a1 with { Stance = Stance.Hedged }, Ct);
        Assert.True(stanceOnly.Edited);
        Assert.Equal(a1.Id, stanceOnly.Id);
        Assert.Null(stanceOnly.OriginalId);

        var widened = Span(a2, TextA, "Pyongyang also sent troops to Kursk.");
        var moved = await Ingestion.UpdateProposalAsync(a2.Id, widened, Ct);
        Assert.NotEqual(a2.Id, moved.Id);
        Assert.Equal(a2.Id, moved.OriginalId);
        Assert.Null(await Ingestion.GetProposalAsync(a2.Id, Ct));
        AssertSame(widened, (await Ingestion.GetProposalAsync(moved.Id, Ct))!.Proposal);

        await Assert.ThrowsAsync<RuleViolationException>(() => Ingestion.UpdateProposalAsync(a1.Id, a1 with { Quote = "not in the text at all, no" }, Ct));
        await Ingestion.AcceptProposalsAsync([a1.Id], null, Ct);
        var decided = await Assert.ThrowsAsync<InvalidArgumentException>(() => Ingestion.UpdateProposalAsync(a1.Id, a1, Ct));
        Assert.Contains("already accepted", decided.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => Ingestion.UpdateProposalAsync("proposal:ffffffffffffffff", a1, Ct));
    }

    [Fact]
    public async Task Accepting_writes_edges_evidence_and_new_actors_together()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9, attributedTo: Nis);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        await SaveAsync("doc:a", TextA, null, [a1, a2]);

        var accepted = await Ingestion.AcceptProposalsAsync([a1.Id, a2.Id], "checked", Ct);
        Assert.All(accepted, r => Assert.Equal(ProposalStatus.Accepted, r.Status));
        var kursk = await Store.GetActorAsync(Kursk.Id, Ct);
        Assert.NotNull(kursk);
        Assert.Equal(["Kursk Oblast"], kursk.Aliases);
        var edge = await Store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Russia.Id), Ct);
        var evidence = Assert.Single(edge!.Evidence);
        Assert.Equal(a1.ToEvidence(), evidence);
        Assert.NotNull(await Store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Kursk.Id), Ct));
        Assert.Equal(ProposalStatus.Accepted, (await Ingestion.GetProposalAsync(a1.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_batch_with_one_bad_proposal_stores_nothing_and_names_the_proposal_and_rule()
    {
        var good = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        var bad = Propose("doc:a", TextA, RelationshipType.Deployed, Nis, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        await SaveAsync("doc:a", TextA, null, [good, bad]);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Ingestion.AcceptProposalsAsync([good.Id, bad.Id], null, Ct));
        Assert.Equal("direction", error.Rule);
        Assert.Contains(bad.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("deploy-verb", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetActorAsync(Kursk.Id, Ct));
        Assert.Null(await Store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Kursk.Id), Ct));
        Assert.All(await Ingestion.GetProposalsAsync(new ProposalQuery(), Ct), r => Assert.Equal(ProposalStatus.Pending, r.Status));
        Assert.DoesNotContain(await Ingestion.SearchTextAsync("troops", 10, Ct), h => h.Edge is not null);
    }

    [Fact]
    public async Task Accepting_the_same_edge_from_two_documents_corroborates_and_differing_figures_conflict()
    {
        var a = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9, new EdgeAttributes { Count = 13221 });
        var b = Propose("doc:b", TextB, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed about 15,000 workers to Russia", "deploy-verb", 0.8, new EdgeAttributes { Count = 15000 });
        var c = Propose("doc:c", TextC, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.7, new EdgeAttributes { Count = 13221 });
        await SaveAsync("doc:a", TextA, null, [a]);
        await SaveAsync("doc:b", TextB, null, [b]);
        await SaveAsync("doc:c", TextC, null, [c]);

        await Ingestion.AcceptProposalsAsync([a.Id], null, Ct);
        await Ingestion.AcceptProposalsAsync([c.Id], null, Ct);
        var key = new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Russia.Id);
        Assert.Equal(2, (await Store.GetRelationshipAsync(key, Ct))!.Evidence.Count);
        Assert.Empty(await Store.GetConflictsAsync(Ct));

        await Ingestion.AcceptProposalsAsync([b.Id], null, Ct);
        var edge = (await Store.GetRelationshipAsync(key, Ct))!;
        Assert.Equal(3, edge.Evidence.Count);
        Assert.Equal(13221, edge.Attributes.Count);
        var conflict = Assert.Single(await Store.GetConflictsAsync(Ct));
        Assert.Equal(key.Canonical(), conflict.Relationship.Key);

        var quotes = await Ingestion.SearchTextAsync("15,000", 10, Ct);
        Assert.Contains(quotes, h => h.Edge == key.Canonical() && h.Document == DocumentId.Parse("doc:b"));
    }

    [Fact]
    public async Task Rejections_are_remembered_per_document_and_decided_proposals_cannot_be_decided_again()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        await SaveAsync("doc:a", TextA, null, [a1, a2]);
        await Ingestion.RejectProposalsAsync([a2.Id], null, Ct);

        Assert.Equal([a2.Id], await Ingestion.GetRejectedProposalIdsAsync(DocumentId.Parse("doc:a"), Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Ingestion.AcceptProposalsAsync([a2.Id], null, Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => Ingestion.RejectProposalsAsync([a2.Id], null, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => Ingestion.RejectProposalsAsync(["proposal:ffffffffffffffff"], null, Ct));

        // Saving the document again with the same proposals adds nothing and keeps the decision.
        await SaveAsync("doc:a", TextA, null, [a1, a2]);
        Assert.Equal(ProposalStatus.Rejected, (await Ingestion.GetProposalAsync(a2.Id, Ct))!.Status);
        Assert.Equal(2, (await Ingestion.GetProposalsAsync(new ProposalQuery(), Ct)).Count);
    }

    [Fact]
    public async Task Rule_precision_counts_decisions_per_rule()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        var b1 = Propose("doc:b", TextB, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed about 15,000 workers to Russia", "deploy-verb", 0.8);
        var b2 = Propose("doc:b", TextB, RelationshipType.Reported, Nis, NorthKorea, "NIS says North Korea deployed", "says-report", 0.5);
        await SaveAsync("doc:a", TextA, null, [a1, a2]);
        await SaveAsync("doc:b", TextB, null, [b1, b2]);
        await Ingestion.AcceptProposalsAsync([a1.Id], null, Ct);
        await Ingestion.RejectProposalsAsync([b1.Id, a2.Id], null, Ct);

        var rules = (await Ingestion.GetRulePrecisionAsync(Ct)).ToDictionary(r => r.Rule);
        Assert.Equal(new RulePrecision("deploy-verb", 1, 1, 0), rules["deploy-verb"]);
        Assert.Equal(0.5, rules["deploy-verb"].Precision);
        Assert.Equal(new RulePrecision("sent-to", 0, 1, 0), rules["sent-to"]);
        Assert.Equal(new RulePrecision("says-report", 0, 0, 1), rules["says-report"]);
        Assert.Null(rules["says-report"].Precision);
    }

    [Fact]
    public async Task A_proposal_saved_as_accepted_is_written_with_its_document()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.95);
        var doc = Stored("doc:a", TextA, null);
        await Ingestion.SaveIngestedAsync(doc, [new ProposalRecord(a1, ProposalStatus.Accepted, T0, T0, "auto-accepted")], Ct);
        Assert.NotNull(await Store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Deployed, NorthKorea.Id, Kursk.Id), Ct));
        Assert.Equal(ProposalStatus.Accepted, (await Ingestion.GetProposalAsync(a1.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Reopening_keeps_documents_proposals_decisions_and_the_text_index()
    {
        var a1 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Russia, "North Korea deployed 13,221 workers to Russia", "deploy-verb", 0.9);
        var a2 = Propose("doc:a", TextA, RelationshipType.Deployed, NorthKorea, Kursk, "Pyongyang also sent troops to Kursk", "sent-to", 0.6);
        var doc = await SaveAsync("doc:a", TextA, "https://example.org/a", [a1, a2]);
        await Ingestion.AcceptProposalsAsync([a1.Id], "ok", Ct);
        await Ingestion.RejectProposalsAsync([a2.Id], "no", Ct);
        var before = await Ingestion.GetProposalsAsync(new ProposalQuery(), Ct);

        _store = await ReopenAsync(_store!);
        Assert.Equal(doc, await Ingestion.GetStoredDocumentAsync(doc.Document.Id, Ct));
        Assert.Equal(doc, await Ingestion.FindLatestByUrlAsync("https://example.org/a", Ct));
        Assert.Equal(Summary(before), Summary(await Ingestion.GetProposalsAsync(new ProposalQuery(), Ct)));
        Assert.Equal([a2.Id], await Ingestion.GetRejectedProposalIdsAsync(doc.Document.Id, Ct));
        Assert.Equal(2, (await Ingestion.SearchTextAsync("workers", 10, Ct)).Count);
    }

    // ---- helpers ----

    protected static ProposedActor Known(string id, NodeKind kind, string name) => new(ActorId.Parse(id), kind, name, [], true);

    protected static Proposal Propose(string document, string text, RelationshipType type, ProposedActor from, ProposedActor to, string quote, string rule, double confidence,
        EdgeAttributes? attributes = null, ProposedActor? attributedTo = null)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in the text");
        return new Proposal(DocumentId.Parse(document), type, from, to, quote, start, start + quote.Length, attributedTo, Stance.Asserts, confidence, rule, "test/1", attributes);
    }

    protected static Proposal Span(Proposal proposal, string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        return proposal with { Quote = quote, Start = start, End = start + quote.Length };
    }

    protected static StoredDocument Stored(string id, string text, string? url, int version = 1, string? previous = null) =>
        new(new Document(DocumentId.Parse(id), "Title of " + id, null, url, PartialDate.Parse("2026-02"), text), "text", "en", "Example Times", "test", version,
            previous is null ? null : DocumentId.Parse(previous), T0.AddMinutes(version));

    protected async Task<StoredDocument> SaveAsync(string id, string text, string? url, IReadOnlyList<Proposal> proposals, int version = 1, string? previous = null)
    {
        var doc = Stored(id, text, url, version, previous);
        await Ingestion.SaveIngestedAsync(doc, [.. proposals.Select(p => new ProposalRecord(p, ProposalStatus.Pending, T0))], Ct);
        return doc;
    }

    /// <summary>Proposals hold lists (aliases), which records compare by reference: compare what they say instead.</summary>
    protected static void AssertSame(Proposal expected, Proposal actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected with { From = actual.From, To = actual.To, AttributedTo = actual.AttributedTo }, actual);
        foreach (var (e, a) in new[] { (expected.From, actual.From), (expected.To, actual.To) })
        {
            Assert.Equal((e.Id, e.Kind, e.Name, e.Known), (a.Id, a.Kind, a.Name, a.Known));
            Assert.Equal(e.Aliases, a.Aliases);
        }

        Assert.Equal(expected.AttributedTo?.Id, actual.AttributedTo?.Id);
    }

    protected static string[] Summary(IEnumerable<ProposalRecord> records) =>
        [.. records.Select(r => $"{r.Id} {r.Status} {r.CreatedAt:O} {r.ReviewedAt:O} {r.ReviewNote} {r.Edited} {r.OriginalId} {r.Proposal.Quote}")];

    private static string[] Ids(IReadOnlyList<ProposalRecord> records) => [.. records.Select(r => r.Id)];
}
