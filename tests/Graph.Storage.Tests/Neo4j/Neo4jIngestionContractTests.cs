using Graph.Core.Store;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The ingestion contract against Neo4j. Ingestion on Neo4j is not built yet (its store refuses every ingestion call
/// with a clear error), so these report skipped with that reason rather than failing.
/// </summary>
public sealed class Neo4jIngestionContractTests : IngestionStoreContract
{
    protected override Task<string?> UnavailableReasonAsync() =>
        Task.FromResult<string?>("Ingestion on Neo4j is not built yet: Neo4jGraphStore refuses IIngestionStore calls.");

    protected override Task<IGraphStore> CreateStoreAsync() => throw new NotSupportedException();

    protected override Task<IGraphStore> ReopenAsync(IGraphStore store) => throw new NotSupportedException();
}
