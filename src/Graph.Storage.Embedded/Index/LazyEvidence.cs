using System.Collections;
using Graph.Core.Model;

namespace Graph.Storage.Embedded.Index;

/// <summary>
/// An edge's evidence list whose <see cref="Evidence"/> records (and quote strings) are built on first read, so a
/// traversal that only draws edges never builds them. It holds the pool array and run it was made from: the index only
/// ever appends to a pool (a rewrite gets a new run, a resize a new array), so the rows it reads never change.
/// Credited actors come resolved (an actor may be merged away later); documents are never removed and a document's new
/// text keeps every quote verbatim.
/// </summary>
internal sealed class LazyEvidence(GraphIndex index, EvidenceData[] pool, int start, int count, string[] extractors, ActorId?[]? credited) : IReadOnlyList<Evidence>
{
    private Evidence[]? _items;

    public int Count => count;

    public Evidence this[int position] => Items[position];

    private Evidence[] Items => _items ??= Build();

    public IEnumerator<Evidence> GetEnumerator() => ((IEnumerable<Evidence>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Evidence[] Build()
    {
        var items = new Evidence[count];
        for (var i = 0; i < count; i++)
        {
            ref readonly var row = ref pool[start + i];
            items[i] = new Evidence(
                index.Documents[row.Document]!.Id,
                index.Texts.Get(row.Document).Substring(row.Start, row.End - row.Start),
                row.Start,
                row.End,
                credited?[i],
                row.Stance,
                row.Confidence,
                extractors[row.Extractor],
                Storage.TextFields.EvidenceFromJson(row.Attributes));
        }

        return items;
    }
}
