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
        await store.SearchActorsAsync(new ActorSearch("kor", new HashSet<NodeKind> { NodeKind.State, NodeKind.Agency }, 5, 1), ct);
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

        // sync, with and without pruning
        await using var source = new Neo4jGraphStore(FakeNeo4jServer.Options(), new FakeNeo4jServer(protocol));
        await new Neo4jSync(source, store).RunAsync(null, prune: true, ct);
        await new Neo4jSync(source, store).RunAsync(null, prune: false, ct);
        return server;
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
