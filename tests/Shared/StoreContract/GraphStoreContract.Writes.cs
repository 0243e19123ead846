using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Contract;

// Writes: idempotent, atomic, merging evidence, refusing what breaks a rule without changing anything.
public abstract partial class GraphStoreContract
{
    private static readonly Document s_doc = Document("contract-a", published: PartialDate.OfMonth(2025, 2));
    private static readonly Document s_doc2 = Document("contract-b", published: PartialDate.OfYear(2024));
    private static readonly Actor s_alpha = State("alpha", "Alphaland", "Ålpha Republic");
    private static readonly Actor s_beta = State("beta");
    private static readonly Actor s_gamma = State("gamma");
    private static readonly Actor s_agency = Actor(NodeKind.Agency, "alpha-intelligence", "AIS");
    private static readonly Actor s_treaty = Actor(NodeKind.Treaty, "pact");

    private async Task<IGraphStore> SmallAsync()
    {
        var store = Store;
        await store.UpsertActorsAsync([s_alpha, s_beta, s_gamma, s_agency, s_treaty], Ct);
        await store.UpsertDocumentsAsync([s_doc, s_doc2], Ct);
        return store;
    }

    [Fact]
    public async Task Upserting_new_actors_creates_them_and_again_changes_nothing()
    {
        var store = Store;
        Assert.Equal(new UpsertResult(3, 0, 0), await store.UpsertActorsAsync([s_alpha, s_beta, s_gamma], Ct));
        Assert.Equal(new UpsertResult(0, 0, 3), await store.UpsertActorsAsync([s_alpha, s_beta, s_gamma], Ct));
        Assert.Equal(s_alpha, await store.GetActorAsync(s_alpha.Id, Ct));
    }

    [Fact]
    public async Task Upserting_an_actor_by_id_replaces_it()
    {
        var store = await SmallAsync();
        var renamed = s_beta with { Name = "Beta Federation", Aliases = ["BF"], Description = "renamed" };
        Assert.Equal(new UpsertResult(0, 1, 0), await store.UpsertActorsAsync([renamed], Ct));
        Assert.Equal(renamed, await store.GetActorAsync(s_beta.Id, Ct));
        Assert.Equal(s_beta.Id, (await store.ResolveActorAsync("bf", Ct))?.Id);
        Assert.Null(await store.ResolveActorAsync("Beta", Ct));
    }

    [Fact]
    public async Task Importing_the_same_snapshot_twice_changes_nothing()
    {
        var store = Store;
        var first = await store.ImportAsync(SeedKnowledge, null, Ct);
        var before = await store.ExportAsync(Ct);
        var second = await store.ImportAsync(SeedKnowledge, null, Ct);

        Assert.Equal(SeedKnowledge.Actors.Count + SeedKnowledge.Documents.Count + SeedKnowledge.Relationships.Count, first.Created);
        Assert.Equal(0, second.Created + second.Updated);
        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
    }

    [Fact]
    public async Task Import_reports_progress_up_to_the_total()
    {
        var store = Store;
        var reports = new List<ImportProgress>();
        await store.ImportAsync(SeedKnowledge, new SynchronousProgress(reports.Add), Ct);

        Assert.NotEmpty(reports);
        var relationships = reports.Where(r => r.Total == SeedKnowledge.Relationships.Count).ToList();
        Assert.NotEmpty(relationships);
        Assert.Contains(relationships, r => r.Done == r.Total);
    }

