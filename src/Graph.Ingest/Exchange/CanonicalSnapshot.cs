using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Ingest.Exchange;

/// <summary>
/// A snapshot in one fixed order (actors, documents and relationships by id, evidence by document and offsets), so
/// that every writer's output depends on the graph only, not on the order a store returned it in.
/// </summary>
public static class CanonicalSnapshot
{
    /// <summary>The snapshot ordered.</summary>
    public static GraphSnapshot Of(GraphSnapshot snapshot) => new(
        [.. snapshot.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal)],
        [.. snapshot.Documents.OrderBy(d => d.Id.Value, StringComparer.Ordinal)],
        [.. snapshot.Relationships.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r with { Evidence = Ordered(r.Evidence) })]);

    /// <summary>Evidence by document, start, end.</summary>
    public static IReadOnlyList<Evidence> Ordered(IReadOnlyList<Evidence> evidence) =>
        [.. evidence.OrderBy(e => e.DocumentId.Value, StringComparer.Ordinal).ThenBy(e => e.Start).ThenBy(e => e.End)];
}
