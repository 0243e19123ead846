using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Ingest.Evaluation;
using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Ingest.Tests.Evaluation;

public sealed class ExtractionScorerTests
{
    private const string Text = "Ruritania sent troops to Borduria. The Times said so. Borduria and Syldavia are allies. Borduria fights Zembla.";
    private static readonly DocumentId s_doc = DocumentId.Parse("doc:ruritania");
    private static readonly Document s_document = new(s_doc, "Ruritania", null, null, null, Text);

    private static ActorId Id(string id) => ActorId.Parse(id);

    private static Evidence Quote(string quote, string? credit = null, int? start = null)
    {
        var at = start ?? Text.IndexOf(quote, StringComparison.Ordinal);
        return new Evidence(s_doc, quote, at, at + quote.Length, credit is null ? null : Id(credit), Stance.Asserts, 1.0, "test");
    }

    private static Actor A(string id, string name, params string[] aliases) =>
        new(Id(id), Id(id).Kind, name, aliases, new Dictionary<string, string>());

    private static GraphSnapshot Gold() => new(
        [A("state:ruritania", "Ruritania", "the Kingdom of Ruritania"), A("state:borduria", "Borduria"), A("organization:the-times", "The Times"),
         A("state:syldavia", "Syldavia"), A("state:zembla", "Zembla"), A("state:unused", "Unused")],
        [s_document],
        [
            new(Deployed, Id("state:ruritania"), Id("state:borduria"), EdgeAttributes.None, [Quote("Ruritania sent troops to Borduria", "organization:the-times")]),
            new(Reported, Id("organization:the-times"), Id("state:ruritania"), EdgeAttributes.None, [Quote("The Times said so.")]),
            new(AlliedWith, Id("state:borduria"), Id("state:syldavia"), EdgeAttributes.None, [Quote("Borduria and Syldavia are allies.")]),
            new(AtWarWith, Id("state:borduria"), Id("state:zembla"), EdgeAttributes.None, [Quote("Borduria fights Zembla.")]),
        ]);

    private static GraphSnapshot Predicted() => new(
        [A("state:ruritania-kingdom", "Kingdom of Ruritania", "Ruritania"), A("state:ruritania", "Ruritania"), A("state:borduria", "Borduria"),
         A("organization:times", "the times"), A("state:syldavia-2", "Syldavia"), A("state:freedonia", "Freedonia")],
        [s_document],
        [
            new(Deployed, Id("state:ruritania-kingdom"), Id("state:borduria"), EdgeAttributes.None, [Quote("Ruritania sent troops to Borduria.", "organization:times")]),
            new(Deployed, Id("state:ruritania"), Id("state:borduria"), EdgeAttributes.None, [Quote("sent troops")]),
            new(AlliedWith, Id("state:syldavia-2"), Id("state:borduria"), EdgeAttributes.None, [Quote("allies")]),
            new(Reported, Id("organization:times"), Id("state:borduria"), EdgeAttributes.None, [Quote("The Times said so.")]),
            new(Supports, Id("state:freedonia"), Id("state:borduria"), EdgeAttributes.None, [Quote("Borduria", start: 5)]),
        ]);

    [Fact]
    public void Actors_match_by_folded_alias_without_the_and_a_second_match_is_a_false_positive()
    {
        var score = ExtractionScorer.Score(Gold(), Predicted(), s_document);
        // Gold actors are those its edges name: 5 (not "Unused"). Matched 4; the second Ruritania and Freedonia are FPs; Zembla is missed.
        Assert.Equal(new PrecisionRecall(4, 2, 1), score.Actors);
        Assert.Equal(4.0 / 6, score.Actors.Precision, 6);
        Assert.Equal(0.8, score.Actors.Recall, 6);
        Assert.Contains(score.ActorFalseNegatives, a => a.StartsWith("state:zembla", StringComparison.Ordinal));
    }

    [Fact]
    public void Edges_collapse_duplicates_and_match_symmetric_types_either_way()
    {
        var score = ExtractionScorer.Score(Gold(), Predicted(), s_document);
        // TP: DEPLOYED (two predictions, one edge) and ALLIED_WITH (reversed). FP: REPORTED to Borduria, SUPPORTS. FN: REPORTED to Ruritania, AT_WAR_WITH.
        Assert.Equal(new PrecisionRecall(2, 2, 2), score.Relationships);
        Assert.Equal(0.5, score.Relationships.F1, 6);
        Assert.Equal(new PrecisionRecall(1, 0, 0), score.ByType[Deployed]);
        Assert.Equal(new PrecisionRecall(0, 1, 1), score.ByType[Reported]);
        Assert.Contains(new ScoredEdge(AtWarWith, "state:borduria", "state:zembla"), score.EdgeFalseNegatives);
        Assert.Contains(new ScoredEdge(Supports, "pred:state:freedonia", "state:borduria"), score.EdgeFalsePositives);
    }

    [Fact]
    public void Attribution_quote_overlap_and_exact_quotes_are_counted_on_matched_edges()
    {
        var score = ExtractionScorer.Score(Gold(), Predicted(), s_document);
        // DEPLOYED: credited to the Times (right) and uncredited (wrong); ALLIED_WITH: uncredited like the gold (right).
        Assert.Equal((2, 3), (score.AttributionRight, score.AttributionTotal));
        // DEPLOYED's sentence covers its gold clause; "allies" covers 1 of 5 gold words.
        Assert.Equal((1, 2), (score.QuoteOverlapEdges, score.MatchedEdges));
        // The SUPPORTS quote claims offset 5, where "Borduria" is not.
        Assert.Equal((4, 5), (score.ExactQuotes, score.TotalQuotes));
    }

    [Fact]
    public void Totals_sum_the_counts_of_documents()
    {
        var one = ExtractionScorer.Score(Gold(), Predicted(), s_document);
        var total = EvaluationReport.Total([one, one]);
        Assert.Equal(new PrecisionRecall(4, 4, 4), total.Relationships);
        Assert.Equal(0.5, total.Relationships.Precision, 6);
        Assert.Contains("relationships  P 0.50  R 0.50  F1 0.50", EvaluationReport.Format(total, "total"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The New York Times", "new york times")]
    [InlineData("U.N. Security Council", "un security council")]
    [InlineData("Zelénsky", "zelensky")]
    public void Names_fold_for_matching(string name, string folded) => Assert.Equal(folded, ExtractionScorer.Fold(name));
}
