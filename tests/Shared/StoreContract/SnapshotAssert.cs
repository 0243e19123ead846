using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

/// <summary>Compares snapshots by content, in id order, naming the first difference.</summary>
internal static class SnapshotAssert
{
    public static void Equal(GraphSnapshot expected, GraphSnapshot actual)
    {
        Same("actor", expected.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal), actual.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal), a => a.Id.Value);
        Same("document", expected.Documents.OrderBy(d => d.Id.Value, StringComparer.Ordinal), actual.Documents.OrderBy(d => d.Id.Value, StringComparer.Ordinal), d => d.Id.Value);
        Same("relationship", expected.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal), actual.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal), r => r.Id);
    }

    private static void Same<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> id)
        where T : class
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.Equal(e.Select(id), a.Select(id));
        for (var i = 0; i < e.Count; i++)
        {
            Assert.True(e[i].Equals(a[i]), $"The {what} '{id(e[i])}' differs: expected {e[i]}, got {a[i]}.");
        }
    }

    /// <summary>Every evidence of the snapshot, as (edge, document, start) triples.</summary>
    public static List<string> EvidenceKeys(GraphSnapshot snapshot) =>
        [.. snapshot.Relationships.SelectMany(r => r.Evidence.Select(e => $"{e.DocumentId}@{e.Start}")).Order(StringComparer.Ordinal)];

    public static Relationship Find(GraphSnapshot snapshot, RelationshipKey key) => snapshot.Relationships.Single(r => r.Key == key.Canonical());
}
