using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Embedded;

/// <summary>The store contract, run against the embedded store on a fresh SQLite file per test.</summary>
public sealed class EmbeddedStoreContractTests : GraphStoreContract
{
    private readonly TempFolder _folder = new();

    protected override async Task<IGraphStore> CreateStoreAsync() =>
        await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db") }, null, Ct);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
