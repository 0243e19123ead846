using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Graph.Core.Store;
using Graph.Storage.Neo4j;
using Graph.Storage.Neo4j.Http;
using Graph.Storage.Neo4j.Store;
using Graph.Storage.Tests.Contract;

namespace Graph.Storage.Tests.Neo4j;

/// <summary>
/// The store contract against a live Neo4j: the server at NEO4J_TEST_URI (user NEO4J_TEST_USER, default neo4j;
/// password NEO4J_TEST_PASSWORD; database NEO4J_TEST_DATABASE, default neo4j), else a neo4j:5 container started by
/// Testcontainers when a Docker engine answers. With neither, every test is reported skipped with the reason.
/// Each test starts from an emptied database.
/// </summary>
// One database for both contract suites: their tests must not empty it under each other.
[Collection("live Neo4j")]
public sealed class Neo4jStoreContractTests : GraphStoreContract
{
    private const string ContainerPassword = "contract-test-password";

    /// <summary>The live server's options, or why there is none (shared with <see cref="Neo4jIngestionContractTests"/>).</summary>
    internal static readonly Lazy<Task<(Neo4jStoreOptions? Options, string? Reason)>> Server = new(LocateServerAsync);
    private static IContainer? s_container;

    /// <inheritdoc />
    protected override async Task<string?> UnavailableReasonAsync() => (await Server.Value).Reason;

    /// <inheritdoc />
    protected override async Task<IGraphStore> CreateStoreAsync() => await CreateEmptyStoreAsync(Ct);

    /// <summary>A store over the live server, its database emptied.</summary>
    internal static async Task<Neo4jGraphStore> CreateEmptyStoreAsync(CancellationToken cancellationToken)
    {
        var (options, _) = await Server.Value;
        var store = new Neo4jGraphStore(options!);
        await store.ConnectAsync(cancellationToken);
        // Batched deletes need an implicit transaction (CALL ... IN TRANSACTIONS is refused in explicit ones).
        await store.Connection.RunAutoCommitAsync(new CypherStatement("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"), cancellationToken);
        return store;
    }

    private static async Task<(Neo4jStoreOptions?, string?)> LocateServerAsync()
    {
        if (Environment.GetEnvironmentVariable("NEO4J_TEST_URI") is { Length: > 0 } uri)
        {
            return (new Neo4jStoreOptions
            {
                Uri = new Uri(uri),
                User = Environment.GetEnvironmentVariable("NEO4J_TEST_USER") ?? "neo4j",
                Password = Environment.GetEnvironmentVariable("NEO4J_TEST_PASSWORD") ?? "",
                Database = Environment.GetEnvironmentVariable("NEO4J_TEST_DATABASE") ?? "neo4j",
            }, null);
        }

        try
        {
            var container = new ContainerBuilder("neo4j:5")
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithPortBinding(7474, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(7474).ForPath("/")))
                .Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            s_container = container;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => s_container?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (new Neo4jStoreOptions
            {
                Uri = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}"),
                User = "neo4j",
                Password = ContainerPassword,
            }, null);
        }
        catch (Exception e)
        {
            return (null, $"No live Neo4j: NEO4J_TEST_URI is not set and Testcontainers could not start neo4j:5 ({e.GetType().Name}: {FirstLine(e.Message)}). "
                + "To run these: NEO4J_TEST_URI=http://localhost:7474 NEO4J_TEST_PASSWORD=... dotnet test --project tests/Graph.Storage.Neo4j.Tests -- --filter-class \"*Neo4j*ContractTests\"");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
