using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Synthetic;

namespace Graph.Ingest.Tests.Synthetic;

public sealed class SyntheticGraphGeneratorTests
{
    private static readonly SyntheticGraphOptions s_small = new() { Relationships = 5_000, Seed = 7, BatchSize = 1_000 };

    [Fact]
    public void Same_seed_gives_the_same_graph()
    {
        var first = new SyntheticGraphGenerator(s_small).GenerateSnapshot();
        var second = new SyntheticGraphGenerator(s_small).GenerateSnapshot();

        Assert.Equal(first.Actors, second.Actors);
        Assert.Equal(first.Documents.Select(d => (d.Id, d.ContentHash, d.Publisher, d.Published)), second.Documents.Select(d => (d.Id, d.ContentHash, d.Publisher, d.Published)));
        Assert.Equal(first.Relationships, second.Relationships);
    }

    [Fact]
    public void Another_seed_gives_another_graph()
    {
        var first = new SyntheticGraphGenerator(s_small).GenerateSnapshot();
        var other = new SyntheticGraphGenerator(s_small with { Seed = 8 }).GenerateSnapshot();

        var shared = first.Relationships.Select(r => r.Key).Intersect(other.Relationships.Select(r => r.Key)).Count();
        Assert.True(shared < first.Relationships.Count / 2, $"{shared} of {first.Relationships.Count} edges are the same under another seed.");
    }

    [Fact]
    public void Every_edge_obeys_its_direction_rule_and_quotes_its_document_verbatim()
    {
        var graph = new SyntheticGraphGenerator(s_small with { Relationships = 20_000 }).GenerateSnapshot();
        var kinds = graph.Actors.ToDictionary(a => a.Id, a => a.Kind);
        var documents = graph.Documents.ToDictionary(d => d.Id);

        foreach (var actor in graph.Actors)
        {
            actor.Validated();
        }

        foreach (var edge in graph.Relationships)
        {
            // The ontology's own check: ends exist, the rule allows their kinds, quotes sit at their offsets.
            edge.Validated(id => kinds.TryGetValue(id, out var kind) ? kind : null, id => documents.GetValueOrDefault(id));
            Assert.True(edge.Rule.Allows(kinds[edge.From], kinds[edge.To]));
            var evidence = Assert.Single(edge.Evidence);
            Assert.Equal(evidence.Quote, documents[evidence.DocumentId].Text.Substring(evidence.Start, evidence.End - evidence.Start));
        }
    }

