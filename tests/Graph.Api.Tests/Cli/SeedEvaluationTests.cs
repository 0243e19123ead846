using Graph.Api.Cli;
using Graph.Api.Tests.Browser;
using Graph.Ingest.Evaluation;
using Graph.Ingest.Knowledge;

namespace Graph.Api.Tests.Cli;

/// <summary>
/// The analyst's path for the seed articles: each ingested into an empty embedded store (a real SQLite file), every
/// proposal accepted, and the resulting graph scored against the curated seed knowledge at the targets.
/// </summary>
public sealed class SeedEvaluationTests
{
    [Fact]
    public async Task Seeds_ingested_into_an_empty_store_and_accepted_score_at_the_targets()
    {
        var gold = KnowledgeFile.Load(Path.Combine(PlaygroundFiles.RepositoryRoot, "data", "knowledge", "seed-knowledge.json"));
        var scores = new List<DocumentScore>();
        foreach (var document in gold.Documents)
        {
            var graph = await ExtractionCommands.IngestAndAcceptAsync(document, TestContext.Current.CancellationToken);
            scores.Add(ExtractionScorer.Score(gold, graph, document));
        }

        var total = EvaluationReport.Total(scores);
        var report = EvaluationReport.Format(total, "seeds through the store");
        Assert.Equal(2, scores.Count);
        Assert.True(total.Relationships.Precision >= 0.85, report);
        Assert.True(total.Relationships.Recall >= 0.6, report);
        Assert.True(total.Actors.F1 >= 0.85, report);
        Assert.True(total.AttributionAccuracy >= 0.8, report);
        Assert.Equal(total.TotalQuotes, total.ExactQuotes);
    }
}
