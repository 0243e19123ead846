using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;

namespace Graph.Ingest.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
/// <param name="TruePositives">Predicted and in the gold.</param>
/// <param name="FalsePositives">Predicted, not in the gold.</param>
/// <param name="FalseNegatives">In the gold, not predicted.</param>
public sealed record PrecisionRecall(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted and nothing expected, 0 when nothing was predicted but something was expected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two counts.</summary>
    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>A scored edge: type and both ends as gold ids (predicted ends mapped to the gold actor they match).</summary>
public sealed record ScoredEdge(RelationshipType Type, string From, string To)
{
    /// <inheritdoc />
    public override string ToString() => $"{GraphOntology.RuleFor(Type).Name} {From} -> {To}";
}

/// <summary>How one document's prediction compares with its gold.</summary>
public sealed record DocumentScore(
    DocumentId Document,
    PrecisionRecall Actors,
    PrecisionRecall Relationships,
    IReadOnlyDictionary<RelationshipType, PrecisionRecall> ByType,
    int AttributionRight,
    int AttributionTotal,
    int QuoteOverlapEdges,
    int MatchedEdges,
    int ExactQuotes,
    int TotalQuotes,
    IReadOnlyList<string> ActorFalsePositives,
    IReadOnlyList<string> ActorFalseNegatives,
    IReadOnlyList<ScoredEdge> EdgeFalsePositives,
    IReadOnlyList<ScoredEdge> EdgeFalseNegatives)
{
    /// <summary>Share of evidence on matched edges whose credit is right.</summary>
    public double AttributionAccuracy => AttributionTotal == 0 ? 1 : (double)AttributionRight / AttributionTotal;

    /// <summary>Share of matched edges with a predicted quote covering at least half of a gold quote's words.</summary>
    public double QuoteOverlap => MatchedEdges == 0 ? 1 : (double)QuoteOverlapEdges / MatchedEdges;
}

/// <summary>
/// Scores an extractor's output against a gold annotation the way data/devset/README.md says: actors matched by
/// folded name or alias (case, accents and punctuation ignored, a leading "the" dropped), then by id; edges as unique
/// (type, from, to) after actor matching, symmetric types either way; on matched edges, attribution and quote overlap;
/// every quote must be an exact substring of the document.
/// </summary>
public static class ExtractionScorer
{
    /// <summary>Scores the prediction for one document against the gold's part about that document.</summary>
    public static DocumentScore Score(GraphSnapshot gold, GraphSnapshot predicted, Document document)
    {
        // The gold for this document: edges with evidence from it, and the actors those edges name.
        var goldEdges = gold.Relationships
            .Select(r => (Edge: r, Evidence: r.Evidence.Where(e => e.DocumentId == document.Id).ToList()))
            .Where(x => x.Evidence.Count > 0).ToList();
        var goldActorIds = new HashSet<ActorId>(goldEdges.SelectMany(x => x.Evidence.Where(e => e.AttributedTo is not null).Select(e => e.AttributedTo!.Value).Append(x.Edge.From).Append(x.Edge.To)));
        var goldActors = gold.Actors.Where(a => goldActorIds.Contains(a.Id)).ToList();

        // Actor matching: folded names first, then ids; each gold actor matched once.
        var goldByName = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var actor in goldActors)
        {
            foreach (var name in actor.AllNames)
            {
                goldByName.TryAdd(Fold(name), actor);
            }
        }

        var map = new Dictionary<ActorId, string>();
        var matchedGold = new HashSet<ActorId>();
        var actorFp = new List<string>();
        foreach (var actor in predicted.Actors)
        {
            var match = actor.AllNames.Select(n => goldByName.GetValueOrDefault(Fold(n))).FirstOrDefault(a => a is not null)
                ?? goldActors.FirstOrDefault(a => a.Id == actor.Id);
            if (match is not null && matchedGold.Add(match.Id))
            {
                map[actor.Id] = match.Id.Value;
            }
            else
            {
                map[actor.Id] = match is not null ? match.Id.Value : "pred:" + actor.Id.Value;
                actorFp.Add(match is not null ? $"{actor.Id} ({actor.Name}; second match of {match.Id})" : $"{actor.Id} ({actor.Name})");
            }
        }

        var actorFn = goldActors.Where(a => !matchedGold.Contains(a.Id)).Select(a => $"{a.Id} ({a.Name})").ToList();
        var actors = new PrecisionRecall(matchedGold.Count, actorFp.Count, actorFn.Count);

        string Map(ActorId id) => map.TryGetValue(id, out var m) ? m : "pred:" + id.Value;
        ScoredEdge Edge(RelationshipType type, string from, string to) =>
            GraphOntology.RuleFor(type).Symmetric && string.CompareOrdinal(from, to) > 0 ? new(type, to, from) : new(type, from, to);

        var goldSet = new Dictionary<ScoredEdge, List<Evidence>>();
        foreach (var (edge, evidence) in goldEdges)
        {
            var key = Edge(edge.Type, edge.From.Value, edge.To.Value);
            if (!goldSet.TryGetValue(key, out var list))
            {
                goldSet[key] = list = [];
            }

            list.AddRange(evidence);
        }

        var predSet = new Dictionary<ScoredEdge, List<Evidence>>();
        var exact = 0;
        var quotes = 0;
        foreach (var edge in predicted.Relationships)
        {
            var key = Edge(edge.Type, Map(edge.From), Map(edge.To));
            if (!predSet.TryGetValue(key, out var list))
            {
                predSet[key] = list = [];
            }

            foreach (var e in edge.Evidence.Where(e => e.DocumentId == document.Id))
            {
                list.Add(e);
                quotes++;
                if (e.Start >= 0 && e.End <= document.Text.Length && e.End - e.Start == e.Quote.Length && string.CompareOrdinal(document.Text, e.Start, e.Quote, 0, e.Quote.Length) == 0)
                {
                    exact++;
                }
            }
        }

        var byType = new Dictionary<RelationshipType, PrecisionRecall>();
        void Tally(RelationshipType type, PrecisionRecall add) => byType[type] = byType.TryGetValue(type, out var v) ? v + add : add;
        var fp = new List<ScoredEdge>();
        var fn = new List<ScoredEdge>();
        int tp = 0, attributionRight = 0, attributionTotal = 0, overlapEdges = 0;
        foreach (var (key, evidence) in predSet)
        {
            if (!goldSet.TryGetValue(key, out var goldEvidence))
            {
                fp.Add(key);
                Tally(key.Type, new PrecisionRecall(0, 1, 0));
                continue;
            }

            tp++;
            Tally(key.Type, new PrecisionRecall(1, 0, 0));
            if (evidence.Exists(p => goldEvidence.Exists(g => Covers(document.Text, p, g))))
            {
                overlapEdges++;
            }

            foreach (var p in evidence)
            {
                // Compare with the gold evidence this quote overlaps most; failing any overlap, with any of the edge's.
                var credited = p.AttributedTo is { } a ? Map(a) : null;
                var paired = goldEvidence.Where(g => Overlap(p, g) > 0).OrderByDescending(g => Overlap(p, g)).FirstOrDefault();
                var right = paired is not null
                    ? credited == paired.AttributedTo?.Value
                    : goldEvidence.Exists(g => credited == g.AttributedTo?.Value);
                attributionTotal++;
                attributionRight += right ? 1 : 0;
            }
        }

        foreach (var key in goldSet.Keys.Where(k => !predSet.ContainsKey(k)))
        {
            fn.Add(key);
            Tally(key.Type, new PrecisionRecall(0, 0, 1));
        }

        return new DocumentScore(document.Id, actors, new PrecisionRecall(tp, fp.Count, fn.Count), byType,
            attributionRight, attributionTotal, overlapEdges, tp, exact, quotes, actorFp, actorFn,
            [.. fp.OrderBy(e => e.ToString(), StringComparer.Ordinal)], [.. fn.OrderBy(e => e.ToString(), StringComparer.Ordinal)]);
    }

    /// <summary>A name folded for matching: <see cref="NameFolding.Fold"/> with a leading "the" dropped.</summary>
    public static string Fold(string name)
    {
        var folded = NameFolding.Fold(name);
        return folded.StartsWith("the ", StringComparison.Ordinal) ? folded[4..] : folded;
    }

    /// <summary>True when the predicted quote covers at least half of the words of the gold quote (by offsets).</summary>
    public static bool Covers(string text, Evidence predicted, Evidence gold)
    {
        int words = 0, covered = 0;
        var i = gold.Start;
        var end = Math.Min(gold.End, text.Length);
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < end && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            words++;
            if (start >= predicted.Start && i <= predicted.End)
            {
                covered++;
            }
        }

        return words > 0 && covered * 2 >= words;
    }

    private static int Overlap(Evidence a, Evidence b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