    [Fact]
    public async Task Two_documents_stating_one_relationship_give_one_edge_with_two_evidence()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);
        var result = await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc2, 2))], Ct);

        Assert.Equal(new UpsertResult(0, 1, 0), result);
        var edge = await store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Supports, s_alpha.Id, s_beta.Id), Ct);
        Assert.NotNull(edge);
        Assert.Equal([s_doc.Id, s_doc2.Id], edge.Evidence.Select(e => e.DocumentId));
        Assert.Equal(1, (await store.GetStatsAsync(Ct)).Relationships);
    }

    [Fact]
    public async Task Restating_the_same_evidence_keeps_one_copy_in_its_place()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1), Quote(s_doc, 2))], Ct);
        var again = await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);

        Assert.Equal(new UpsertResult(0, 0, 1), again);
        var evidence = await store.GetEvidenceAsync(new RelationshipKey(RelationshipType.Supports, s_alpha.Id, s_beta.Id), Ct);
        Assert.Equal([Quote(s_doc, 1), Quote(s_doc, 2)], evidence);
    }

    [Fact]
    public async Task A_symmetric_edge_stated_both_ways_is_one_edge()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.AlliedWith, s_beta, s_alpha, Quote(s_doc, 3))], Ct);
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.AlliedWith, s_alpha, s_beta, Quote(s_doc2, 4))], Ct);

        var edges = await store.GetRelationshipsAsync(s_beta.Id, RelationshipFilter.All, Ct);
        var edge = Assert.Single(edges);
        Assert.Equal(s_alpha.Id, edge.From); // canonical: the lower id first
        Assert.Equal(2, edge.Evidence.Count);
        var outgoing = await store.GetRelationshipsAsync(s_beta.Id, new RelationshipFilter { Direction = Direction.Outgoing }, Ct);
        Assert.Single(outgoing); // symmetric edges are followed both ways whatever is asked
    }

    [Fact]
    public async Task Disagreeing_figures_stay_with_each_source_and_show_as_a_conflict()
    {
        var store = await SmallAsync();
        var first = new EdgeAttributes { Personnel = "workers", Count = 13221 };
        var second = new EdgeAttributes { Personnel = "workers", Count = 15000 };
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Deployed, s_alpha, s_beta, EdgeAttributes.None, Quote(s_doc, 5, attributes: first))], Ct);
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Deployed, s_alpha, s_beta, EdgeAttributes.None, Quote(s_doc2, 6, attributes: second))], Ct);

        var conflict = Assert.Single(await store.GetConflictsAsync(Ct));
        Assert.Equal("count", conflict.Quantity);
        Assert.Equal([13221m, 15000m], conflict.Claims.Select(c => c.Value!.Value).Order());
        Assert.Equal([s_doc.Id, s_doc2.Id], conflict.Claims.Select(c => c.Evidence.DocumentId).Order());
    }

    [Fact]
    public async Task An_edge_against_its_direction_rule_refuses_the_whole_batch_and_changes_nothing()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);
        var before = await store.ExportAsync(Ct);

        var good = Edge(RelationshipType.Supports, s_beta, s_gamma, Quote(s_doc, 2));
        var backwards = Edge(RelationshipType.Ratified, s_treaty, s_alpha, Quote(s_doc, 3)); // RATIFIED goes State -> Treaty
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertRelationshipsAsync([good, backwards], Ct));

        Assert.Equal("direction", error.Rule);
        Assert.Contains("RATIFIED", error.Message, StringComparison.Ordinal);
        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
    }

    [Fact]
    public async Task Refused_writes_change_nothing_whatever_the_reason()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);
        var before = await store.ExportAsync(Ct);
        var good = Edge(RelationshipType.Supports, s_beta, s_gamma, Quote(s_doc, 2));
        var misquoted = Quote(s_doc, 4) with { Quote = "Claim number 99999 is stated here." };
        var unknown = State("atlantis");

        await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertRelationshipsAsync([good, Edge(RelationshipType.Supports, s_alpha, s_gamma)], Ct));
        await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertRelationshipsAsync([good, Edge(RelationshipType.Supports, s_alpha, s_gamma, misquoted)], Ct));
        await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertRelationshipsAsync([good, Edge(RelationshipType.Supports, s_alpha, s_alpha, Quote(s_doc, 5))], Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpsertRelationshipsAsync([good, Edge(RelationshipType.Supports, s_alpha, unknown, Quote(s_doc, 6))], Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpsertRelationshipsAsync([good, Edge(RelationshipType.Supports, s_alpha, s_gamma, Quote(Document("nowhere"), 7))], Ct));
        await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertActorsAsync([s_gamma with { Name = "Gamma 2" }, new Actor(ActorId.Parse("state:delta"), NodeKind.Agency, "Delta")], Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.UpsertActorsAsync([s_gamma with { Name = "Gamma 2" }, State("delta") with { Name = " " }], Ct));
        await Assert.ThrowsAsync<RuleViolationException>(() => store.ImportAsync(Snapshot([State("delta")], [], [Edge(RelationshipType.Supports, s_alpha, s_gamma)]), null, Ct));

        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
    }

    [Fact]
    public async Task Replacing_a_document_text_that_would_strand_a_quote_is_refused()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.UpsertDocumentsAsync([s_doc with { Text = "Something else entirely." }], Ct));
        Assert.Equal("evidence-verbatim", error.Rule);
        Assert.Equal(s_doc, await store.GetDocumentAsync(s_doc.Id, Ct));
        Assert.Equal(new UpsertResult(0, 1, 0), await store.UpsertDocumentsAsync([s_doc with { Title = "Retitled" }], Ct));
    }

    [Fact]
    public async Task Adding_an_alias_makes_it_resolve_and_adding_it_again_is_a_no_op()
    {
        var store = await SmallAsync();
        var updated = await store.AddAliasAsync(s_gamma.Id, "Gámma Land", Ct);
        var again = await store.AddAliasAsync(s_gamma.Id, "gamma land", Ct);

        Assert.Equal(["Gámma Land"], updated.Aliases);
        Assert.Equal(updated, again);
        Assert.Equal(s_gamma.Id, (await store.ResolveActorAsync("GAMMA LAND", Ct))?.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => store.AddAliasAsync(ActorId.Parse("state:nowhere"), "x", Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.AddAliasAsync(s_gamma.Id, " – ", Ct));
    }

    [Fact]
    public async Task Merging_actors_moves_edges_and_evidence_and_keeps_the_names_as_aliases()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync(
            [
                Edge(RelationshipType.Supports, s_alpha, s_gamma, Quote(s_doc, 1)),
                Edge(RelationshipType.Supports, s_beta, s_gamma, Quote(s_doc, 2)),
                Edge(RelationshipType.AlliedWith, s_beta, s_gamma, Quote(s_doc, 3)),
                Edge(RelationshipType.MemberOf, s_agency, s_beta, Quote(s_doc, 4, attributedTo: s_beta.Id)),
            ],
            Ct);
        var before = await store.ExportAsync(Ct);

        var result = await store.MergeActorsAsync(s_alpha.Id, s_beta.Id, Ct);

        Assert.Equal(3, result.RelationshipsMoved);
        Assert.Equal(3, result.EvidenceMoved);
        Assert.Equal(1, result.AliasesAdded);
        Assert.Contains("Beta", result.Kept.Aliases);
        Assert.Null(await store.GetActorAsync(s_beta.Id, Ct));
        Assert.Equal(s_alpha.Id, (await store.ResolveActorAsync("beta", Ct))?.Id);

        var after = await store.ExportAsync(Ct);
        Assert.Equal(SnapshotAssert.EvidenceKeys(before), SnapshotAssert.EvidenceKeys(after));
        var supports = SnapshotAssert.Find(after, new RelationshipKey(RelationshipType.Supports, s_alpha.Id, s_gamma.Id));
        Assert.Equal(2, supports.Evidence.Count); // alpha's and beta's SUPPORTS gamma became one edge
        Assert.DoesNotContain(after.Relationships, r => r.From == s_beta.Id || r.To == s_beta.Id);
        Assert.All(after.Relationships.SelectMany(r => r.Evidence), e => Assert.NotEqual(s_beta.Id, e.AttributedTo));
    }

    [Fact]
    public async Task Merging_two_linked_actors_is_refused_rather_than_making_a_self_edge()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1))], Ct);
        var before = await store.ExportAsync(Ct);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.MergeActorsAsync(s_alpha.Id, s_beta.Id, Ct));
        Assert.Equal("no-self-edge", error.Rule);
        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
        await Assert.ThrowsAsync<InvalidArgumentException>(() => store.MergeActorsAsync(s_alpha.Id, s_alpha.Id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.MergeActorsAsync(s_alpha.Id, ActorId.Parse("state:nowhere"), Ct));
    }

    [Fact]
    public async Task Merging_actors_whose_edges_would_break_a_direction_rule_is_refused()
    {
        var store = await SmallAsync();
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Ratified, s_beta, s_treaty, Quote(s_doc, 1))], Ct);
        var before = await store.ExportAsync(Ct);

        // An agency cannot ratify: moving beta's RATIFIED onto the agency breaks the rule.
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => store.MergeActorsAsync(s_agency.Id, s_beta.Id, Ct));
        Assert.Equal("direction", error.Rule);
        SnapshotAssert.Equal(before, await store.ExportAsync(Ct));
    }

    [Fact]
    public async Task Removing_evidence_keeps_the_edge_until_its_last_evidence_goes()
    {
        var store = await SmallAsync();
        var key = new RelationshipKey(RelationshipType.Supports, s_alpha.Id, s_beta.Id);
        await store.UpsertRelationshipsAsync([Edge(RelationshipType.Supports, s_alpha, s_beta, Quote(s_doc, 1), Quote(s_doc2, 2))], Ct);

        var remaining = await store.RemoveEvidenceAsync(key, s_doc.Id, Quote(s_doc, 1).Start, Ct);
        Assert.Equal([Quote(s_doc2, 2)], remaining!.Evidence);
        Assert.Null(await store.RemoveEvidenceAsync(key, s_doc2.Id, Quote(s_doc2, 2).Start, Ct));
        Assert.Null(await store.GetRelationshipAsync(key, Ct));
        Assert.Empty(await store.GetRelationshipsAsync(s_alpha.Id, RelationshipFilter.All, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.RemoveEvidenceAsync(key, s_doc.Id, 0, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => store.GetEvidenceAsync(key, Ct));
    }

    /// <summary>Collects progress reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
