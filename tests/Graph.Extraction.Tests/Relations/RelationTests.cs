using Graph.Core.Model;
using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Extraction.Tests.Relations;

public sealed class RelationTests
{
    [Fact]
    public void Deployed_active_with_count_and_date()
    {
        var result = Support.Extract("Belarus sent about 3,000 troops to Syria in May 2023.");
        var p = result.Single(Deployed, "state:belarus", "state:syria");
        Assert.Equal(3000, p.Attributes?.Count);
        Assert.Equal("approximately", p.Attributes?.Note);
        Assert.Equal("troops", p.Attributes?.Personnel);
        Assert.Equal("2023-05", p.Attributes?.ValidFrom?.ToString());
        Assert.Equal("deployed.active", p.Rule);
    }

    [Fact]
    public void Deployed_from_a_demonym_and_personnel_noun_in_a_participle()
    {
        var result = Support.Extract("Cuban soldiers, deployed to fight in Venezuela's Zulia region since June, have left.");
        Assert.NotNull(result.Find(Deployed, "state:cuba", "location:zulia-region"));
        Assert.NotNull(result.Find(LocatedIn, "location:zulia-region", "state:venezuela"));
    }

    [Fact]
    public void A_leaders_government_or_regime_is_led_by_that_leader()
    {
        var result = Support.Extract("Talks between Emmanuel Macron's government and the Kremlin stalled in March.");
        var p = result.Single(Leads, "official:emmanuel-macron", "state:france");
        Assert.Equal("leads.government", p.Rule);
        Assert.Equal("Emmanuel Macron's government", p.Quote);
        Assert.Null(Support.Extract("Emmanuel Macron's speech was short.").Find(Leads, "official:emmanuel-macron", "state:france"));
    }

    [Fact]
    public void Withdrew_from_passive_with_personnel()
    {
        var result = Support.Extract("French troops were withdrawn from Mali's Gao region last month.");
        var p = result.Single(WithdrewFrom, "state:france", "location:gao-region");
        Assert.Equal("2025-02", p.Attributes?.ValidFrom?.ToString());
    }

    [Fact]
    public void Vetoed_active_and_nominalized()
    {
        Assert.NotNull(Support.Extract("China vetoed Resolution 2871 on Tuesday.").Find(Vetoed, "state:china", "resolution:un-security-council-resolution-2871"));
        Assert.NotNull(Support.Extract("Observers criticised France's veto of Resolution 2875.").Find(Vetoed, "state:france", "resolution:un-security-council-resolution-2875"));
    }

    [Fact]
    public void Voted_for_and_the_numbered_resolution_adopted_by_the_council()
    {
        var result = Support.Extract("Brazil voted in favour of Resolution 2420 in 2018.");
        Assert.Equal("2018", result.Single(VotedFor, "state:brazil", "resolution:un-security-council-resolution-2420").Attributes?.ValidFrom?.ToString());
        Assert.NotNull(result.Find(Adopted, "organization:un-security-council", "resolution:un-security-council-resolution-2420"));
    }

    [Fact]
    public void Supplies_arms_nominalized_and_hedged_by_alleged()
    {
        var p = Support.Extract("The report examined Iran's alleged arms supply to Yemen.").Single(SuppliesArmsTo, "state:iran", "state:yemen");
        Assert.Equal(Stance.Hedged, p.Stance);
        Assert.Equal("supplies-arms.nominal", p.Rule);
    }

    [Fact]
    public void Supplies_arms_passive_with_by()
    {
        Assert.NotNull(Support.Extract("Artillery shells were supplied to Armenia by India last year.").Find(SuppliesArmsTo, "state:india", "state:armenia"));
    }

    [Fact]
    public void Supplies_arms_through_an_import_from_the_supplier()
    {
        Assert.NotNull(Support.Extract("Venezuela plans to import drones from Iran.").Find(SuppliesArmsTo, "state:iran", "state:venezuela"));
    }

    [Fact]
    public void Alliance_between_two_states_is_one_symmetric_edge()
    {
        var result = Support.Extract("The alliance between Mali and Niger grew stronger.");
        Assert.Single(result.Proposals, p => p.Type == AlliedWith);
        Assert.NotNull(result.Find(AlliedWith, "state:niger", "state:mali"));
    }

    [Fact]
    public void Invasion_gives_war_between_the_states()
    {
        Assert.NotNull(Support.Extract("Prices rose after Iraq's invasion of Kuwait.").Find(AtWarWith, "state:iraq", "state:kuwait"));
    }

    [Fact]
    public void Attacked_active_and_passive()
    {
        Assert.NotNull(Support.Extract("Israel struck Lebanon overnight.").Find(Attacked, "state:israel", "state:lebanon"));
        Assert.NotNull(Support.Extract("Georgia was attacked by Russia in 2008.").Find(Attacked, "state:russia", "state:georgia"));
    }

