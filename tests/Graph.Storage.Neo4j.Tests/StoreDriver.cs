using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;
using Graph.Storage.Neo4j.Sync;
using static Graph.Storage.Tests.Neo4j.SmallGraph;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// Drives every operation of the Neo4j store, and every option that changes the Cypher it sends (type lists,
/// directions, confidence, document, time windows, path modes, kind filters, counting, pruning), against a fake server.
/// </summary>
internal static class StoreDriver
{
    public static async Task<FakeNeo4jServer> DriveEverythingAsync(Neo4jProtocol protocol)
    {
        var server = new FakeNeo4jServer(protocol);
        await using var store = new Neo4jGraphStore(FakeNeo4jServer.Options(), server);
        var ct = TestContext.Current.CancellationToken;

        // writes (changed and new items, so every write statement is sent)
        var renamed = Actors.Select(a => a with { Name = a.Name + " (renamed)" }).ToList();
        renamed.Add(new Actor(ActorId.Parse("location:kursk-region"), NodeKind.Location, "Kursk region"));
        await store.UpsertActorsAsync(renamed, ct);
        await store.UpsertDocumentsAsync([SmallGraph.Document with { Title = "Retitled" }, SmallGraph.Document with { Id = DocumentId.Parse("doc:other"), Publisher = null, Published = null }], ct);
        var extra = Quote("Moscow and Pyongyang are allies.", Nis, Stance.Asserts);
        await store.UpsertRelationshipsAsync(
        [
            Relationships[0] with { Evidence = [.. Relationships[0].Evidence.Take(1)] },
            new Relationship(RelationshipType.Supports, Russia, NorthKorea, EdgeAttributes.None, [extra]),
        ], ct);
        await store.ImportAsync(Snapshot with { Actors = renamed }, new Progress<ImportProgress>(), ct);
        await store.AddAliasAsync(NorthKorea, "Chosun", ct);
        await store.MergeActorsAsync(Yonhap, Nis, ct);
        await store.RemoveEvidenceAsync(Relationships[0].Key, Report, Relationships[0].Evidence[0].Start, ct);
        await store.RemoveEvidenceAsync(Relationships[1].Key, Report, Relationships[1].Evidence[0].Start, ct);

        // lookups
        await store.GetActorAsync(NorthKorea, ct);
        await store.GetActorsAsync([NorthKorea, Russia], ct);
        await store.ResolveActorAsync("DPRK", ct);
        await store.SearchActorsAsync(new ActorSearch("kor"), ct);
        await store.SearchActorsAsync(new ActorSearch("kor", new HashSet<NodeKind> { NodeKind.State, NodeKind.Agency }, 5), ct);
        await store.SearchActorsAsync(new ActorSearch("kor", null, 5, new ActorSearchKey(MatchKind.Prefix, "North Korea", NorthKorea)), ct);
        await store.CountActorsAsync(new ActorSearch("kor"), ct);
        await store.CountActorsAsync(new ActorSearch("kor", new HashSet<NodeKind> { NodeKind.State }), ct);
        await store.GetRelationshipAsync(Relationships[0].Key, ct);
        foreach (var filter in Filters)
        {
            await store.GetRelationshipsAsync(NorthKorea, filter, ct);
            await store.GetRelationshipsForAsync([NorthKorea, Russia], filter, ct);
            await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(NorthKorea, 2, filter), ct);
            await store.GetCommonNeighboursAsync(NorthKorea, Resolution2397, filter, ct);
            foreach (var mode in Enum.GetValues<PathMode>())
            {
                await store.FindPathsAsync(new PathRequest(NorthKorea, Russia, 3, mode, filter), ct);
            }
        }

        await store.GetEvidenceAsync(Relationships[0].Key, ct);
        await Assert.ThrowsAsync<Graph.Core.Errors.NotFoundException>(() => store.GetTimelineAsync(ActorId.Parse("state:north-kora"), null, null, ct));
        await store.SearchEvidenceAsync("workers", 10, ct);
        await store.GetDocumentAsync(Report, ct);
        await store.GetDocumentsAsync(ct);

        // traversals and summaries
        await store.GetTimelineAsync(NorthKorea, null, null, ct);
        await store.GetTimelineAsync(NorthKorea, PartialDate.Parse("2024"), PartialDate.Parse("2025-06"), ct);
        await store.GetTimelineAsync(NorthKorea, PartialDate.Parse("2024-03"), null, ct);
        await store.GetConflictsAsync(ct);
        await store.GetStatsAsync(ct);
        await store.ExportAsync(ct);

        await DriveIngestionAsync(store, ct);

