using Graph.Core.Model;
using Graph.Core.Ontology;
using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Extraction.Tests.Mentions;

public sealed class LinkingTests
{
    [Fact]
    public void Capitals_possessives_and_acronyms_link_to_the_state()
    {
        var capital = Support.Extract("Tehran sent 300 troops to Damascus.");
        Assert.NotNull(capital.Find(Deployed, "state:iran", "state:syria"));
        Assert.DoesNotContain(capital.Actors, a => a.Kind == NodeKind.Location);
        var possessive = Support.Extract("The ROK’s military sent 200 troops to Oman.");
        Assert.NotNull(possessive.Find(Deployed, "state:south-korea", "state:oman"));
    }

    [Fact]
    public void Known_actors_link_by_folded_name_with_accents_ignored()
    {
        var known = new Actor(ActorId.Parse("official:jose-ramirez"), NodeKind.Official, "José Ramírez");
        var result = Support.Extract("Interior Minister Jose Ramirez of Peru visited Chile on Monday.", known: [known]);
        var visit = result.Single(Visited, "official:jose-ramirez", "state:chile");
        Assert.True(visit.From.Known);
    }

    [Fact]
    public void A_short_name_after_the_full_name_is_the_same_person()
    {
        var result = Support.Extract("Foreign Minister Anna Lindqvist of Sweden arrived. Later, Lindqvist met Prime Minister Olav Berg.");
        Assert.NotNull(result.Find(MetWith, "official:anna-lindqvist", "official:olav-berg"));
        Assert.DoesNotContain(result.Actors, a => a.Id.Value == "person:lindqvist");
    }

    [Fact]
    public void A_state_acronym_is_matched_only_in_capitals()
    {
        var result = Support.Extract("Let us hope the US backs Canada's bid.");
        Assert.DoesNotContain(result.Actors, a => a.Name == "us");
    }

    [Fact]
    public void An_agency_with_an_acronym_in_brackets_belongs_to_the_possessive_state()
    {
        var result = Support.Extract("Chile’s National Water Agency (NWA) warned of shortages.");
        var member = result.Single(MemberOf, "agency:national-water-agency", "state:chile");
        Assert.Equal("Chile’s National Water Agency", member.Quote);
    }

    [Fact]
    public void The_agency_refers_to_the_agency_named_before()
    {
        var result = Support.Extract("Poland's Internal Security Agency arrested two men. The agency said Belarus had sent them to Poland.");
        var report = result.Single(Reported, "agency:internal-security-agency", "state:belarus");
        Assert.Equal(Stance.Asserts, report.Stance);
    }

    [Fact]
    public void Unnamed_sources_are_actors_of_their_state()
    {
        var result = Support.Extract("According to unnamed Finnish officials, Russia deployed 2,000 troops to the Karelia region.");
        var deployed = result.Single(Deployed, "state:russia", "location:karelia-region");
        Assert.Equal("organization:unnamed-finnish-officials", deployed.AttributedTo?.Id.Value);
        Assert.NotNull(result.Find(MemberOf, "organization:unnamed-finnish-officials", "state:finland"));
    }
}
