using Graph.Core.Errors;
using Graph.Core.Ontology;

namespace Graph.Core.Model;

/// <summary>
/// An assertion: a typed edge between two actors with the evidence that supports it. An edge without evidence does
/// not exist; two documents stating the same assertion add evidence to the same edge.
/// </summary>
public sealed record Relationship(RelationshipKey Key, EdgeAttributes Attributes, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>A relationship with one type, two ends and its evidence.</summary>
    public Relationship(RelationshipType type, ActorId from, ActorId to, EdgeAttributes attributes, IReadOnlyList<Evidence> evidence, string qualifier = "")
        : this(new RelationshipKey(type, from, to, qualifier).Canonical(), attributes, evidence)
    {
    }

    /// <summary>The stable id, from the key.</summary>
    public string Id => Key.ToId();

    /// <summary>The relationship type.</summary>
    public RelationshipType Type => Key.Type;

    /// <summary>The source actor (for symmetric types, the lower id).</summary>
    public ActorId From => Key.From;

    /// <summary>The target actor.</summary>
    public ActorId To => Key.To;

    /// <summary>The rule of the type.</summary>
    public RelationshipRule Rule => GraphOntology.RuleFor(Key.Type);

    /// <summary>The highest confidence of any evidence that does not deny it.</summary>
    public double Confidence
    {
        get
        {
            var best = 0.0;
            foreach (var e in Evidence)
            {
                if (e.Stance != Stance.Denies && e.Confidence > best)
                {
                    best = e.Confidence;
                }
            }

            return best;
        }
    }

    /// <summary>The date the edge is ordered by on a timeline: validFrom, else validTo, else none.</summary>
    public PartialDate? Date => Attributes.ValidFrom ?? Attributes.ValidTo;

    /// <summary>The other end, seen from <paramref name="actor"/>.</summary>
    public ActorId Other(ActorId actor) => actor == From ? To : From;

    /// <summary>True when one of its evidence comes from the document.</summary>
    public bool CitesDocument(DocumentId document)
    {
        foreach (var e in Evidence)
        {
            if (e.DocumentId == document)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks the edge obeys its type's direction rule and carries valid evidence; throws naming the rule broken.
    /// </summary>
    /// <param name="kindOf">The kind of an actor, or null when the actor does not exist.</param>
    /// <param name="documentOf">The document with an id, or null when unknown (then quotes are not checked against text).</param>
    public Relationship Validated(Func<ActorId, NodeKind?> kindOf, Func<DocumentId, Document?>? documentOf = null)
    {
        var rule = Rule;
        if (Key.Qualifier.Length > 0 && !Slug.IsValid(Key.Qualifier))
        {
            throw new InvalidArgumentException("qualifier", $"Qualifier '{Key.Qualifier}' must be a slug of lower-case letters, digits and hyphens.");
        }

        var fromKind = kindOf(From) ?? throw new NotFoundException("actor", From.Value);
        var toKind = kindOf(To) ?? throw new NotFoundException("actor", To.Value);
        if (From == To)
        {
            throw new RuleViolationException("no-self-edge", $"{rule.Name} cannot link '{From}' to itself.");
        }

        if (!rule.Allows(fromKind, toKind))
        {
            throw new RuleViolationException("direction", $"{rule.Name} cannot go from {fromKind} '{From}' to {toKind} '{To}': {rule.Describe()}.");
        }

        if (Evidence.Count == 0)
        {
            throw new RuleViolationException("evidence-required", $"{rule.Name} '{From}' -> '{To}' has no evidence: every edge needs at least one quote from a document.");
        }

        Attributes.Validate();

        // Indexed, not foreach: an enumerator through the interface is an allocation per edge, and stores validate
        // every edge they write.
        for (var i = 0; i < Evidence.Count; i++)
        {
            var evidence = Evidence[i];
            var document = documentOf?.Invoke(evidence.DocumentId);
            if (documentOf is not null && document is null)
            {
                throw new NotFoundException("document", evidence.DocumentId.Value);
            }

            evidence.Validate(document);
            evidence.Attributes?.Validate();
            if (evidence.AttributedTo is { } source && kindOf(source) is null)
            {
                throw new NotFoundException("actor", source.Value);
            }
        }

        return this;
    }

    /// <summary>
    /// Merges a second statement of the same assertion into this one, losing nothing: evidence is united (the same
    /// document span replaces its earlier copy in place), an attribute this edge lacks is taken, and an attribute the two give
    /// differently stays with the incoming evidence as that source's own figure.
    /// </summary>
    public Relationship Merge(Relationship incoming)
    {
        if (incoming.Key.Canonical() != Key.Canonical())
        {
            throw new InvalidOperationException($"Cannot merge '{incoming.Id}' into '{Id}'.");
        }

        var mine = Attributes.ToText();
        var theirs = incoming.Attributes.ToText();
        var merged = new Dictionary<string, string>(mine, StringComparer.Ordinal);
        var disputed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in theirs)
        {
            if (!merged.TryGetValue(name, out var existing))
            {
                merged[name] = value;
            }
            else if (existing != value)
            {
                disputed[name] = value;
            }
        }

        // A restated span keeps its place, so stating the same evidence again leaves the edge equal (idempotent writes).
        var evidence = new List<Evidence>(Evidence.Count + incoming.Evidence.Count);
        evidence.AddRange(Evidence);
        var position = new Dictionary<(DocumentId, int, int), int>();
        for (var i = 0; i < evidence.Count; i++)
        {
            position.TryAdd(evidence[i].Key, i);
        }

        foreach (var e in incoming.Evidence)
        {
            var stated = disputed.Count == 0 ? e : e with { Attributes = EdgeAttributes.FromText(disputed).Overlay(e.Attributes) };
            if (position.TryGetValue(e.Key, out var at))
            {
                evidence[at] = stated;
            }
            else
            {
                position[e.Key] = evidence.Count;
                evidence.Add(stated);
            }
        }

        return this with { Attributes = EdgeAttributes.FromText(merged), Evidence = evidence };
    }

    /// <summary>Equality by value, evidence included.</summary>
    public bool Equals(Relationship? other) =>
        other is not null && Key == other.Key && Attributes == other.Attributes && Evidence.SequenceEqual(other.Evidence);

    /// <inheritdoc />
    public override int GetHashCode() => Key.GetHashCode();
}
