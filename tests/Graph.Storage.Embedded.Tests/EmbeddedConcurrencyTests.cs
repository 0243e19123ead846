using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Embedded;

/// <summary>Many readers while one writer commits: a reader sees each write entirely or not at all.</summary>
public sealed class EmbeddedConcurrencyTests : IDisposable
{
    private const int Batches = 20;
    private const int PerBatch = 50;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Readers_never_see_half_a_write()
    {
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db"), DurableCommits = false }, null, Ct);
        var doc = Document("concurrency", sentences: 4 * Batches * PerBatch);
        var hub = State("hub");
        var states = Enumerable.Range(0, PerBatch).Select(i => State($"s{i:D3}")).ToList();
        await store.ImportAsync(Snapshot([hub, .. states], [doc], []), null, Ct);

        using var stop = new CancellationTokenSource();
        var problems = new List<string>();
        var observations = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Each batch adds PerBatch edges from the hub, each with two evidence: any other count is half a write.
                var stats = await store.GetStatsAsync();
                var neighbourhood = await store.GetNeighbourhoodAsync(new NeighbourhoodRequest(hub.Id, 1, NodeLimit: 10_000));
                var edges = await store.GetRelationshipsAsync(hub.Id, RelationshipFilter.All);
                lock (problems)
                {
                    observations++;
                    if (stats.Relationships % PerBatch != 0 || stats.Evidence != 2 * stats.Relationships)
                    {
                        problems.Add($"stats: {stats.Relationships} edges, {stats.Evidence} evidence");
                    }

                    if (edges.Count % PerBatch != 0 || neighbourhood.Edges.Count % PerBatch != 0)
                    {
                        problems.Add($"reads: {edges.Count} edges listed, {neighbourhood.Edges.Count} in the neighbourhood");
                    }
                }
            }
        })).ToList();

        for (var batch = 0; batch < Batches; batch++)
        {
            var edges = states.Select((s, i) => new Relationship(
                RelationshipType.Supports, hub.Id, s.Id, EdgeAttributes.None,
                [Quote(doc, 4 * ((batch * PerBatch) + i)), Quote(doc, (4 * ((batch * PerBatch) + i)) + 1)],
                $"batch-{batch}")).ToList();
            await store.UpsertRelationshipsAsync(edges, Ct);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(problems);
        Assert.True(observations > 0);
        Assert.Equal(Batches * PerBatch, (await store.GetStatsAsync(Ct)).Relationships);
    }
}
