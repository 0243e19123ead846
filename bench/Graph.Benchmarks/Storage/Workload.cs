using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Benchmarks.Storage;

/// <summary>
/// The queries both engines answer: neighbourhood centres and shortest-path pairs, drawn once (seeded) from actors
/// that have at least one edge, written to workload.json so the C# query phase and the Kuzu script read the same list.
/// </summary>
public sealed record Workload(
    [property: JsonPropertyName("neighbourhood")] IReadOnlyList<string> Neighbourhood,
    [property: JsonPropertyName("pairs")] IReadOnlyList<string[]> Pairs,
    [property: JsonPropertyName("nodeLimit")] int NodeLimit,
    [property: JsonPropertyName("depth")] int Depth,
    [property: JsonPropertyName("maxDepth")] int MaxDepth)
{
    public const string FileName = "workload.json";

    /// <summary>Draws <paramref name="queries"/> centres and as many pairs of distinct actors.</summary>
    public static Workload Draw(IReadOnlyList<string> linkedActors, int queries, ulong seed)
    {
        var random = new Random(unchecked((int)seed) ^ 0x3A7E);
        string Any() => linkedActors[random.Next(linkedActors.Count)];
        var centres = Enumerable.Range(0, queries).Select(_ => Any()).ToList();
        var pairs = new List<string[]>(queries);
        while (pairs.Count < queries)
        {
            var (from, to) = (Any(), Any());
            if (from != to)
            {
                pairs.Add([from, to]);
            }
        }

        return new Workload(centres, pairs, NodeLimit: 500, Depth: 2, MaxDepth: 8);
    }

    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this));

    public static Workload Load(string file) =>
        JsonSerializer.Deserialize<Workload>(File.ReadAllText(file)) ?? throw new BenchmarkUsageException($"'{file}' holds no workload.");
}
