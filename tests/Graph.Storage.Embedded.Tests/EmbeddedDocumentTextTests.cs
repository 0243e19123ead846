using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Embedded;
using Graph.Storage.Tests.Contract;
using static Graph.Storage.Tests.Contract.GraphBuilder;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// Document texts live in the file and only the recently read ones in memory: every quote and text still reads back
/// exactly, whether it comes from memory or from the file, after reopening, after a text is replaced, and under
/// concurrent readers.
/// </summary>
public sealed class EmbeddedDocumentTextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private Task<EmbeddedGraphStore> OpenAsync(long cacheCharacters) =>
        EmbeddedGraphStore.OpenAsync(new EmbeddedStoreOptions { Path = _folder.File("graph.db"), DocumentTextCacheCharacters = cacheCharacters }, null, Ct);

    private static (GraphSnapshot Graph, Document[] Documents) ManyDocuments()
    {
        var documents = Enumerable.Range(1, 12).Select(i => Document($"text-{i:D2}", sentences: 40)).ToArray();
        var (a, b) = (State("a"), State("b"));
        var edges = documents.Select((d, i) => Edge(RelationshipType.Supports, a, b, Quote(d, i + 1))).ToList();
        return (Snapshot([a, b], documents, [Edge(RelationshipType.Supports, a, b, [.. edges.SelectMany(e => e.Evidence)])]), documents);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2_000)]
    [InlineData(8_000_000)]
    public async Task Quotes_and_texts_read_back_exactly_whether_held_in_memory_or_read_from_the_file(long cacheCharacters)
    {
        var (graph, documents) = ManyDocuments();
        var key = new RelationshipKey(RelationshipType.Supports, graph.Actors[0].Id, graph.Actors[1].Id);
        await using (var store = await OpenAsync(cacheCharacters))
        {
            await store.ImportAsync(graph, null, Ct);
            await AssertReadsBack(store);
        }

        // Reopened, nothing is in memory until it is read.
        await using (var reopened = await OpenAsync(cacheCharacters))
        {
            await AssertReadsBack(reopened);
            Assert.Equal(documents.Select(d => d.Id), (await reopened.GetDocumentsAsync(Ct)).Select(d => d.Id));
            Assert.Equal(documents.Select(d => d.Text), (await reopened.GetDocumentsAsync(Ct)).Select(d => d.Text));
            var hits = await reopened.SearchEvidenceAsync(graph.Relationships[0].Evidence[5].Quote, 10, Ct);
            Assert.Contains(hits, h => h.Evidence.Start == graph.Relationships[0].Evidence[5].Start && h.Evidence.DocumentId == documents[5].Id);
            SnapshotAssert.Equal(graph, await reopened.ExportAsync(Ct));
        }

        async Task AssertReadsBack(IGraphStore store)
        {
            // Twice over, in two orders: a small cache evicts between reads, so the second pass reads from the file again.
            foreach (var order in new[] { documents, documents.Reverse().ToArray() })
            {
                foreach (var document in order)
                {
                    Assert.Equal(document, await store.GetDocumentAsync(document.Id, Ct));
                }

                var stored = await store.GetRelationshipAsync(key, Ct);
                Assert.Equal(graph.Relationships[0].Evidence.Select(e => e.Quote), stored!.Evidence.Select(e => e.Quote));
            }
        }
    }

    [Fact]
    public async Task A_replaced_text_is_what_later_reads_see_even_when_the_old_one_was_read_before()
    {
        var (graph, documents) = ManyDocuments();
        await using var store = await OpenAsync(cacheCharacters: 0);
        await store.ImportAsync(graph, null, Ct);
        var first = documents[0];
        Assert.Equal(first.Text, (await store.GetDocumentAsync(first.Id, Ct))!.Text);

        // Appending keeps every quote verbatim at its offsets, so the store accepts the new text for the same id.
        var longer = first with { Text = first.Text + " A sentence added in a correction." };
        await store.UpsertDocumentsAsync([longer], Ct);
        Assert.Equal(longer.Text, (await store.GetDocumentAsync(first.Id, Ct))!.Text);
        foreach (var other in documents.Skip(1))
        {
            await store.GetDocumentAsync(other.Id, Ct); // pushes the new text out of a cache of one
        }

        Assert.Equal(longer.Text, (await store.GetDocumentAsync(first.Id, Ct))!.Text);
        Assert.Equal(longer.ContentHash, (await store.GetDocumentAsync(first.Id, Ct))!.ContentHash);
    }

    [Fact]
    public async Task Concurrent_readers_each_get_the_right_text_from_a_cache_too_small_to_hold_them()
    {
        var (graph, documents) = ManyDocuments();
        await using var store = await OpenAsync(cacheCharacters: 2_000);
        await store.ImportAsync(graph, null, Ct);
        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            for (var round = 0; round < 50; round++)
            {
                var document = documents[(round * 7 + r) % documents.Length];
                Assert.Equal(document.Text, (await store.GetDocumentAsync(document.Id, Ct))!.Text);
            }
        }, Ct));
        await Task.WhenAll(readers);
    }

    [Fact]
    public async Task A_negative_cache_size_is_refused_with_what_is_allowed()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => OpenAsync(cacheCharacters: -1));
        Assert.Contains("DocumentTextCacheCharacters must be 0 or more; got -1", error.Message);
    }
}
