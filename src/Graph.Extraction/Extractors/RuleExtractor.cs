using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;
using Graph.Extraction.Mentions;
using Graph.Extraction.Relations;
using Graph.Extraction.Text;

namespace Graph.Extraction.Extractors;

/// <summary>
/// The rule-based extractor: sentences, mentions (reference gazetteer, the graph's known actors, patterns),
/// light coreference, trigger frames for every relationship type, speech frames for attribution, hedges and denials
/// for stance, figures and dates for edge attributes. Every proposal quotes its sentence or clause verbatim, names the
/// rule that fired and obeys the ontology's direction rules (violations are dropped and counted).
/// </summary>
public sealed class RuleExtractor : IExtractor
{
    /// <summary>Proposals below this confidence are dropped rather than guessed.</summary>
    public const double MinimumConfidence = 0.35;

    private readonly ActorIndex _index;

    /// <summary>An extractor that links to the graph's actors and the shipped reference gazetteer.</summary>
    public RuleExtractor(IReadOnlyCollection<Actor> knownActors)
        : this(knownActors, ReferenceGazetteer.Default)
    {
    }

    /// <summary>An extractor that links to the graph's actors and the given gazetteer (e.g. one with extra files).</summary>
    public RuleExtractor(IReadOnlyCollection<Actor> knownActors, ReferenceGazetteer gazetteer)
    {
        _index = new ActorIndex(knownActors, gazetteer);
    }

    /// <inheritdoc />
    public string Name => "rules";

    /// <inheritdoc />
    public string Version => "1.0";

    /// <inheritdoc />
    public ExtractionResult Extract(ExtractionInput input, CancellationToken cancellationToken = default)
    {
        var text = input.Text;
        var context = new DocumentContext(_index);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastDeployment = new Dictionary<Entity, Entity>();
        var accepted = new List<(Candidate Candidate, Entity? Source, Stance Stance, double Confidence)>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
            if (tokens.Count == 0)
            {
                continue;
            }

            var mentions = MentionFinder.Find(text, tokens, context);
            // A Title Case headline restates the story in telegraphic form: its names are read, its verbs are not.
            if (mentions.Count == 0 || MentionFinder.IsTitleCase(tokens))
            {
                continue;
            }

            var reader = new SentenceReader(text, sentence, tokens, mentions, context, input.Published);
            reader.Read(lastDeployment);
            foreach (var candidate in reader.Candidates)
            {
                var source = Credit(reader, candidate);
                var stance = candidate.Structural ? Stance.Asserts : StanceOf(tokens, reader.Speech, candidate);
                var confidence = candidate.Confidence * stance switch
                {
                    Stance.Hedged => 0.75,
                    Stance.Denies => 0.85,
                    _ => 1.0,
                };
                accepted.Add((candidate, source, stance, Math.Round(Math.Clamp(confidence, 0, 1), 2)));
            }
        }

        var proposals = new List<Proposal>();
        var actors = new Dictionary<ActorId, ProposedActor>();
        var seen = new HashSet<(RelationshipType, ActorId, ActorId, int, int)>();
        ProposedActor Proposed(Entity e)
        {
            if (!actors.TryGetValue(e.Id, out var actor))
            {
                actors[e.Id] = actor = new ProposedActor(e.Id, e.Kind, e.Name, [.. e.Aliases.Where(a => a != e.Name)], e.Known);
            }

            return actor;
        }

        // Troops sent to a country the document says is at war are sent to that war.
        var wars = new Dictionary<Entity, Entity>();
        foreach (var e in context.Entities)
        {
            if (e is { Kind: NodeKind.Conflict, Theatre: { } theatre })
            {
                wars.TryAdd(theatre, e);
            }
        }

        foreach (var (found, source, stance, confidence) in accepted)
        {
            var c = found.Type is RelationshipType.Deployed or RelationshipType.WithdrewFrom && wars.TryGetValue(found.To, out var war) && found.From != found.To
                ? found with { To = war, Rule = found.Rule + ".to-war" }
                : found;
            var rule = GraphOntology.RuleFor(c.Type);
            if (!rule.Allows(c.From.Kind, c.To.Kind))
            {
                Count(dropped, $"direction:{rule.Name}");
                continue;
            }

            if (confidence < MinimumConfidence)
            {
                Count(dropped, "low-confidence");
                continue;
            }

            if (c.Quote.Start < 0 || c.Quote.End > text.Length || c.Quote.Length <= 0)
            {
                Count(dropped, "quote-out-of-range");
                continue;
            }

            if (!seen.Add((c.Type, c.From.Id, c.To.Id, c.Quote.Start, c.Quote.End)))
            {
                Count(dropped, "duplicate");
                continue;
            }

            var credited = source is not null && source != c.From && !(c.Type == RelationshipType.MemberOf) ? Proposed(source) : null;
            proposals.Add(new Proposal(
                input.Document, c.Type, Proposed(c.From), Proposed(c.To), c.Quote.Of(text), c.Quote.Start, c.Quote.End,
                credited, stance, confidence, c.Rule, $"{Name}/{Version}", c.Attributes.IsEmpty ? null : c.Attributes));
        }

        proposals.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Rule, b.Rule));
        return new ExtractionResult([.. actors.Values], proposals, dropped);
    }

    private static void Count(Dictionary<string, int> dropped, string reason) => dropped[reason] = dropped.GetValueOrDefault(reason) + 1;

    private static Entity? Credit(SentenceReader reader, Candidate candidate)
    {
        if (candidate.Structural || candidate.NoAttribution || reader.Speech is not { } speech)
        {
            return null;
        }

        var inContent = candidate.Trigger >= speech.ContentStart && candidate.Trigger < speech.ContentEnd;
        return inContent ? speech.Source : null;
    }

    private static Stance StanceOf(IReadOnlyList<Token> tokens, Speech? speech, Candidate candidate)
    {
        var from = Math.Max(0, candidate.Trigger - 10);
        if (speech is not null && candidate.Trigger >= speech.ContentStart && candidate.Trigger < speech.ContentEnd && speech.Verb < candidate.Trigger)
        {
            from = Math.Max(from, speech.Verb);
        }

        var to = Math.Min(tokens.Count, candidate.Trigger + 1);
        var hedged = false;
        for (var k = from; k < to; k++)
        {
            var w = tokens[k].Lower;
            if (Lexicon.Denials.Contains(w) || (w == "not" && k + 1 < tokens.Count && tokens[k + 1].Lower is "confirm" or "confirmed"))
            {
                return Stance.Denies;
            }

            hedged |= Lexicon.Hedges.Contains(w);
        }

        // "..., according to new reports": an unnamed source hedges the whole sentence.
        for (var k = 0; k + 2 < tokens.Count; k++)
        {
            if (tokens[k].Lower == "according" && tokens[k + 1].Lower == "to" && (tokens[k + 2].Lower is "reports" or "media" or "sources" || (k + 3 < tokens.Count && tokens[k + 3].Lower is "reports" or "sources")))
            {
                hedged = true;
            }
        }

        return hedged ? Stance.Hedged : Stance.Asserts;
    }
}
