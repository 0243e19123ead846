using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Core.Tests;

public sealed class QuantityConflictsTests
{
    private static Evidence Source(int start, EdgeAttributes? attributes) =>
        new(DocumentId.Parse("doc:x"), "quote", start, start + 5, null, Stance.Asserts, 1.0, "curated", attributes);

    private static Relationship Edge(EdgeAttributes edge, params Evidence[] evidence) =>
        new(RelationshipType.Deployed, ActorId.Parse("state:a"), ActorId.Parse("state:b"), edge, evidence);

    [Fact]
    public void Two_sources_giving_different_counts_conflict_and_each_keeps_its_evidence()
    {
        var edge = Edge(new EdgeAttributes { Personnel = "workers" }, Source(0, new EdgeAttributes { Count = 13221 }), Source(10, new EdgeAttributes { Count = 15000 }));
        var conflict = Assert.Single(QuantityConflicts.Find(edge));
        Assert.Equal("count", conflict.Quantity);
        Assert.Equal(["13221 workers", "15000 workers"], conflict.Claims.Select(c => c.Display));
        Assert.Equal([0, 10], conflict.Claims.Select(c => c.Evidence.Start));
    }

    [Fact]
    public void An_amount_against_a_range_conflicts_and_shows_its_unit()
    {
        var edge = Edge(
            new EdgeAttributes { Currency = "USD" },
            Source(0, new EdgeAttributes { Amount = 800, Period = "month" }),
            Source(10, new EdgeAttributes { AmountMin = 100, AmountMax = 200 }));
        var conflict = Assert.Single(QuantityConflicts.Find(edge));
        Assert.Equal("amount", conflict.Quantity);
        Assert.Equal(["800 USD per month", "100–200 USD"], conflict.Claims.Select(c => c.Display));
    }

    [Fact]
    public void Agreeing_or_silent_sources_do_not_conflict()
    {
        Assert.Empty(QuantityConflicts.Find(Edge(EdgeAttributes.None, Source(0, new EdgeAttributes { Count = 5 }), Source(10, new EdgeAttributes { Count = 5 }))));
        Assert.Empty(QuantityConflicts.Find(Edge(new EdgeAttributes { Count = 5 }, Source(0, null), Source(10, null))));
        Assert.Empty(QuantityConflicts.Find(Edge(EdgeAttributes.None, Source(0, new EdgeAttributes { Note = "thousands" }), Source(10, new EdgeAttributes { Count = 5 }))));
    }

    [Fact]
    public void A_figure_first_given_on_the_edge_conflicts_with_a_later_source_merged_in()
    {
        var first = Edge(new EdgeAttributes { Count = 13221 }, Source(0, null));
        var second = Edge(new EdgeAttributes { Count = 15000 }, Source(10, null));
        var conflict = Assert.Single(QuantityConflicts.Find(first.Merge(second)));
        Assert.Equal([13221m, 15000m], conflict.Claims.Select(c => c.Value!.Value));
        Assert.Equal([0, 10], conflict.Claims.Select(c => c.Evidence.Start));
    }
}
