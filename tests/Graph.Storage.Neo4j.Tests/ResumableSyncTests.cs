using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Store;
using Graph.Storage.Neo4j.Sync;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The sync's checkpoint over the fake server: a failure injected after some committed batches stops the sync with its
/// checkpoint on disk; the next run writes only the batches not yet committed, and the completed sync removes the file.
/// </summary>
public sealed class ResumableSyncTests : IDisposable
{
    private readonly string _checkpoint = Path.Combine(Path.GetTempPath(), $"graph-sync-{Guid.NewGuid():N}.json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        File.Delete(_checkpoint);
        File.Delete(_checkpoint + ".tmp");
    }

    [Fact]
    public async Task A_sync_that_failed_midway_resumes_and_writes_only_the_rest()
    {
        var snapshot = SmallGraph.Snapshot;
        var items = snapshot.Actors.Count + snapshot.Documents.Count + snapshot.Relationships.Count;
        var options = FakeNeo4jServer.Options();
        options.BatchSize = 1;
        options.EnsureSchema = false;

        // First run: the server stops answering commits after the third (a lost connection, a restarted server).
        var failing = new FailingAfter(3, new FakeNeo4jServer(Neo4jProtocol.QueryApi));
        await using (var store = new Neo4jGraphStore(options, failing))
        {
            var checkpoint = SyncCheckpoint.Open(_checkpoint, snapshot, store.Target);
            Assert.Equal(0, checkpoint.Resumed);
            await Assert.ThrowsAnyAsync<Exception>(() => store.MirrorAsync(snapshot, prune: false, checkpoint, null, Ct));
        }

        Assert.True(File.Exists(_checkpoint), "the checkpoint stays after a failure");
        Assert.Equal(3, failing.Committed);

        // Second run, the server back: only the items after the three committed batches are written.
        var healthy = new FailingAfter(int.MaxValue, new FakeNeo4jServer(Neo4jProtocol.QueryApi));
        await using (var store = new Neo4jGraphStore(options, healthy))
        {
            var checkpoint = SyncCheckpoint.Open(_checkpoint, snapshot, store.Target);
            Assert.Equal(3, checkpoint.Resumed);
            var progress = new List<ImportProgress>();
            var result = await store.MirrorAsync(snapshot, prune: false, checkpoint, new SyncProgress(progress), Ct);
            Assert.Equal(3, result.Resumed);
            Assert.Equal(items - 3, result.Written.Created + result.Written.Updated + result.Written.Unchanged);
            Assert.Equal(items - 3, healthy.Committed);
            Assert.Contains(progress, p => p.Stage == "actors" && p.Done == 3 && p.Total == snapshot.Actors.Count);
        }

        Assert.False(File.Exists(_checkpoint), "a completed sync removes its checkpoint");
    }

    [Fact]
    public async Task A_checkpoint_of_another_source_graph_is_ignored_and_the_sync_starts_over()
    {
        var snapshot = SmallGraph.Snapshot;
        var options = FakeNeo4jServer.Options();
        options.BatchSize = 1;
        options.EnsureSchema = false;
        var failing = new FailingAfter(2, new FakeNeo4jServer(Neo4jProtocol.QueryApi));
        await using (var store = new Neo4jGraphStore(options, failing))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => store.MirrorAsync(snapshot, prune: false, SyncCheckpoint.Open(_checkpoint, snapshot, store.Target), null, Ct));
        }

        var changed = snapshot with { Actors = [snapshot.Actors[0] with { Description = "changed since the failed run" }, .. snapshot.Actors.Skip(1)] };
        Assert.Equal(0, SyncCheckpoint.Open(_checkpoint, changed, options.Uri + "|" + options.Database).Resumed);
        Assert.Equal(2, SyncCheckpoint.Open(_checkpoint, snapshot, options.Uri + "|" + options.Database).Resumed);
        Assert.Equal(0, SyncCheckpoint.Open(_checkpoint, snapshot, "http://other:7474/|neo4j").Resumed);
    }

    private sealed class SyncProgress(List<ImportProgress> seen) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => seen.Add(value);
    }

    /// <summary>Passes requests to the fake server until <paramref name="commits"/> transactions committed, then fails every commit.</summary>
    private sealed class FailingAfter(int commits, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Committed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var commit = request.RequestUri!.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal);
            if (commit && Committed >= commits)
            {
                throw new HttpRequestException("injected failure: the connection to Neo4j was lost");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (commit)
            {
                Committed++;
            }

            return response;
        }
    }
}
