using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Extraction.Reading;
using Graph.Ingest.Ingestion;
using static Graph.Ingest.Tests.Ingestion.IngestionFixture;

namespace Graph.Ingest.Tests.Ingestion;

/// <summary>Ingesting documents into an embedded store on a real SQLite file, with a scripted extractor.</summary>
public sealed class IngestionServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_document_is_stored_with_its_metadata_and_proposals_wait_for_review()
    {
        await using var f = await CreateAsync();
        var result = await f.Ingestion.IngestAsync(Read(TextA, "North Korean workers in Russia: the NIS report", "https://news.example/nk", "Yonhap"), null, Ct);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        Assert.Equal(DocumentId.Parse("doc:north-korean-workers-in-russia-the-nis-report"), result.Document);
        Assert.Equal(3, result.Proposals);
        Assert.Equal(0, result.AutoAccepted);
        var stored = (await f.Store.GetStoredDocumentAsync(result.Document, Ct))!;
        Assert.Equal(ActorId.Parse("organization:yonhap"), stored.Document.Publisher);
        Assert.Equal("Yonhap", stored.PublisherName);
        Assert.Equal(("text", "en", "test.txt", 1, (DocumentId?)null), (stored.Format, stored.Language, stored.Source, stored.Version, stored.PreviousVersion));
        Assert.Equal(f.Clock.Now, stored.IngestedAt);
        Assert.Equal(TextA, stored.Document.Text);
        Assert.All(await f.Review.ListAsync(null, Ct), r => Assert.Equal(ProposalStatus.Pending, r.Status));
        Assert.Equal(0, (await f.Store.GetStatsAsync(Ct)).Relationships);
    }

    [Fact]
    public async Task An_unknown_publisher_keeps_its_name_without_an_actor_and_a_long_title_is_shortened()
    {
        await using var f = await CreateAsync();
        var title = string.Join(' ', Enumerable.Repeat("sanctions report", 20));
        var result = await f.Ingestion.IngestAsync(Read(TextA, title, null, "The Daily Nowhere"), null, Ct);
        var stored = (await f.Store.GetStoredDocumentAsync(result.Document, Ct))!;
        Assert.Null(stored.Document.Publisher);
        Assert.Equal("The Daily Nowhere", stored.PublisherName);
        Assert.True(result.Document.Value.Length <= "doc:".Length + 60, result.Document.Value);
        // Cut at a hyphen: no word is broken.
        Assert.StartsWith(result.Document.Value["doc:".Length..] + "-", Core.Slug.From(title), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_without_letters_gets_a_placeholder_slug_and_a_taken_id_a_suffix()
    {
        await using var f = await CreateAsync();
        var first = await f.Ingestion.IngestAsync(Read(TextA, "!!! ???"), null, Ct);
        var second = await f.Ingestion.IngestAsync(Read(TextB, "¿¡"), null, Ct);
        Assert.Equal(DocumentId.Parse("doc:unnamed"), first.Document);
        Assert.Equal(DocumentId.Parse("doc:unnamed-2"), second.Document);
    }

    [Fact]
    public async Task The_same_text_again_is_a_duplicate_and_writes_nothing()
    {
        await using var f = await CreateAsync();
        var first = await f.Ingestion.IngestAsync(Read(TextA, "First"), null, Ct);
        var again = await f.Ingestion.IngestAsync(Read(TextA, "Another title", "https://elsewhere.example/x"), null, Ct);

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.Document, again.Document);
        Assert.Equal(0, again.Proposals);
        Assert.Contains(first.Document.Value, again.Describe(), StringComparison.Ordinal);
        Assert.Single(await f.Store.GetDocumentsAsync(Ct));
        Assert.Equal(3, (await f.Review.ListAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task A_curated_document_counts_for_duplicates_and_as_the_first_version_of_its_url()
    {
        await using var f = await CreateAsync();
        var curated = new Document(DocumentId.Parse("doc:curated"), "Curated", null, "https://news.example/curated", null, TextB);
        await f.Store.UpsertDocumentsAsync([curated], Ct);

        var duplicate = await f.Ingestion.IngestAsync(Read(TextB, "Same text"), null, Ct);
        Assert.Equal((IngestOutcome.Duplicate, curated.Id), (duplicate.Outcome, duplicate.Document));

        var version = await f.Ingestion.IngestAsync(Read(TextB + " Corrected.", "Curated", "https://news.example/curated"), null, Ct);
        Assert.Equal((IngestOutcome.NewVersion, curated.Id, DocumentId.Parse("doc:curated-2")), (version.Outcome, version.PreviousVersion, version.Document));
        Assert.Equal(2, (await f.Store.GetStoredDocumentAsync(version.Document, Ct))!.Version);
    }

    [Fact]
    public async Task Another_text_at_the_same_url_is_a_new_version_linked_to_the_previous()
    {
        await using var f = await CreateAsync();
        var first = await f.Ingestion.IngestAsync(Read(TextA, "Workers report", "https://news.example/nk"), null, Ct);
        var second = await f.Ingestion.IngestAsync(Read(TextA + " Updated on Tuesday.", "Workers report", "https://news.example/nk"), null, Ct);
        var third = await f.Ingestion.IngestAsync(Read(TextA + " Updated again.", "Workers report", "https://news.example/nk"), null, Ct);

        Assert.Equal(IngestOutcome.NewVersion, second.Outcome);
        Assert.Equal(first.Document, second.PreviousVersion);
        Assert.Equal(DocumentId.Parse("doc:workers-report-2"), second.Document);
        Assert.Equal(second.Document, third.PreviousVersion);
        var latest = (await f.Store.FindLatestByUrlAsync("https://news.example/nk", Ct))!;
        Assert.Equal((third.Document, 3, second.Document), (latest.Document.Id, latest.Version, latest.PreviousVersion));
    }

    [Fact]
    public async Task Metadata_overrides_win_over_what_the_document_says()
    {
        await using var f = await CreateAsync();
        var overrides = new DocumentMetadata("Overridden title", "NIS", "https://override.example/", PartialDate.Parse("2025-12"), "ko");
        var result = await f.Ingestion.IngestAsync(Read(TextA, "Own title", "https://own.example/", "Yonhap"), new IngestRequest(overrides), Ct);

        Assert.Equal(DocumentId.Parse("doc:overridden-title"), result.Document);
        var stored = (await f.Store.GetStoredDocumentAsync(result.Document, Ct))!;
        Assert.Equal(("Overridden title", Nis, "https://override.example/", "2025-12", "ko", "NIS"),
            (stored.Document.Title, stored.Document.Publisher, stored.Document.Url, stored.Document.Published?.ToString(), stored.Language, stored.PublisherName));
    }

    [Fact]
    public async Task Proposals_at_or_above_the_threshold_are_accepted_on_ingestion()
    {
        await using var f = await CreateAsync(new IngestionOptions { AutoAcceptThreshold = 0.7 });
        var result = await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct);

        Assert.Equal(3, result.Proposals);
        Assert.Equal(2, result.AutoAccepted);
        Assert.NotNull(await f.Store.GetRelationshipAsync(new RelationshipKey(Core.Ontology.RelationshipType.Deployed, NorthKorea, Russia), Ct));
        Assert.NotNull(await f.Store.GetRelationshipAsync(new RelationshipKey(Core.Ontology.RelationshipType.Reported, Nis, NorthKorea), Ct));
        var pending = Assert.Single(await f.Review.ListAsync(new ProposalQuery(Status: ProposalStatus.Pending), Ct));
        Assert.Equal("sent-to", pending.Proposal.Rule);

        // The request's threshold overrides the service's.
        var strict = await f.Ingestion.IngestAsync(Read(TextC, "Confirmation"), new IngestRequest(AutoAcceptThreshold: 0.95), Ct);
        Assert.Equal(0, strict.AutoAccepted);
    }

    [Fact]
    public async Task When_extraction_throws_nothing_is_stored()
    {
        await using var f = await CreateAsync();
        f.Fail = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => f.Ingestion.IngestAsync(Read(TextA, "Report", "https://news.example/nk"), null, Ct));

        Assert.Empty(await f.Store.GetDocumentsAsync(Ct));
        Assert.Empty(await f.Review.ListAsync(null, Ct));
        Assert.Null(await f.Store.FindByContentHashAsync(Document.Hash(TextA), Ct));

        f.Fail = false;
        Assert.Equal(IngestOutcome.Created, (await f.Ingestion.IngestAsync(Read(TextA, "Report", "https://news.example/nk"), null, Ct)).Outcome);
    }

    [Fact]
    public async Task Reextraction_skips_rejected_and_queued_proposals_and_adds_new_ones()
    {
        await using var f = await CreateAsync();
        var result = await f.Ingestion.IngestAsync(Read(TextA, "Report"), null, Ct);
        var kursk = (await f.Review.ListAsync(new ProposalQuery(Rule: "sent-to"), Ct)).Single();
        await f.Review.RejectAsync(kursk.Id, "troops, not a deployment of workers", Ct);

        var again = await f.Ingestion.ReextractAsync(result.Document, null, Ct);
        Assert.Equal((IngestOutcome.Reextracted, 0, 1, 2), (again.Outcome, again.Proposals, again.SkippedRejected, again.SkippedExisting));
        Assert.Equal(3, (await f.Review.ListAsync(null, Ct)).Count);

        f.Script.Add(new(Core.Ontology.RelationshipType.Deployed, "North Korea", Core.Ontology.NodeKind.State, "Russia", Core.Ontology.NodeKind.State, "deployed 13,221 workers", "short-deploy", 0.5));
        var more = await f.Ingestion.ReextractAsync(result.Document, null, Ct);
        Assert.Equal((1, 1, 2), (more.Proposals, more.SkippedRejected, more.SkippedExisting));
        Assert.Equal(ProposalStatus.Rejected, (await f.Review.GetAsync(kursk.Id, Ct)).Status);
        await Assert.ThrowsAsync<Core.Errors.NotFoundException>(() => f.Ingestion.ReextractAsync(DocumentId.Parse("doc:nope"), null, Ct));
    }

    [Fact]
    public async Task The_extractor_is_built_once_and_rebuilt_only_when_the_graphs_actors_change()
    {
        await using var f = await CreateAsync();
        await f.Ingestion.IngestAsync(Read(TextA, "One"), null, Ct);
        await f.Ingestion.IngestAsync(Read(TextB, "Two"), null, Ct);
        Assert.Equal(1, f.FactoryCalls);

        // Accepting the Kursk proposal creates the actor Kursk: the gazetteer must now know it.
        var kursk = (await f.Review.ListAsync(new ProposalQuery(Rule: "sent-to"), Ct)).Single();
        await f.Review.AcceptAsync(kursk.Id, null, Ct);
        await f.Ingestion.IngestAsync(Read(TextC, "Three"), null, Ct);
        Assert.Equal(2, f.FactoryCalls);
        Assert.Equal(2, f.Ingestion.ExtractorBuilds);
    }
}
