using Graph.Core;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;

namespace Graph.Extraction.Tests.Gazetteer;

public sealed class ReferenceGazetteerTests
{
    private static readonly ReferenceGazetteer s_gazetteer = ReferenceGazetteer.Default;

    [Fact]
    public void Every_UN_member_state_is_listed_once_with_a_code_and_capital()
    {
        var states = s_gazetteer.States.ToList();
        Assert.Equal(193, states.Count);
        Assert.All(states, s => Assert.False(string.IsNullOrEmpty(s.CountryCode)));
        Assert.All(states, s => Assert.False(string.IsNullOrEmpty(s.Capital)));
        Assert.Equal(193, states.Select(s => s.CountryCode).Distinct().Count());
    }

    [Theory]
    [InlineData("DPRK", "state:north-korea", NameForm.Acronym)]
    [InlineData("Democratic People's Republic of Korea", "state:north-korea", NameForm.Name)]
    [InlineData("North Korean", "state:north-korea", NameForm.Demonym)]
    [InlineData("Pyongyang", "state:north-korea", NameForm.Capital)]
    [InlineData("Kyiv", "state:ukraine", NameForm.Capital)]
    [InlineData("Russian", "state:russia", NameForm.Demonym)]
    [InlineData("ROK", "state:south-korea", NameForm.Acronym)]
    [InlineData("UAE", "state:united-arab-emirates", NameForm.Acronym)]
    [InlineData("Côte d'Ivoire", "state:cote-divoire", NameForm.Name)]
    [InlineData("IAEA", "organization:international-atomic-energy-agency", NameForm.Acronym)]
    [InlineData("Security Council", "organization:un-security-council", NameForm.Name)]
    [InlineData("Yonhap", "organization:yonhap-news-agency", NameForm.Name)]
    [InlineData("KCNA", "agency:korean-central-news-agency", NameForm.Acronym)]
    [InlineData("ISW", "organization:institute-for-the-study-of-war", NameForm.Acronym)]
    public void Names_acronyms_demonyms_and_capitals_find_their_actor(string name, string id, NameForm form)
    {
        var hits = s_gazetteer.Lookup(NameFolding.Fold(name));
        Assert.Contains(hits, h => h.Entry.Id.Value == id && h.Form == form);
    }

    [Fact]
    public void Agencies_know_their_state_and_UN_bodies_their_parent()
    {
        Assert.Equal("state:south-korea", s_gazetteer.Find(Graph.Core.Model.ActorId.Parse("agency:national-intelligence-service"))!.PartOf!.Value.Value);
        Assert.Equal("organization:united-nations", s_gazetteer.Find(Graph.Core.Model.ActorId.Parse("organization:un-security-council"))!.PartOf!.Value.Value);
        Assert.Equal(NodeKind.Location, s_gazetteer.Find(Graph.Core.Model.ActorId.Parse("location:kursk-region"))!.Kind);
    }

    [Fact]
    public void An_extra_file_adds_entries()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{ "bodies": [ { "kind": "Organization", "name": "Harbour Watch Institute", "aliases": ["HWI"] } ] }""");
        try
        {
            var gazetteer = new ReferenceGazetteer([file]);
            Assert.Contains(gazetteer.Lookup("hwi"), h => h.Entry.Id.Value == "organization:harbour-watch-institute");
            Assert.Equal(193, gazetteer.States.Count());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
