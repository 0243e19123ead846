using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Knowledge;

namespace Graph.Ingest.Tests.Knowledge;

/// <summary>The curated knowledge of the two seed documents: complete enough, and every quote true to its document.</summary>
public sealed class SeedKnowledgeTests
{
    private static readonly GraphSnapshot s_seed = KnowledgeFile.Load(RepositoryPaths.SeedKnowledge);

    [Fact]
    public void Seed_knowledge_meets_the_minimum_counts()
    {
        Assert.True(s_seed.Actors.Count >= 25, $"{s_seed.Actors.Count} actors");
        Assert.True(s_seed.Relationships.Count >= 45, $"{s_seed.Relationships.Count} relationships");
        Assert.True(s_seed.Relationships.Select(r => r.Type).Distinct().Count() >= 12, "distinct relationship types");
        Assert.Equal(2, s_seed.Documents.Count);
    }

    [Fact]
    public void Every_quote_occurs_verbatim_in_its_document_at_its_offsets()
    {
        var texts = s_seed.Documents.ToDictionary(d => d.Id, d => d.Text);
        var checkedQuotes = 0;
        foreach (var evidence in s_seed.Relationships.SelectMany(r => r.Evidence))
        {
            var text = texts[evidence.DocumentId];
            Assert.InRange(evidence.End, evidence.Start + 1, text.Length);
            Assert.Equal(evidence.Quote, text[evidence.Start..evidence.End]);
            checkedQuotes++;
        }

        Assert.True(checkedQuotes >= s_seed.Relationships.Count);
    }

    [Fact]
    public void Seed_documents_are_the_shared_seed_files_unchanged()
    {
        foreach (var document in s_seed.Documents)
        {
            var file = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "data", "seeds"))
                .Single(f => File.ReadAllText(f) == document.Text);
            Assert.Equal(Graph.Core.Model.Document.Hash(File.ReadAllText(file)), document.ContentHash);
        }
    }

    [Fact]
    public void Every_referenced_actor_and_document_exists()
    {
        var actors = s_seed.Actors.Select(a => a.Id).ToHashSet();
        var documents = s_seed.Documents.Select(d => d.Id).ToHashSet();
        foreach (var edge in s_seed.Relationships)
        {
            Assert.Contains(edge.From, actors);
            Assert.Contains(edge.To, actors);
            foreach (var e in edge.Evidence)
            {
                Assert.Contains(e.DocumentId, documents);
                if (e.AttributedTo is { } source)
                {
                    Assert.Contains(source, actors);
                }
            }
        }

        Assert.All(s_seed.Documents.Where(d => d.Publisher is not null), d => Assert.Contains(d.Publisher!.Value, actors));
    }

    [Fact]
    public void Every_edge_obeys_its_direction_rule_and_has_evidence()
    {
        var kinds = s_seed.Actors.ToDictionary(a => a.Id, a => a.Kind);
        Assert.All(s_seed.Relationships, edge =>
        {
            Assert.True(edge.Rule.Allows(kinds[edge.From], kinds[edge.To]), $"{edge.Id}: {edge.Rule.Describe()}");
            Assert.NotEmpty(edge.Evidence);
        });
    }

    [Fact]
    public void Arrival_figures_of_both_sources_are_kept_on_one_edge()
    {
        var deployed = s_seed.Relationships.Single(r => r.Key == new RelationshipKey(RelationshipType.Deployed, ActorId.Parse("state:north-korea"), ActorId.Parse("state:russia"), "workers"));
        var conflict = Assert.Single(QuantityConflicts.Find(deployed), c => c.Quantity == "count");
        Assert.Contains(conflict.Claims, c => c.Value == 13221);
        Assert.Contains(conflict.Claims, c => c.Value == 15000);
        Assert.Equal(2, conflict.Claims.Select(c => c.Evidence.DocumentId).Distinct().Count());
    }

    [Fact]
    public void Wage_figures_of_both_sources_are_kept_on_one_edge()
    {
        var employs = s_seed.Relationships.Single(r => r.Type == RelationshipType.Employs && r.From.Value == "state:russia" && r.To.Value == "state:north-korea");
        var conflict = Assert.Single(QuantityConflicts.Find(employs), c => c.Quantity == "amount");
        Assert.Contains(conflict.Claims, c => c.Value == 800 && c.Unit!.StartsWith("USD", StringComparison.Ordinal));
        Assert.Contains(conflict.Claims, c => c.Min == 100 && c.Max == 200);
    }

    [Fact]
    public void Metonyms_are_aliases_of_the_states_they_stand_for()
    {
        var northKorea = s_seed.Actors.Single(a => a.Id.Value == "state:north-korea");
        var russia = s_seed.Actors.Single(a => a.Id.Value == "state:russia");
        Assert.Contains("Pyongyang", northKorea.Aliases);
        Assert.Contains("DPRK", northKorea.Aliases);
        Assert.Contains("Moscow", russia.Aliases);
    }
}
