using Graph.Core.Store;
using Graph.Storage.Neo4j.Store;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The ingestion contract against a live Neo4j, found as <see cref="Neo4jStoreContractTests"/> finds it
/// (NEO4J_TEST_URI, else a neo4j:5 container); with neither, every test is reported skipped with the reason. Each test
/// starts from an emptied database; reopening is a new store over the same database.
/// </summary>
// One database for both contract suites: their tests must not empty it under each other.
[Collection("live Neo4j")]
public sealed class Neo4jIngestionContractTests : IngestionStoreContract
{
    /// <inheritdoc />
    protected override async Task<string?> UnavailableReasonAsync() => (await Neo4jStoreContractTests.Server.Value).Reason;

    /// <inheritdoc />
    protected override async Task<IGraphStore> CreateStoreAsync() => await Neo4jStoreContractTests.CreateEmptyStoreAsync(Ct);

    /// <inheritdoc />
    protected override async Task<IGraphStore> ReopenAsync(IGraphStore store)
    {
        await store.DisposeAsync();
        var (options, _) = await Neo4jStoreContractTests.Server.Value;
        var reopened = new Neo4jGraphStore(options!);
        await reopened.ConnectAsync(Ct);
        return reopened;
    }
}
