using Graph.Core;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;

namespace Graph.Extraction.Mentions;

/// <summary>
/// What the reading of one document remembers: its entities (one per actor), the short forms of people's names
/// ("Putin" after "Vladimir Putin"), and every mention so far, newest last, for coreference.
/// </summary>
public sealed class DocumentContext(ActorIndex index)
{
    private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entity> _shortNames = new(StringComparer.Ordinal);

    /// <summary>The index of known and reference actors.</summary>
    public ActorIndex Index { get; } = index;

    /// <summary>The state that last sent each kind of personnel (<c>troops</c>, <c>workers</c>), for "these troops".</summary>
    public Dictionary<string, Entity> Senders { get; } = new(StringComparer.Ordinal);

    /// <summary>Every mention so far, in document order.</summary>
    public List<Mention> History { get; } = [];

    /// <summary>Every entity of the document.</summary>
    public IEnumerable<Entity> Entities => _entities.Values.Distinct();

    /// <summary>The entity for a known actor.</summary>
    public Entity ForKnown(Actor actor) => Get("id:" + actor.Id.Value, () => new Entity(actor.Kind, actor.Name, actor.Id, known: true));

    /// <summary>The entity for a gazetteer entry (the known actor of the same id when the graph holds it).</summary>
    public Entity ForReference(GazetteerEntry entry) =>
        Index.KnownById(entry.Id) is { } known ? ForKnown(known) : Get("id:" + entry.Id.Value, () => Reference(entry));

    private Entity Reference(GazetteerEntry entry)
    {
        var entity = new Entity(entry.Kind, entry.Name, entry.Id, reference: entry);
        if (entry.Kind is NodeKind.Official or NodeKind.Person)
        {
            RememberShortNames(entity, entry.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (entry.Leads is { } led && Index.Gazetteer.Find(led) is { } state)
            {
                entity.Affiliations.Add((ForReference(state), default));
            }
        }

        return entity;
    }

    /// <summary>The entity for an actor found by a pattern: a known actor of that name if any, else a new one.</summary>
    public Entity ForNew(NodeKind kind, string name)
    {
        var folded = NameFolding.Fold(name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name);
        if (Index.KnownByFolded(folded) is { } known)
        {
            return ForKnown(known);
        }

        if (Index.KnownFuzzy(folded, kind) is { } near)
        {
            return ForKnown(near);
        }

        if (Index.Gazetteer.Lookup(folded) is [var hit, ..] && hit.Form is NameForm.Name or NameForm.Acronym)
        {
            return ForReference(hit.Entry);
        }

        // People are one entity whatever their kind turns out to be (a titled mention makes an Official).
        var key = kind is NodeKind.Person or NodeKind.Official ? "person:" + folded : kind + ":" + folded;
        return Get(key, () => new Entity(kind, name));
    }

    /// <summary>Remembers the words of a person's name so a later "Putin" or "Takeuchi" finds them.</summary>
    public void RememberShortNames(Entity person, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var folded = NameFolding.Fold(word);
            if (folded.Length >= 3)
            {
                _shortNames[folded] = person;
            }
        }
    }

    /// <summary>The person an earlier full name introduced under this one word.</summary>
    public Entity? ByShortName(string word) => _shortNames.GetValueOrDefault(NameFolding.Fold(word));

    private Entity Get(string key, Func<Entity> create)
    {
        if (!_entities.TryGetValue(key, out var entity))
        {
            _entities[key] = entity = create();
        }

        return entity;
    }
}
