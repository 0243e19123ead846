using Graph.Storage.Embedded.Index;

namespace Graph.Storage.Tests.Embedded;

/// <summary>The actor-id map answers as a dictionary would, through growth, removals and re-use of removed slots.</summary>
public sealed class SeqMapTests
{
    [Fact]
    public void Random_sets_removes_and_lookups_agree_with_a_dictionary()
    {
        var random = new Random(7);
        var map = new SeqMap();
        var model = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = Enumerable.Range(0, 5_000).Select(i => $"state:s{i}").ToArray();
        for (var step = 0; step < 200_000; step++)
        {
            // A fresh string object half the time: equal keys that are not the same object must be found too.
            var id = ids[random.Next(ids.Length)];
            var key = random.Next(2) == 0 ? id : new string(id.AsSpan());
            switch (random.Next(10))
            {
                case < 5:
                    map[key] = step;
                    model[key] = step;
                    break;
                case < 8:
                    Assert.Equal(model.Remove(key), map.Remove(key));
                    break;
                default:
                    Assert.Equal(model.TryGetValue(key, out var expected), map.TryGetValue(key, out var found));
                    Assert.Equal(model.ContainsKey(key) ? expected : -1, found);
                    break;
            }

            Assert.Equal(model.Count, map.Count);
        }

        foreach (var id in ids)
        {
            Assert.Equal(model.TryGetValue(id, out var expected) ? expected : -1, map.TryGetValue(id, out var found) ? found : -1);
        }
    }

    [Fact]
    public void A_table_filled_and_emptied_again_and_again_keeps_finding_its_keys()
    {
        // Removed slots are marked, not emptied: without re-use or a rebuild, cycles would fill the table with marks.
        var map = new SeqMap();
        map.EnsureCapacity(64);
        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                map[$"person:r{round}-{i}"] = i + 1;
            }

            Assert.Equal(40, map.Count);
            Assert.True(map.TryGetValue($"person:r{round}-39", out var last));
            Assert.Equal(40, last);
            for (var i = 0; i < 40; i++)
            {
                Assert.True(map.Remove($"person:r{round}-{i}"));
            }

            Assert.Equal(0, map.Count);
            Assert.False(map.TryGetValue($"person:r{round}-0", out _));
        }
    }
}
