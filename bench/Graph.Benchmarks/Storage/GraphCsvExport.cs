using System.Text;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Benchmarks.Storage;

/// <summary>
/// Writes the generated graph as it streams past: nodes.csv (id, kind) and rels.csv (from, to, type) for Kuzu's COPY,
/// and counts each actor's degree so the workload draws only linked actors.
/// </summary>
public sealed class GraphCsvExport : IDisposable
{
    private readonly StreamWriter _nodes;
    private readonly StreamWriter _relationships;
    private readonly Dictionary<ActorId, int> _degree = [];

    public GraphCsvExport(string directory)
    {
        _nodes = new StreamWriter(Path.Combine(directory, "nodes.csv"), false, new UTF8Encoding(false), 1 << 16);
        _relationships = new StreamWriter(Path.Combine(directory, "rels.csv"), false, new UTF8Encoding(false), 1 << 16);
        _nodes.Write("id,kind\n");
        _relationships.Write("from,to,type\n");
    }

    /// <summary>Ids and kinds are slugs and enum names, so no field ever needs quoting.</summary>
    public void Add(GraphSnapshot batch)
    {
        foreach (var actor in batch.Actors)
        {
            _nodes.Write(actor.Id.Value);
            _nodes.Write(',');
            _nodes.Write(actor.Kind.ToString());
            _nodes.Write('\n');
        }

        foreach (var edge in batch.Relationships)
        {
            _relationships.Write(edge.From.Value);
            _relationships.Write(',');
            _relationships.Write(edge.To.Value);
            _relationships.Write(',');
            _relationships.Write(edge.Rule.Name);
            _relationships.Write('\n');
            _degree[edge.From] = _degree.GetValueOrDefault(edge.From) + 1;
            _degree[edge.To] = _degree.GetValueOrDefault(edge.To) + 1;
        }
    }

    /// <summary>Actors with at least one edge, in id order (so the workload does not depend on hashing).</summary>
    public IReadOnlyList<string> LinkedActors() => [.. _degree.Keys.Select(k => k.Value).Order(StringComparer.Ordinal)];

    /// <summary>The highest degree, for the report.</summary>
    public int MaxDegree => _degree.Count == 0 ? 0 : _degree.Values.Max();

    public void Dispose()
    {
        _nodes.Dispose();
        _relationships.Dispose();
    }
}
