using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// The store contract again with no room for document texts in memory: every quote and text a test reads comes from
/// the file, so a path that forgot to go through the text cache fails here.
/// </summary>
public sealed class EmbeddedTextsFromFileContractTests : GraphStoreContract
{
    private readonly TempFolder _folder = new();

    protected override async Task<IGraphStore> CreateStoreAsync() =>
        await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db"), DocumentTextCacheCharacters = 0 }, null, Ct);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
