using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Core.Tests;

public sealed class RelationshipTests
{
    private static readonly Document s_doc = new(DocumentId.Parse("doc:t"), "T", null, null, null, "Alpha supports Beta. Beta supports Alpha. Gamma agrees.");
    private static readonly ActorId s_alpha = ActorId.Parse("state:alpha");
    private static readonly ActorId s_beta = ActorId.Parse("state:beta");
    private static readonly ActorId s_treaty = ActorId.Parse("treaty:pact");

    private static Evidence Quote(string text, EdgeAttributes? attributes = null, double confidence = 1.0, Stance stance = Stance.Asserts)
    {
        var start = s_doc.Text.IndexOf(text, StringComparison.Ordinal);
        return new Evidence(s_doc.Id, text, start, start + text.Length, null, stance, confidence, "curated", attributes);
    }

    private static NodeKind? KindOf(ActorId id) => id == s_alpha || id == s_beta ? NodeKind.State : id == s_treaty ? NodeKind.Treaty : null;

    [Fact]
    public void Merge_unites_evidence_keeping_restated_evidence_in_place()
    {
        var first = new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None, [Quote("Alpha supports Beta."), Quote("Gamma agrees.")]);
        var restated = new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None, [Quote("Alpha supports Beta.", confidence: 0.7), Quote("Beta supports Alpha.")]);

        var merged = first.Merge(restated);

        Assert.Equal(["Alpha supports Beta.", "Gamma agrees.", "Beta supports Alpha."], merged.Evidence.Select(e => e.Quote));
        Assert.Equal(0.7, merged.Evidence[0].Confidence);
        Assert.Equal(merged, merged.Merge(restated)); // idempotent
    }

    [Fact]
    public void Merge_takes_missing_attributes_and_keeps_disputed_ones_with_the_incoming_source()
    {
        var first = new Relationship(RelationshipType.Deployed, s_alpha, s_beta, new EdgeAttributes { Personnel = "workers", Count = 13221 }, [Quote("Alpha supports Beta.")]);
        var second = new Relationship(RelationshipType.Deployed, s_alpha, s_beta, new EdgeAttributes { Count = 15000, ValidFrom = PartialDate.OfYear(2024) }, [Quote("Gamma agrees.")]);

        var merged = first.Merge(second);

        Assert.Equal(13221, merged.Attributes.Count);
        Assert.Equal(PartialDate.OfYear(2024), merged.Attributes.ValidFrom);
        Assert.Equal(15000, merged.Evidence[1].Attributes?.Count);
        Assert.Null(merged.Evidence[0].Attributes);
    }

    [Fact]
    public void Merge_refuses_a_different_assertion()
    {
        var first = new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None, [Quote("Alpha supports Beta.")]);
        var other = new Relationship(RelationshipType.Supports, s_beta, s_alpha, EdgeAttributes.None, [Quote("Beta supports Alpha.")]);
        Assert.Throws<InvalidOperationException>(() => first.Merge(other));
    }

    [Fact]
    public void Validation_names_the_rule_broken()
    {
        var good = Quote("Alpha supports Beta.");
        Assert.Equal("direction", Assert.Throws<RuleViolationException>(() =>
            new Relationship(RelationshipType.Ratified, s_treaty, s_alpha, EdgeAttributes.None, [good]).Validated(KindOf, _ => s_doc)).Rule);
        Assert.Equal("evidence-required", Assert.Throws<RuleViolationException>(() =>
            new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None, []).Validated(KindOf)).Rule);
        Assert.Equal("no-self-edge", Assert.Throws<RuleViolationException>(() =>
            new Relationship(RelationshipType.Supports, s_alpha, s_alpha, EdgeAttributes.None, [good]).Validated(KindOf)).Rule);
        Assert.Equal("evidence-verbatim", Assert.Throws<RuleViolationException>(() =>
            new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None, [good with { Start = 1, End = 21 }]).Validated(KindOf, _ => s_doc)).Rule);
        Assert.Equal("valid-range", Assert.Throws<RuleViolationException>(() =>
            new Relationship(RelationshipType.Supports, s_alpha, s_beta, new EdgeAttributes { ValidFrom = PartialDate.OfYear(2024), ValidTo = PartialDate.OfYear(2023) }, [good]).Validated(KindOf)).Rule);
        Assert.Throws<NotFoundException>(() =>
            new Relationship(RelationshipType.Supports, s_alpha, ActorId.Parse("state:nowhere"), EdgeAttributes.None, [good]).Validated(KindOf));
        var valid = new Relationship(RelationshipType.Ratified, s_alpha, s_treaty, EdgeAttributes.None, [good]);
        Assert.Same(valid, valid.Validated(KindOf, _ => s_doc));
    }

    [Fact]
    public void Confidence_is_the_best_evidence_that_does_not_deny()
    {
        var edge = new Relationship(RelationshipType.Supports, s_alpha, s_beta, EdgeAttributes.None,
            [Quote("Alpha supports Beta.", confidence: 0.7, stance: Stance.Hedged), Quote("Gamma agrees.", confidence: 1.0, stance: Stance.Denies)]);
        Assert.Equal(0.7, edge.Confidence);
        Assert.True(edge.CitesDocument(s_doc.Id));
        Assert.Equal(s_beta, edge.Other(s_alpha));
    }

    [Fact]
    public void Edge_attributes_round_trip_through_text_and_refuse_unknown_names()
    {
        var attributes = new EdgeAttributes { ValidFrom = PartialDate.Parse("2024-10"), Count = 13221, Amount = 800.5m, Currency = "USD", Note = "approximately" };
        Assert.Equal(attributes, EdgeAttributes.FromText(attributes.ToText()));
        Assert.Equal("13221", attributes.ToText()["count"]);
        Assert.Contains("Allowed:", Assert.Throws<InvalidArgumentException>(() => EdgeAttributes.None.With("size", "3")).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidArgumentException>(() => EdgeAttributes.None.With("count", "-1"));
        Assert.True(EdgeAttributes.None.IsEmpty);
    }
}
