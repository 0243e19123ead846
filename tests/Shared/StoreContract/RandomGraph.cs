using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Storage.Tests.Contract;

/// <summary>
/// Deterministic random graphs for property checks: states linked by every type the ontology allows between states
/// (symmetric ones included), with dates, confidences and one or two evidence each, all from a seeded generator.
/// </summary>
internal static class RandomGraph
{
    public static readonly RelationshipType[] StateToState =
    [
        RelationshipType.Deployed, RelationshipType.AlliedWith, RelationshipType.Supports, RelationshipType.SuppliesArmsTo,
        RelationshipType.Sanctions, RelationshipType.Attacked, RelationshipType.AtWarWith, RelationshipType.MemberOf,
        RelationshipType.Employs, RelationshipType.MetWith,
    ];

    private static readonly double[] s_confidences = [0.4, 0.5, 0.7, 1.0];

    public static GraphSnapshot Build(int seed, int actors, int edges)
    {
        var random = new Random(seed);
        var states = Enumerable.Range(0, actors).Select(i => GraphBuilder.State($"s{i:D3}", $"Alias {i}")).ToList();
        var documents = new[] { GraphBuilder.Document("random-a", edges * 2), GraphBuilder.Document("random-b", edges * 2, PartialDate.OfYear(2024)) };
        var keys = new HashSet<RelationshipKey>();
        var relationships = new List<Relationship>();
        var sentence = 0;
        while (relationships.Count < edges)
        {
            var from = states[random.Next(actors)];
            var to = states[random.Next(actors)];
            var type = StateToState[random.Next(StateToState.Length)];
            if (from == to || !keys.Add(new RelationshipKey(type, from.Id, to.Id).Canonical()))
            {
                continue;
            }

            var attributes = EdgeAttributes.None;
            if (random.Next(3) > 0)
            {
                var year = 2010 + random.Next(15);
                attributes = random.Next(2) == 0
                    ? GraphBuilder.Dated($"{year}")
                    : GraphBuilder.Dated($"{year}-{1 + random.Next(12):D2}", random.Next(2) == 0 ? $"{year + 1 + random.Next(3)}" : null);
            }

            var evidence = new List<Evidence>();
            for (var i = 0; i <= random.Next(2); i++)
            {
                evidence.Add(GraphBuilder.Quote(documents[random.Next(2)], sentence++, s_confidences[random.Next(s_confidences.Length)]));
            }

            relationships.Add(new Relationship(type, from.Id, to.Id, attributes, evidence));
        }

        return new GraphSnapshot(states, documents, relationships);
    }

    /// <summary>A random filter: some types, a direction, sometimes a window or a minimum confidence.</summary>
    public static RelationshipFilter Filter(Random random)
    {
        var types = random.Next(3) == 0 ? null : StateToState.Where(_ => random.Next(2) == 0).ToHashSet();
        return new RelationshipFilter
        {
            Types = types,
            Direction = (Direction)random.Next(3),
            From = random.Next(4) == 0 ? PartialDate.OfYear(2012 + random.Next(8)) : null,
            To = random.Next(4) == 0 ? PartialDate.OfYear(2020 + random.Next(6)) : null,
            MinConfidence = random.Next(4) == 0 ? 0.6 : null,
        };
    }
}
