using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Ingestion;
using static Graph.Ingest.Tests.Ingestion.IngestionFixture;

namespace Graph.Ingest.Tests.Ingestion;

/// <summary>Reviewing proposals: edit, accept and reject (one or a batch), corroboration, conflicts, rule precision.</summary>
public sealed class ReviewServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly RelationshipKey Deployment = new RelationshipKey(RelationshipType.Deployed, NorthKorea, Russia).Canonical();

    [Fact]
    public async Task An_edit_rereads_the_quote_from_the_text_checks_the_ontology_and_can_then_be_accepted()
    {
        await using var f = await CreateAsync();
        var doc = (await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct)).Document;
        var proposal = (await f.Review.ListAsync(new ProposalQuery(Rule: "sent-to"), Ct)).Single();

        // Point it at a new actor and widen the span to the full sentence.
        var start = TextA.IndexOf("Pyongyang", StringComparison.Ordinal);
        var edited = await f.Review.EditAsync(proposal.Id, new ProposalEdit(To: ActorChoice.New("Kursk Oblast", NodeKind.Location), Start: start, End: TextA.Length, Stance: Stance.Hedged), Ct);
        Assert.Equal("Pyongyang also sent troops to Kursk.", edited.Proposal.Quote);
        Assert.Equal(ActorId.Parse("location:kursk-oblast"), edited.Proposal.To.Id);
        Assert.False(edited.Proposal.To.Known);
        Assert.True(edited.Edited);
        Assert.Equal(proposal.Id, edited.OriginalId);

        var wrongWay = await Assert.ThrowsAsync<RuleViolationException>(() => f.Review.EditAsync(edited.Id, new ProposalEdit(From: ActorChoice.Of(Nis)), Ct));
        Assert.Equal("direction", wrongWay.Rule);
        Assert.Contains("DEPLOYED", wrongWay.Message, StringComparison.OrdinalIgnoreCase);
        var outside = await Assert.ThrowsAsync<InvalidArgumentException>(() => f.Review.EditAsync(edited.Id, new ProposalEdit(End: TextA.Length + 5), Ct));
        Assert.Contains($"{TextA.Length}", outside.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => f.Review.EditAsync(edited.Id, new ProposalEdit(To: ActorChoice.Of(ActorId.Parse("state:atlantis"))), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => f.Review.EditAsync("proposal:0123456789abcdef", new ProposalEdit(Stance: Stance.Denies), Ct));

        var accepted = await f.Review.AcceptAsync(edited.Id, "fixed the target", Ct);
        Assert.Equal(ProposalStatus.Accepted, accepted.Status);
        Assert.Equal("Kursk Oblast", (await f.Store.GetActorAsync(ActorId.Parse("location:kursk-oblast"), Ct))!.Name);
        var edge = (await f.Store.GetRelationshipAsync(new RelationshipKey(RelationshipType.Deployed, NorthKorea, ActorId.Parse("location:kursk-oblast")), Ct))!;
        var evidence = Assert.Single(edge.Evidence);
        Assert.Equal((doc, "Pyongyang also sent troops to Kursk.", Stance.Hedged), (evidence.DocumentId, evidence.Quote, evidence.Stance));

        var decided = await Assert.ThrowsAsync<InvalidArgumentException>(() => f.Review.EditAsync(edited.Id, new ProposalEdit(Stance: Stance.Asserts), Ct));
        Assert.Contains("already accepted", decided.Message, StringComparison.Ordinal);
        Assert.Contains(await f.Store.SearchTextAsync("troops kursk", 10, Ct), h => h.Edge is not null);
    }

    [Fact]
    public async Task A_batch_is_accepted_whole_or_not_at_all()
    {
        await using var f = await CreateAsync();
        await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct);
        var all = await f.Review.ListAsync(null, Ct);
        var kursk = all.Single(r => r.Proposal.Rule == "sent-to");

        // A bad edit saved through the store directly (the review service would refuse it) poisons the batch.
        await f.Store.UpdateProposalAsync(kursk.Id, kursk.Proposal with { From = kursk.Proposal.From with { Id = Nis, Kind = NodeKind.Agency } }, Ct);
        var bad = (await f.Review.ListAsync(new ProposalQuery(Rule: "sent-to"), Ct)).Single();
        var ids = all.Where(r => r.Id != kursk.Id).Select(r => r.Id).Append(bad.Id).ToList();
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => f.Review.AcceptAsync(ids, null, Ct));
        Assert.Contains(bad.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("sent-to", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await f.Store.GetStatsAsync(Ct)).Relationships);
        Assert.Null(await f.Store.GetActorAsync(Kursk, Ct));
        Assert.All(await f.Review.ListAsync(null, Ct), r => Assert.Equal(ProposalStatus.Pending, r.Status));

        var good = await f.Review.AcceptAsync(ids.SkipLast(1).ToList(), "batch", Ct);
        Assert.Equal(2, good.Count);
        Assert.Equal(2, (await f.Store.GetStatsAsync(Ct)).Relationships);
        await f.Review.RejectAsync([bad.Id], "wrong actor", Ct);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => f.Review.AcceptAsync(bad.Id, null, Ct));
    }

    [Fact]
    public async Task Two_documents_stating_one_figure_corroborate_and_a_third_with_another_figure_conflicts()
    {
        await using var f = await CreateAsync();
        var a = await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct);
        var c = await f.Ingestion.IngestAsync(Read(TextC, "Confirmation"), null, Ct);
        var b = await f.Ingestion.IngestAsync(Read(TextB, "Estimate"), null, Ct);
        async Task<string> DeployIn(DocumentId d) => (await f.Review.ListAsync(new ProposalQuery(Document: d, Rule: "deploy-verb"), Ct)).Single().Id;

        await f.Review.AcceptAsync([await DeployIn(a.Document), await DeployIn(c.Document)], null, Ct);
        var edge = (await f.Store.GetRelationshipAsync(Deployment, Ct))!;
        Assert.Equal(2, edge.Evidence.Count);
        Assert.Equal(13221, edge.Attributes.Count);
        Assert.Empty(await f.Store.GetConflictsAsync(Ct));

        await f.Review.AcceptAsync(await DeployIn(b.Document), null, Ct);
        edge = (await f.Store.GetRelationshipAsync(Deployment, Ct))!;
        Assert.Equal(3, edge.Evidence.Count);
        var conflict = Assert.Single(await f.Store.GetConflictsAsync(Ct));
        Assert.Equal("count", conflict.Quantity);
        Assert.Equal([13221m, 13221m, 15000m], conflict.Claims.Select(x => x.Value!.Value).Order());
    }

    [Fact]
    public async Task Rule_precision_counts_each_rules_decisions()
    {
        await using var f = await CreateAsync();
        await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct);
        await f.Ingestion.IngestAsync(Read(TextB, "Estimate"), null, Ct);
        var all = await f.Review.ListAsync(null, Ct);
        var deploys = all.Where(r => r.Proposal.Rule == "deploy-verb").ToList();
        await f.Review.AcceptAsync(deploys[0].Id, null, Ct);
        await f.Review.RejectAsync(deploys[1].Id, null, Ct);
        await f.Review.RejectAsync(all.Single(r => r.Proposal.Rule == "sent-to").Id, null, Ct);

        var precision = (await f.Review.GetRulePrecisionAsync(Ct)).ToDictionary(p => p.Rule);
        Assert.Equal(0.5, precision["deploy-verb"].Precision);
        Assert.Equal(0.0, precision["sent-to"].Precision);
        Assert.Equal((0, 0, 1), (precision["said-report"].Accepted, precision["said-report"].Rejected, precision["said-report"].Pending));
        Assert.Null(precision["said-report"].Precision);
    }
}