        // sync, with and without pruning
        await using var source = new Neo4jGraphStore(FakeNeo4jServer.Options(), new FakeNeo4jServer(protocol));
        await new Neo4jSync(source, store).RunAsync(null, prune: true, ct);
        await new Neo4jSync(source, store).RunAsync(null, prune: false, ct);
        return server;
    }

    /// <summary>A second version of the fixed graph's document, as ingestion saves it.</summary>
    public static readonly StoredDocument Version2 = new(
        SmallGraph.Document with { Id = DocumentId.Parse("doc:nis-report-2") }, "text", "en", "Yonhap", "test", 2, Report, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The fixed graph's document, as ingestion saves it.</summary>
    public static readonly StoredDocument Version1 = new(SmallGraph.Document, "text", "en", "Yonhap", "test", 1, null, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A proposal on the fixed graph's document.</summary>
    public static Proposal Propose(RelationshipType type, ActorId from, ActorId to, string quote, string rule, ProposedActor? newTo = null)
    {
        ProposedActor Known(ActorId id) => new(id, id.Kind, Actors.First(a => a.Id == id).Name, [], true);
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return new Proposal(Report, type, Known(from), newTo ?? Known(to), quote, start, start + quote.Length, null, Stance.Asserts, 0.8, rule, "test/1");
    }

    public static readonly ProposedActor Kursk = new(ActorId.Parse("location:kursk-oblast"), NodeKind.Location, "Kursk Oblast", ["Kursk"], false);

    /// <summary>Every ingestion operation, and the options that change its Cypher (each proposal filter, a re-keying edit).</summary>
    public static async Task DriveIngestionAsync(Neo4jGraphStore store, CancellationToken ct)
    {
        var deployed = Propose(RelationshipType.Deployed, NorthKorea, Russia, "North Korea sent 13,221 workers to Russia in 2024.", "deploy-verb");
        var reported = Propose(RelationshipType.Reported, Nis, NorthKorea, "The NIS reported on North Korea's dispatches.", "says-report");
        var violates = Propose(RelationshipType.Violates, Russia, Resolution2397, "Russia's use of them violates Resolution 2397.", "violates-verb");
        var toKursk = Propose(RelationshipType.Deployed, NorthKorea, Russia, "North Korea sent 13,221 workers", "deploy-verb", Kursk);
        var at = Version1.IngestedAt;
        await store.SaveIngestedAsync(Version1,
        [
            new ProposalRecord(deployed, ProposalStatus.Pending, at),
            new ProposalRecord(reported, ProposalStatus.Pending, at),
            new ProposalRecord(toKursk, ProposalStatus.Pending, at),
            new ProposalRecord(violates, ProposalStatus.Accepted, at, at, "auto-accepted"),
        ], ct);
        await store.SaveIngestedAsync(Version1, [new ProposalRecord(deployed, ProposalStatus.Pending, at)], ct);
        await store.SaveIngestedAsync(Version2, [], ct);

        await store.FindByContentHashAsync(SmallGraph.Document.ContentHash, ct);
        await store.FindLatestByUrlAsync(SmallGraph.Document.Url!, ct);
        await store.GetStoredDocumentAsync(Report, ct);
        await store.SearchTextAsync("workers* \"AND( col:x", 10, ct);

        await store.GetProposalsAsync(new ProposalQuery(), ct);
        await store.GetProposalsAsync(new ProposalQuery(Report, ProposalStatus.Pending, 0.5, "deploy-verb", 10, 1), ct);
        await store.GetProposalAsync(deployed.Id, ct);
        var narrowed = reported with { Quote = "The NIS reported", End = reported.Start + "The NIS reported".Length };
        var edited = await store.UpdateProposalAsync(reported.Id, narrowed, ct);
        await store.AcceptProposalsAsync([deployed.Id, toKursk.Id], "checked", ct);
        await store.RejectProposalsAsync([edited.Id], "too vague", ct);
        await store.GetRejectedProposalIdsAsync(Report, ct);
        await store.GetRulePrecisionAsync(ct);
    }

    /// <summary>Filters that each change the Cypher: none, types, each direction, confidence, document, each window shape.</summary>
    public static IReadOnlyList<RelationshipFilter> Filters =>
    [
        RelationshipFilter.All,
        new() { Types = new HashSet<RelationshipType> { RelationshipType.Deployed, RelationshipType.AlliedWith } },
        new() { Direction = Direction.Outgoing },
        new() { Direction = Direction.Incoming, MinConfidence = 0.5 },
        new() { Document = Report },
        new() { From = PartialDate.Parse("2024"), To = PartialDate.Parse("2024-12-31") },
        new() { From = PartialDate.Parse("2024-06") },
        new() { To = PartialDate.Parse("2025"), Direction = Direction.Outgoing, MinConfidence = 0.9, Document = Report, Types = new HashSet<RelationshipType> { RelationshipType.Reported } },
    ];
}
