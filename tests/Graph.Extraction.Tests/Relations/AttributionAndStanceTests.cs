using Graph.Core.Model;
using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Extraction.Tests.Relations;

public sealed class AttributionAndStanceTests
{
    [Fact]
    public void According_to_credits_the_source_and_reports_about_the_actor()
    {
        var result = Support.Extract("Serbia sent 200 troops to Bosnia, according to Reuters.");
        Assert.Equal("organization:reuters", result.Single(Deployed, "state:serbia", "state:bosnia-and-herzegovina").AttributedTo?.Id.Value);
        var report = result.Single(Reported, "organization:reuters", "state:serbia");
        Assert.Null(report.AttributedTo);
    }

    [Fact]
    public void A_speaker_with_a_verb_of_saying_is_credited()
    {
        var result = Support.Extract("The Pentagon said Iran supplied drones to Sudan.");
        Assert.Equal("agency:pentagon", result.Single(SuppliesArmsTo, "state:iran", "state:sudan").AttributedTo?.Id.Value);
    }

    [Fact]
    public void A_relayed_statement_gives_a_report_of_the_relay_about_the_speaker()
    {
        var result = Support.Extract("Japan’s Defense Ministry reported that China deployed ships to the Senkaku Islands, according to Kyodo News.");
        Assert.NotNull(result.Find(Reported, "organization:kyodo-news", "agency:defense-ministry"));
    }

    [Fact]
    public void Hedges_make_the_stance_hedged_and_lower_confidence()
    {
        var plain = Support.Extract("Chad sent 400 troops to Niger.").Single(Deployed, "state:chad", "state:niger");
        var hedged = Support.Extract("Chad reportedly sent 400 troops to Niger.").Single(Deployed, "state:chad", "state:niger");
        Assert.Equal(Stance.Asserts, plain.Stance);
        Assert.Equal(Stance.Hedged, hedged.Stance);
        Assert.True(hedged.Confidence < plain.Confidence);
        Assert.Equal(Stance.Hedged, Support.Extract("Such strikes would violate Resolution 1701.").Proposals.Where(p => p.Type == Violates).Select(p => p.Stance).DefaultIfEmpty(Stance.Hedged).First());
    }

    [Fact]
    public void Denials_give_the_denies_stance()
    {
        var result = Support.Extract("Minsk denied that Belarus sent troops to Ukraine.");
        Assert.Equal(Stance.Denies, result.Single(Deployed, "state:belarus", "state:ukraine").Stance);
    }

    [Fact]
    public void Every_proposal_names_its_rule_and_extractor_and_quotes_verbatim()
    {
        var text = "Kenya sent 1,000 police officers to Haiti.\nThe mission was\nled by Kenyan commanders.";
        var result = Support.Extract(text);
        Assert.NotEmpty(result.Proposals);
        Assert.All(result.Proposals, p =>
        {
            Assert.Equal(p.Quote, text.Substring(p.Start, p.End - p.Start));
            Assert.Equal("rules/1.0", p.Extractor);
            Assert.False(string.IsNullOrEmpty(p.Rule));
            Assert.InRange(p.Confidence, 0.35, 1.0);
        });
    }
}
