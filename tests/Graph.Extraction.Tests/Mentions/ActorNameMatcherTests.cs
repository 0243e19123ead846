using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Mentions;

namespace Graph.Extraction.Tests.Mentions;

public sealed class ActorNameMatcherTests
{
    private static readonly Actor NorthKorea = new(ActorId.Parse("state:north-korea"), NodeKind.State, "North Korea", ["DPRK", "Pyongyang", "Kim Jong Un’s regime"], new Dictionary<string, string>());
    private static readonly Actor UnitedStates = new(ActorId.Parse("state:united-states"), NodeKind.State, "United States", ["U.S."], new Dictionary<string, string>());
    private static readonly Actor Ministry = new(ActorId.Parse("agency:north-korean-ministry-of-national-defense"), NodeKind.Agency, "North Korean Ministry of National Defense", [], new Dictionary<string, string>());
    private static readonly Actor Russia = new(ActorId.Parse("state:russia"), NodeKind.State, "Russia", ["Moscow"], new Dictionary<string, string>());
    private static readonly Actor Moscow = new(ActorId.Parse("location:moscow"), NodeKind.Location, "Moscow");
    private static readonly Actor Herald = new(ActorId.Parse("organization:korea-herald"), NodeKind.Organization, "The Korea Herald");
    private static readonly Actor Wi = new(ActorId.Parse("official:wi-sung-lac"), NodeKind.Official, "Wi Sung-lac");

    private static readonly ActorNameMatcher Matcher = new([NorthKorea, UnitedStates, Ministry, Russia, Moscow, Herald, Wi]);

    private static List<(string Text, string Actor)> Find(string text) =>
        [.. Matcher.Find(text).Select(m => (m.Text, m.Actor.Id.Value))];

    [Fact]
    public void Offsets_index_the_text_and_the_text_is_the_substring()
    {
        const string Text = "Troops from North Korea’s army, said the DPRK.";
        var found = Matcher.Find(Text);
        Assert.Equal([(12, 23), (41, 45)], found.Select(m => (m.Start, m.End)));
        Assert.All(found, m => Assert.Equal(Text[m.Start..m.End], m.Text));
    }

    [Fact]
    public void Case_and_accents_are_folded_but_acronyms_need_their_capitals()
    {
        Assert.Equal([("north korea", "state:north-korea"), ("WÍ SUNG–LAC", "official:wi-sung-lac"), ("U.S.", "state:united-states")],
            Find("north korea hosted WÍ SUNG–LAC; the U.S. told us."));
        Assert.Empty(Find("dprk"));
    }

    [Fact]
    public void The_longest_name_wins_and_mentions_never_overlap()
    {
        Assert.Equal([("North Korean Ministry of National Defense", Ministry.Id.Value)], Find("The North Korean Ministry of National Defense said."));
        Assert.Equal([("Kim Jong Un’s regime", NorthKorea.Id.Value)], Find("Kim Jong Un’s regime"));
        Assert.Equal([("The Korea Herald", Herald.Id.Value), ("Korea Herald", Herald.Id.Value)], Find("The Korea Herald, or Korea Herald."));
    }

    [Fact]
    public void An_actors_own_name_wins_over_another_actors_alias()
    {
        Assert.Equal([("Moscow", Moscow.Id.Value)], Find("Moscow"));
    }

    [Fact]
    public void A_clause_break_ends_a_name()
    {
        Assert.Empty(Find("North. Korea"));
        Assert.Equal([("Russia", Russia.Id.Value), ("North Korea", NorthKorea.Id.Value)], Find("Russia, North Korea"));
    }
}
