using Graph.Core.Ontology;
using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Tests.Embedded;

/// <summary>
/// The edge-key map finds each live edge of the index by its key (type, ends, qualifier), reading the key back from the
/// index's fields, through adds, removals, rewrites of a slot and re-use of a key by a new slot.
/// </summary>
public sealed class EdgeKeyMapTests
{
    [Fact]
    public void Random_edges_added_removed_and_rewritten_are_found_as_a_dictionary_of_their_keys_finds_them()
    {
        var random = new Random(11);
        var index = new GraphIndex { LinksEnds = false };
        _ = index.EdgeSeqs(); // built empty: every later edge goes through its Add and Remove
        var model = new Dictionary<EdgeKey, int>();
        var qualifiers = new[] { "", "", "", "2019", "second" };
        var types = new[] { RelationshipType.Supports, RelationshipType.MetWith, RelationshipType.Sanctions };
        var nextSeq = 1;
        EdgeKey RandomKey() => new(types[random.Next(types.Length)], 1 + random.Next(40), 1 + random.Next(40), qualifiers[random.Next(qualifiers.Length)]);

        for (var step = 0; step < 30_000; step++)
        {
            var key = RandomKey();
            if (model.TryGetValue(key, out var seq))
            {
                if (random.Next(3) == 0)
                {
                    index.RemoveEdge(seq);
                    model.Remove(key);
                }
                else
                {
                    Set(index, seq, key); // a new version of a live edge: same slot, same key
                }
            }
            else
            {
                model[key] = nextSeq;
                Set(index, nextSeq++, key);
            }

            var probe = RandomKey();
            Assert.Equal(model.TryGetValue(probe, out var expected) ? expected : -1, index.EdgeSeqOf(probe));
        }

        Assert.Equal(model.Count, index.EdgeSeqs().Count);
        foreach (var (key, seq) in model)
        {
            Assert.Equal(seq, index.EdgeSeqOf(key));
        }
    }

    [Fact]
    public void A_map_built_from_the_edges_of_a_loaded_index_finds_each_and_nothing_else()
    {
        var index = new GraphIndex();
        index.Reserve(2_002, 2_001, 0);
        for (var seq = 1; seq <= 2_000; seq++)
        {
            index.LoadEdge(seq, RelationshipType.MemberOf, seq, seq + 1, seq % 7 == 0 ? "q" : "", null, false, int.MinValue, int.MaxValue);
        }

        index.CompleteLoad(2_001, 2_000, 0);
        Assert.Equal(2_000, index.EdgeSeqs().Count);
        Assert.Equal(700, index.EdgeSeqOf(new EdgeKey(RelationshipType.MemberOf, 700, 701, "q")));
        Assert.Equal(701, index.EdgeSeqOf(new EdgeKey(RelationshipType.MemberOf, 701, 702, "")));
        Assert.Equal(-1, index.EdgeSeqOf(new EdgeKey(RelationshipType.MemberOf, 701, 702, "q")));
        Assert.Equal(-1, index.EdgeSeqOf(new EdgeKey(RelationshipType.MemberOf, 702, 701, "")));
        Assert.Equal(-1, index.EdgeSeqOf(new EdgeKey(RelationshipType.LocatedIn, 701, 702, "")));
    }

    private static void Set(GraphIndex index, int seq, EdgeKey key) =>
        index.SetEdge(seq, key.Type, key.From, key.To, key.Qualifier, null, null, null, 0, 0);
}
