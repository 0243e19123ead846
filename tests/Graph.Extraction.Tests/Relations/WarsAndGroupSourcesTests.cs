using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Extraction.Tests.Relations;

public sealed class WarsAndGroupSourcesTests
{
    [Fact]
    public void A_war_named_by_its_country_is_one_conflict_however_it_is_worded()
    {
        var result = Support.Extract(
            "Food prices rose because of the Sudan conflict. Chad sent 300 troops to Sudan last month. Aid groups fear the war in Sudan will spread.");
        var deployed = result.Single(Deployed, "state:chad", "conflict:war-in-sudan");
        Assert.EndsWith(".to-war", deployed.Rule);
        Assert.Null(result.Find(Deployed, "state:chad", "state:sudan"));
        var war = Assert.Single(result.Actors, a => a.Id.Value == "conflict:war-in-sudan");
        Assert.Equal("War in Sudan", war.Name);
        Assert.Contains("Sudan conflict", war.Aliases);
    }

    [Fact]
    public void A_country_that_is_not_at_war_in_the_document_stays_the_destination()
    {
        var result = Support.Extract("Kenya sent 400 troops to Haiti. The Sudan war has displaced millions.");
        Assert.NotNull(result.Find(Deployed, "state:kenya", "state:haiti"));
    }

    [Fact]
    public void Its_war_in_a_country_puts_the_state_named_before_it_at_war_with_that_country()
    {
        var result = Support.Extract("Ethiopia's economy has been strained by its ongoing conflict in Eritrea, officials said.");
        Assert.NotNull(result.Find(AtWarWith, "state:ethiopia", "state:eritrea"));
    }

    [Fact]
    public void A_group_that_opens_a_sentence_with_a_verb_of_saying_is_the_source()
    {
        var result = Support.Extract("Analysts have noted Iran's growing supply of drones to Sudan.");
        var report = result.Single(Reported, "organization:analysts", "state:iran");
        Assert.Null(report.AttributedTo);
        Assert.Contains(result.Actors, a => a.Id.Value == "organization:analysts");

        var qualified = Support.Extract("Energy experts warn that Qatar will supply gas to Pakistan.");
        Assert.NotNull(qualified.Find(Reported, "organization:energy-experts", "state:qatar"));
    }

    [Fact]
    public void A_group_noun_that_does_not_speak_is_no_source()
    {
        var result = Support.Extract("Observers arrived in Georgia before the vote.");
        Assert.DoesNotContain(result.Actors, a => a.Id.Value == "organization:observers");
    }

    [Fact]
    public void Sanctions_without_a_target_are_on_the_story_s_state_when_the_sentence_names_it()
    {
        var result = Support.Extract(
            "Iran has expanded its missile program. Iran tested two missiles in May. Despite the European Union sanctions, Iran kept selling oil to China.");
        Assert.NotNull(result.Find(Sanctions, "organization:european-union", "state:iran"));

        var elsewhere = Support.Extract("Iran has expanded its missile program. Iran tested two missiles in May. Oil prices fell despite European Union sanctions.");
        Assert.Null(elsewhere.Find(Sanctions, "organization:european-union", "state:iran"));
    }
}
