using Graph.Core.Model;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;

namespace Graph.Storage.Tests.Contract;

/// <summary>
/// The contract every <see cref="IGraphStore"/> must keep, run once per store by a subclass that says how to make a
/// fresh, empty store. A store that cannot run here (no server reachable) overrides <see cref="UnavailableReasonAsync"/>
/// and every test reports as skipped with that reason.
/// </summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private IGraphStore? _store;
    private string? _unavailable;

    /// <summary>The store under test: fresh and empty at the start of each test.</summary>
    protected IGraphStore Store
    {
        get
        {
            if (_unavailable is not null)
            {
                Assert.Skip(_unavailable);
            }

            return _store ?? throw new InvalidOperationException("The store was not created.");
        }
    }

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    /// <summary>Why this store cannot be tested here (then every test is skipped with this reason), or null.</summary>
    protected virtual Task<string?> UnavailableReasonAsync() => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _unavailable = await UnavailableReasonAsync();
        if (_unavailable is null)
        {
            _store = await CreateStoreAsync();
        }
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The curated knowledge of the two seed documents, loaded once.</summary>
    protected static GraphSnapshot SeedKnowledge => s_seed.Value;

    private static readonly Lazy<GraphSnapshot> s_seed = new(() => KnowledgeFile.Load(TestFiles.SeedKnowledge));

    /// <summary>Imports the seed knowledge into the store and returns the store.</summary>
    protected async Task<IGraphStore> SeededAsync()
    {
        var store = Store;
        await store.ImportAsync(SeedKnowledge, null, Ct);
        return store;
    }

    protected static ActorId A(string id) => ActorId.Parse(id);

    protected static DocumentId D(string id) => DocumentId.Parse(id);
}
