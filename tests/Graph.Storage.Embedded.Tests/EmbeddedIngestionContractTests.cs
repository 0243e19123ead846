using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Embedded;

/// <summary>The ingestion contract, run against the embedded store on a fresh SQLite file per test.</summary>
public sealed class EmbeddedIngestionContractTests : IngestionStoreContract
{
    private readonly TempFolder _folder = new();

    protected override async Task<IGraphStore> CreateStoreAsync() =>
        await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db") }, null, Ct);

    protected override async Task<IGraphStore> ReopenAsync(IGraphStore store)
    {
        await store.DisposeAsync();
        return await CreateStoreAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
