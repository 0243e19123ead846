using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Core.Tests;

public sealed class RelationshipFilterTests
{
    private static readonly ActorId s_a = ActorId.Parse("state:a");
    private static readonly ActorId s_b = ActorId.Parse("state:b");

    private static Relationship Edge(RelationshipType type, string? from = null, string? to = null, double confidence = 1.0)
    {
        var evidence = new Evidence(DocumentId.Parse("doc:x"), "quote", 0, 5, null, Stance.Asserts, confidence, "curated");
        var attributes = new EdgeAttributes { ValidFrom = from is null ? null : PartialDate.Parse(from), ValidTo = to is null ? null : PartialDate.Parse(to) };
        return new Relationship(type, s_a, s_b, attributes, [evidence]);
    }

    [Fact]
    public void A_window_keeps_edges_whose_validity_overlaps_it_and_drops_undated_ones()
    {
        var window = new RelationshipFilter { From = PartialDate.OfYear(2020), To = PartialDate.OfYear(2021) };
        Assert.True(window.Matches(Edge(RelationshipType.Supports, "2019", "2020-03")));
        Assert.True(window.Matches(Edge(RelationshipType.Supports, "2017")));            // open-ended: still valid
        Assert.True(window.Matches(Edge(RelationshipType.Supports, null, "2020")));
        Assert.False(window.Matches(Edge(RelationshipType.Supports, "2022-01")));
        Assert.False(window.Matches(Edge(RelationshipType.Supports, null, "2019-12")));
        Assert.False(window.Matches(Edge(RelationshipType.Supports)));                   // undated
        Assert.True(RelationshipFilter.All.Matches(Edge(RelationshipType.Supports)));
    }

    [Fact]
    public void Types_confidence_and_document_narrow_the_edges()
    {
        var filter = new RelationshipFilter { Types = new HashSet<RelationshipType> { RelationshipType.Deployed }, MinConfidence = 0.7 };
        Assert.True(filter.Matches(Edge(RelationshipType.Deployed, confidence: 0.7)));
        Assert.False(filter.Matches(Edge(RelationshipType.Deployed, confidence: 0.5)));
        Assert.False(filter.Matches(Edge(RelationshipType.Supports)));
        Assert.False(new RelationshipFilter { Document = DocumentId.Parse("doc:y") }.Matches(Edge(RelationshipType.Supports)));
    }

    [Fact]
    public void Direction_applies_to_directed_types_and_never_to_symmetric_ones()
    {
        var outgoing = new RelationshipFilter { Direction = Direction.Outgoing };
        Assert.True(outgoing.AllowsDirection(Edge(RelationshipType.Supports), s_a));
        Assert.False(outgoing.AllowsDirection(Edge(RelationshipType.Supports), s_b));
        Assert.True(outgoing.AllowsDirection(Edge(RelationshipType.AlliedWith), s_b));
        Assert.True(new RelationshipFilter { Direction = Direction.Incoming }.AllowsDirection(Edge(RelationshipType.Supports), s_b));
    }

    [Fact]
    public void Bad_bounds_are_refused_naming_the_argument()
    {
        Assert.Equal("minConfidence", Assert.Throws<InvalidArgumentException>(() => new RelationshipFilter { MinConfidence = -0.1 }.Validated()).Argument);
        Assert.Equal("to", Assert.Throws<InvalidArgumentException>(() => new RelationshipFilter { From = PartialDate.OfYear(2024), To = PartialDate.OfYear(2023) }.Validated()).Argument);
        Assert.Equal("depth", Assert.Throws<InvalidArgumentException>(() => new NeighbourhoodRequest(s_a, 0).Validated()).Argument);
        Assert.Equal("depth", Assert.Throws<InvalidArgumentException>(() => new NeighbourhoodRequest(s_a, 5).Validated()).Argument);
        Assert.Equal("maxDepth", Assert.Throws<InvalidArgumentException>(() => new PathRequest(s_a, s_b, 9).Validated()).Argument);
        Assert.Equal("limit", Assert.Throws<InvalidArgumentException>(() => new PathRequest(s_a, s_b, Limit: 0).Validated()).Argument);
        Assert.Equal("to", Assert.Throws<InvalidArgumentException>(() => new PathRequest(s_a, s_a).Validated()).Argument);
        Assert.Equal("after", Assert.Throws<InvalidArgumentException>(() => new ActorSearch("x", After: default(ActorSearchKey)).Validated()).Argument);
        Assert.NotNull(new PathRequest(s_a, s_b, 8, Limit: 1000).Validated());
    }
}