    [Fact]
    public void Ratification_of_their_treaty_makes_both_states_parties()
    {
        var result = Support.Extract("Ties between Laos and Vietnam deepened with the ratification of their Mekong Friendship Treaty.");
        Assert.NotNull(result.Find(Ratified, "state:laos", "treaty:mekong-friendship-treaty"));
        Assert.NotNull(result.Find(Ratified, "state:vietnam", "treaty:mekong-friendship-treaty"));
        Assert.NotNull(result.Find(PartyTo, "state:vietnam", "treaty:mekong-friendship-treaty"));
    }

    [Fact]
    public void Titles_give_leads_and_membership()
    {
        var result = Support.Extract("Kenyan President Daniel Otieno met Foreign Minister Grace Wanjiru of Uganda.");
        Assert.Equal("Kenyan President Daniel Otieno", result.Single(Leads, "official:daniel-otieno", "state:kenya").Quote);
        Assert.NotNull(result.Find(MetWith, "official:daniel-otieno", "official:grace-wanjiru"));
    }

    [Fact]
    public void An_interview_with_an_outlet_is_a_meeting()
    {
        var result = Support.Extract("Captain Lars Holm, a Danish naval commander, told Reuters that the ship was safe.");
        Assert.NotNull(result.Find(MetWith, "official:lars-holm", "organization:reuters"));
        Assert.NotNull(result.Find(MemberOf, "official:lars-holm", "state:denmark"));
    }

    [Fact]
    public void Gifted_between_officials()
    {
        var result = Support.Extract("President Amir Haddad of Lebanon gifted Prime Minister Omar Saleh a sword.");
        Assert.NotNull(result.Find(Gifted, "official:amir-haddad", "official:omar-saleh"));
    }

    [Fact]
    public void Employs_when_a_state_hires_workers_of_another()
    {
        Assert.NotNull(Support.Extract("Qatar is hiring Nepali workers for stadium projects.").Find(Employs, "state:qatar", "state:nepal"));
    }

    [Fact]
    public void Sanctions_by_an_organization_on_a_state()
    {
        Assert.NotNull(Support.Extract("The EU sanctioned Belarus over the crackdown.").Find(Sanctions, "organization:european-union", "state:belarus"));
    }

    [Fact]
    public void A_resolution_targets_the_state_it_restricts()
    {
        Assert.NotNull(Support.Extract("Resolution 1737 banned Iran from enriching uranium.").Find(Targets, "resolution:un-security-council-resolution-1737", "state:iran"));
    }

    [Fact]
    public void Direction_rules_drop_impossible_edges()
    {
        // A location cannot send troops: the frame finds it, the ontology refuses it.
        var result = Support.Extract("Somalia's Puntland region sent 500 troops to Yemen.");
        Assert.All(result.Proposals, p => Assert.True(Graph.Core.Ontology.GraphOntology.RuleFor(p.Type).Allows(p.From.Kind, p.To.Kind)));
        Assert.DoesNotContain(result.Proposals, p => p.Type == Deployed && p.From.Kind == Graph.Core.Ontology.NodeKind.Location);
    }
}

public sealed class MoreRelationTests
{
    [Fact]
    public void Aid_to_a_state_is_support_from_the_subject_with_the_sum()
    {
        var p = Support.Extract("Norway pledged $300 million in humanitarian aid to Sudan.").Single(Support_(), "state:norway", "state:sudan");
        Assert.Equal(300_000_000m, p.Attributes?.Amount);
        Assert.Equal("USD", p.Attributes?.Currency);
    }

    [Fact]
    public void A_state_s_armed_forces_attack_for_the_state_and_figures_stay_in_their_clause()
    {
        var result = Support.Extract("Russian forces attacked Kharkiv overnight, while 300 soldiers were reported missing.");
        var p = result.Single(Graph.Core.Ontology.RelationshipType.Attacked, "state:russia", "location:kharkiv-region");
        Assert.Null(p.Attributes?.Count);
    }

    [Fact]
    public void An_unnamed_treaty_signed_by_two_states_makes_both_signatories_and_parties()
    {
        var result = Support.Extract("Chile and Peru signed a new fisheries agreement in March 2024.");
        Assert.Equal("2024-03", result.Single(Graph.Core.Ontology.RelationshipType.Signed, "state:chile", "treaty:new-fisheries-agreement").Attributes?.ValidFrom?.ToString());
        Assert.NotNull(result.Find(Graph.Core.Ontology.RelationshipType.PartyTo, "state:peru", "treaty:new-fisheries-agreement"));
    }

    [Fact]
    public void A_candidate_against_the_direction_rules_is_dropped_and_counted()
    {
        // The graph holds Anna Berg as a Person; a title would make her lead Finland, which LEADS allows only for Officials.
        var known = new Graph.Core.Model.Actor(Graph.Core.Model.ActorId.Parse("person:anna-berg"), Graph.Core.Ontology.NodeKind.Person, "Anna Berg");
        var result = Support.Extract("Finnish President Anna Berg spoke in Helsinki.", known: [known]);
        Assert.Null(result.Find(Graph.Core.Ontology.RelationshipType.Leads, "person:anna-berg", "state:finland"));
        Assert.Equal(1, result.Dropped.GetValueOrDefault("direction:LEADS"));
    }

    private static Graph.Core.Ontology.RelationshipType Support_() => Graph.Core.Ontology.RelationshipType.Supports;
}
