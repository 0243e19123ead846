using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// Issue 10: eight clients adding the same fifty new edges were told "created" 171 times. The store counts what it
/// created inside its serialized write, so the counts add up to fifty, and no writer's evidence is lost.
/// </summary>
public sealed class EmbeddedConcurrentCreateTests : IDisposable
{
    private const int Writers = 8;
    private const int Edges = 50;
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eight_writers_adding_the_same_fifty_edges_create_each_once_and_keep_every_evidence()
    {
        await using var store = await EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db"), DurableCommits = false }, null, Ct);
        var doc = Document("concurrent", sentences: Writers * Edges);
        var hub = State("hub");
        var states = Enumerable.Range(0, Edges).Select(i => State($"s{i:D3}")).ToList();
        await store.ImportAsync(Snapshot([hub, .. states], [doc], []), null, Ct);

        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            start.Wait(Ct);
            var created = 0;
            for (var i = 0; i < Edges; i++)
            {
                // One edge per call, as addRelationship writes it; each writer brings its own evidence.
                var edge = new Relationship(RelationshipType.Supports, hub.Id, states[i].Id, EdgeAttributes.None, [Quote(doc, (writer * Edges) + i)]);
                created += (await store.UpsertRelationshipsAsync([edge], Ct)).Created;
            }

            return created;
        }, Ct)).ToList();
        start.Set();
        var counts = await Task.WhenAll(writers);

        Assert.Equal(Edges, counts.Sum());
        var stored = await store.GetRelationshipsAsync(hub.Id, RelationshipFilter.All, Ct);
        Assert.Equal(Edges, stored.Count);
        Assert.All(stored, edge => Assert.Equal(Writers, edge.Evidence.Count));
    }
}
