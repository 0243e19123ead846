using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Extractors;
using Graph.Ingest.Evaluation;
using Graph.Ingest.Knowledge;

namespace Graph.Ingest.Tests.Evaluation;

public sealed class PredictionWriterTests
{
    [Fact]
    public void A_written_prediction_loads_back_with_every_edge_and_quote()
    {
        var dir = Directory.CreateTempSubdirectory("prediction-");
        try
        {
            var text = "The alliance between Chad and Niger holds. Chad sent 1,200 troops to Niger last year, according to Reuters. Chad also sent troops to Niger in 2023.";
            var textFile = Path.Combine(dir.FullName, "article.txt");
            File.WriteAllText(textFile, text);
            var document = new Document(DocumentId.Parse("doc:article"), "Article", null, null, PartialDate.Parse("2025-01"), text);
            var result = new RuleExtractor([]).Extract(new ExtractionInput(document.Id, text, document.Published), TestContext.Current.CancellationToken);
            Assert.NotEmpty(result.Proposals);

            var file = Path.Combine(dir.FullName, "article.knowledge.json");
            File.WriteAllText(file, PredictionWriter.Write(result, document, "article.txt"));
            var loaded = KnowledgeFile.Load(file);

            var keys = result.Proposals.Select(p => new RelationshipKey(p.Type, p.From.Id, p.To.Id).Canonical()).Distinct().ToList();
            Assert.Equal(keys.Count, loaded.Relationships.Count);
            Assert.Equal(result.Proposals.Select(p => (p.Start, p.End)).Distinct().Count(), loaded.Relationships.SelectMany(r => r.Evidence).Select(e => (e.Start, e.End)).Distinct().Count());
            Assert.All(loaded.Relationships.SelectMany(r => r.Evidence), e => Assert.Equal(e.Quote, text.Substring(e.Start, e.End - e.Start)));

            // The two deployments are one edge with two pieces of evidence, each keeping its own figures.
            var deployed = Assert.Single(loaded.Relationships, r => r.Type == RelationshipType.Deployed);
            Assert.Equal(2, deployed.Evidence.Count);
            Assert.Contains(deployed.Evidence, e => e.Attributes?.Count == 1200 && e.AttributedTo?.Value == "organization:reuters");
            Assert.Equal("2025-01", loaded.Documents[0].Published?.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
