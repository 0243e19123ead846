using System.Globalization;
using System.Text;
using Graph.Core.Ontology;

namespace Graph.Ingest.Evaluation;

/// <summary>Prints document scores and their total (micro-averaged over the documents' counts) as plain text.</summary>
public static class EvaluationReport
{
    /// <summary>The total of several document scores: counts summed, lists joined with the document id in front.</summary>
    public static DocumentScore Total(IReadOnlyList<DocumentScore> scores)
    {
        var byType = new Dictionary<RelationshipType, PrecisionRecall>();
        foreach (var (type, pr) in scores.SelectMany(s => s.ByType))
        {
            byType[type] = byType.TryGetValue(type, out var v) ? v + pr : pr;
        }

        PrecisionRecall Sum(Func<DocumentScore, PrecisionRecall> f) => scores.Select(f).Aggregate(new PrecisionRecall(0, 0, 0), (a, b) => a + b);
        return new DocumentScore(default, Sum(s => s.Actors), Sum(s => s.Relationships), byType,
            scores.Sum(s => s.AttributionRight), scores.Sum(s => s.AttributionTotal), scores.Sum(s => s.QuoteOverlapEdges), scores.Sum(s => s.MatchedEdges),
            scores.Sum(s => s.ExactQuotes), scores.Sum(s => s.TotalQuotes), [], [], [], []);
    }

    /// <summary>One document's score (or the total, when <paramref name="title"/> says so), with its false positives and negatives.</summary>
    public static string Format(DocumentScore score, string title, bool lists = true)
    {
        var b = new StringBuilder();
        string F(double d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        string Pr(PrecisionRecall p) => $"P {F(p.Precision)}  R {F(p.Recall)}  F1 {F(p.F1)}  (tp {p.TruePositives}, fp {p.FalsePositives}, fn {p.FalseNegatives})";
        b.AppendLine($"== {title}");
        b.AppendLine($"  actors         {Pr(score.Actors)}");
        b.AppendLine($"  relationships  {Pr(score.Relationships)}");
        b.AppendLine($"  attribution    {F(score.AttributionAccuracy)}  ({score.AttributionRight}/{score.AttributionTotal} evidence on matched edges)");
        b.AppendLine($"  quote overlap  {F(score.QuoteOverlap)}  ({score.QuoteOverlapEdges}/{score.MatchedEdges} matched edges)");
        b.AppendLine($"  exact quotes   {score.ExactQuotes}/{score.TotalQuotes}");
        b.AppendLine("  by type:");
        foreach (var (type, pr) in score.ByType.OrderBy(t => GraphOntology.RuleFor(t.Key).Name, StringComparer.Ordinal))
        {
            b.AppendLine($"    {GraphOntology.RuleFor(type).Name,-17} {Pr(pr)}");
        }

        if (lists)
        {
            foreach (var (label, items) in new (string, IEnumerable<object>)[]
            {
                ("actor FP", score.ActorFalsePositives), ("actor FN", score.ActorFalseNegatives),
                ("edge FP", score.EdgeFalsePositives), ("edge FN", score.EdgeFalseNegatives),
            })
            {
                foreach (var item in items)
                {
                    b.AppendLine($"  {label}: {item}");
                }
            }
        }

        return b.ToString();
    }
}