    [Fact]
    public void Counts_match_the_options_and_every_kind_and_type_occurs()
    {
        var options = s_small with { Relationships = 20_000, EdgesPerDocument = 40 };
        var generator = new SyntheticGraphGenerator(options);
        var graph = generator.GenerateSnapshot();

        Assert.Equal(20_000, graph.Relationships.Count);
        Assert.Equal(20_000, graph.Relationships.Select(r => r.Key).Distinct().Count());
        Assert.Equal(500, graph.Documents.Count);
        Assert.Equal(generator.DocumentCount, graph.Documents.Count);
        Assert.Equal(generator.ActorCount, graph.Actors.Count);
        Assert.Equal(generator.ActorCount, graph.Actors.Select(a => a.Id).Distinct().Count());
        Assert.InRange(generator.ActorCount, 3_900, 4_100);
        Assert.All(graph.Documents, d => Assert.Equal(40, graph.Relationships.Count(r => r.Evidence[0].DocumentId == d.Id)));
        Assert.Equal(Enum.GetValues<NodeKind>().Order(), graph.Actors.Select(a => a.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<RelationshipType>().Order(), graph.Relationships.Select(r => r.Type).Distinct().Order());
        Assert.DoesNotContain(graph.Relationships, r => r.From == r.To);
    }

    [Fact]
    public void Degree_distribution_is_heavy_tailed()
    {
        var graph = new SyntheticGraphGenerator(s_small with { Relationships = 50_000 }).GenerateSnapshot();
        var degree = graph.Actors.ToDictionary(a => a.Id, _ => 0);
        foreach (var edge in graph.Relationships)
        {
            degree[edge.From]++;
            degree[edge.To]++;
        }

        var sorted = degree.Values.OrderDescending().ToArray();
        var mean = sorted.Average();
        var median = sorted[sorted.Length / 2];
        var topPercentShare = (double)sorted.Take(sorted.Length / 100).Sum() / sorted.Sum();

        Assert.True(sorted[0] > 30 * mean, $"max degree {sorted[0]} is not far above the mean {mean:F1}");
        Assert.True(median < mean, $"median {median} is not below the mean {mean:F1}");
        Assert.True(topPercentShare > 0.15, $"the top 1% of actors hold only {topPercentShare:P1} of edge ends");
        Assert.True(sorted.Count(d => d == 0) < sorted.Length / 20, "too many actors have no edge");
    }

    [Fact]
    public void Batches_stream_actors_first_then_documents_with_their_edges()
    {
        var options = s_small with { Relationships = 3_000, BatchSize = 500, EdgesPerDocument = 30 };
        var batches = new SyntheticGraphGenerator(options).Generate().ToList();

        var firstEdgeBatch = batches.FindIndex(b => b.Relationships.Count > 0);
        Assert.True(firstEdgeBatch > 0);
        Assert.All(batches.Take(firstEdgeBatch), b => Assert.InRange(b.Actors.Count, 1, 500));
        Assert.All(batches.Skip(firstEdgeBatch), b =>
        {
            Assert.Empty(b.Actors);
            Assert.InRange(b.Relationships.Count, 1, 500);
            var documents = b.Documents.Select(d => d.Id).ToHashSet();
            Assert.All(b.Relationships, r => Assert.Contains(r.Evidence[0].DocumentId, documents));
        });
        Assert.Equal(3_000, batches.Sum(b => b.Relationships.Count));
    }

    [Fact]
    public void About_the_asked_share_of_edges_carries_ordered_dates()
    {
        var graph = new SyntheticGraphGenerator(s_small with { Relationships = 20_000, DatedFraction = 0.3 }).GenerateSnapshot();

        var dated = graph.Relationships.Count(r => r.Attributes.ValidFrom is not null);
        Assert.InRange(dated, 5_400, 6_600);
        Assert.Contains(graph.Relationships, r => r.Attributes.ValidTo is not null);
        Assert.All(graph.Relationships, r => r.Attributes.Validate());
        Assert.Equal(3, graph.Relationships.Where(r => r.Attributes.ValidFrom is not null).Select(r => r.Attributes.ValidFrom!.Value.Precision).Distinct().Count());
    }

    [Fact]
    public void Stances_vary_and_hedged_quotes_say_so()
    {
        var graph = new SyntheticGraphGenerator(s_small).GenerateSnapshot();
        var evidence = graph.Relationships.Select(r => r.Evidence[0]).ToList();

        Assert.Equal(3, evidence.Select(e => e.Stance).Distinct().Count());
        Assert.All(evidence.Where(e => e.Stance == Stance.Hedged), e => Assert.StartsWith("Reportedly, ", e.Quote, StringComparison.Ordinal));
        Assert.All(evidence.Where(e => e.Stance == Stance.Denies), e => Assert.StartsWith("Officials deny that ", e.Quote, StringComparison.Ordinal));
    }

    [Fact]
    public void A_tiny_graph_still_links_distinct_actors()
    {
        var graph = new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = 1, Seed = 1 }).GenerateSnapshot();

        var edge = Assert.Single(graph.Relationships);
        Assert.NotEqual(edge.From, edge.To);
        Assert.Single(graph.Documents);
    }

    [Theory]
    [InlineData(0, 10, "relationships")]
    [InlineData(1_000, 1.5, "averageDegree")]
    public void Bad_options_are_refused_naming_the_option(int relationships, double averageDegree, string option)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => new SyntheticGraphGenerator(new SyntheticGraphOptions { Relationships = relationships, AverageDegree = averageDegree }));

        Assert.Equal(option, error.Argument);
        Assert.Contains("must be between", error.Message, StringComparison.Ordinal);
    }
}
