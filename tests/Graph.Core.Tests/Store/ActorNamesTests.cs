using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Core.Tests;

public sealed class ActorNamesTests
{
    private static readonly Actor s_russia = new(ActorId.Parse("state:russia"), NodeKind.State, "Russia", ["Russian Federation"], new Dictionary<string, string>());
    private static readonly Actor s_belarus = new(ActorId.Parse("state:belarus"), NodeKind.State, "Belarus", [], new Dictionary<string, string>());
    private static readonly Actor s_northKorea = new(ActorId.Parse("state:north-korea"), NodeKind.State, "North Korea", ["DPRK", "Pyongyang"], new Dictionary<string, string>());
    private static readonly Actor s_southKorea = new(ActorId.Parse("state:south-korea"), NodeKind.State, "South Korea", [], new Dictionary<string, string>());

    [Fact]
    public void Suggestions_are_the_closest_names_or_aliases_first_as_name_and_id()
    {
        Assert.Equal(["Russia (state:russia)"], ActorNames.Closest("Rusia", [s_belarus, s_russia, s_northKorea]));
        Assert.Equal(["North Korea (state:north-korea)", "South Korea (state:south-korea)"], ActorNames.Closest("state:north-kora", [s_southKorea, s_northKorea, s_russia]));
        Assert.Equal(["North Korea (state:north-korea)"], ActorNames.Closest("dprc", [s_northKorea, s_russia]));
    }

    [Fact]
    public void Nothing_close_and_nothing_typed_suggest_nothing()
    {
        Assert.Empty(ActorNames.Closest("Atlantis", [s_russia, s_belarus]));
        Assert.Empty(ActorNames.Closest("  ", [s_russia]));
    }

    [Fact]
    public void Candidates_are_searched_by_prefixes_and_the_starts_of_further_words()
    {
        Assert.Equal(["north ", "north", "nort", "nor", "no", "kor"], ActorNames.CandidateTerms("state:north-kora"));
        Assert.Equal(["ru"], ActorNames.CandidateTerms("Ru"));
    }
}
