using Graph.Api.Composition;
using Graph.Api.Tests.EndToEnd;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;
using Graph.Storage.Embedded;
using Graph.Storage.Embedded.Bulk;

namespace Graph.Api.Tests.Hosting;

/// <summary>A one-off command waits for the first open's full-text fill, however long, instead of giving up after the search's usual wait.</summary>
public sealed class TextIndexWaitTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "graph-text-wait", Guid.NewGuid().ToString("N"));

    public TextIndexWaitTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task The_wait_outlasts_the_search_wait_and_the_search_then_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_dir, "graph.db");
        await EmbeddedBulkLoader.LoadAsync(path, KnowledgeFile.Load(Path.Combine(ApiServer.RepositoryRoot, "data", "knowledge", "seed-knowledge.json")), cancellationToken: ct);
        await (await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path }, null, ct)).DisposeAsync();

        // Pending again, with another connection holding the write lock for longer than a search would wait.
        using var heldBack = new HeldBackTextFill(path);
        await using IGraphStore store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = path, TextSearchWait = TimeSpan.FromMilliseconds(100) }, null, ct);
        var waited = false;
        var release = Task.Run(async () =>
        {
            await Task.Delay(600, ct);
            heldBack.Release();
        }, ct);

        await GraphStoreFactory.WaitForTextIndexAsync(store, () => waited = true, ct);
        await release;
        Assert.True(waited, "The fill was held back, so the command had to wait for it.");
        var hits = await ((IIngestionStore)store).SearchTextAsync("Pyongyang", 5, ct);
        Assert.NotEmpty(hits);

        // Nothing to wait for now: the callback is not called.
        var again = false;
        await GraphStoreFactory.WaitForTextIndexAsync(store, () => again = true, ct);
        Assert.False(again);
    }
}
