using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Extraction.Tests;

/// <summary>Runs the extractor over the seed and development texts and checks invariants, not scores.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Texts()
    {
        var root = Support.RepositoryRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "data", "seeds"), "*.txt").Concat(Directory.GetFiles(Path.Combine(root, "data", "devset"), "*.txt")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_quote_is_verbatim_at_its_offsets_and_every_proposal_obeys_the_ontology(string relative)
    {
        var text = File.ReadAllText(Path.Combine(Support.RepositoryRoot(), relative));
        var result = Support.Extract(text, "2025-02");
        Assert.NotEmpty(result.Proposals);
        var actorIds = result.Actors.Select(a => a.Id).ToHashSet();
        foreach (var p in result.Proposals)
        {
            Assert.Equal(p.Quote, text.Substring(p.Start, p.End - p.Start));
            Assert.True(GraphOntology.RuleFor(p.Type).Allows(p.From.Kind, p.To.Kind), $"{p.Type} {p.From.Id} -> {p.To.Id}");
            Assert.Equal(p.From.Kind, p.From.Id.Kind);
            Assert.Contains(p.From.Id, actorIds);
            Assert.Contains(p.To.Id, actorIds);
            if (p.Type == RelationshipType.Reported)
            {
                Assert.Null(p.AttributedTo);
            }

            new Evidence(p.Document, p.Quote, p.Start, p.End, p.AttributedTo?.Id, p.Stance, p.Confidence, p.Extractor).Validate();
        }
    }
}
