using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;

namespace Graph.Extraction.Mentions;

/// <summary>
/// An actor as one document's reading sees it: known to the graph, from the reference gazetteer, or new (its kind
/// from the cues around it). Its kind may still be refined (a Person named with a title becomes an Official).
/// </summary>
public sealed class Entity
{
    private readonly List<string> _aliases = [];

    /// <summary>Creates an entity.</summary>
    public Entity(NodeKind kind, string name, ActorId? fixedId = null, bool known = false, GazetteerEntry? reference = null)
    {
        Kind = kind;
        Name = name;
        FixedId = fixedId;
        Known = known;
        Reference = reference;
    }

    /// <summary>Its kind.</summary>
    public NodeKind Kind { get; set; }

    /// <summary>Display name.</summary>
    public string Name { get; set; }

    /// <summary>The id of a known or reference actor; null for new ones, whose id follows kind and name.</summary>
    public ActorId? FixedId { get; }

    /// <summary>True when the graph already holds it.</summary>
    public bool Known { get; }

    /// <summary>The gazetteer entry it came from, if any.</summary>
    public GazetteerEntry? Reference { get; }

    /// <summary>The states, agencies or bodies it belongs to, when a cue says so ("South Korea's NIS", "Russian deputy prime minister").</summary>
    public List<(Entity Parent, Text.TextSpan Cue)> Affiliations { get; } = [];

    /// <summary>For a war: the state it is fought in ("the war in Ukraine"), so troops sent there are sent to the war.</summary>
    public Entity? Theatre { get; set; }

    /// <summary>True for unnamed sources ("a senior Western official").</summary>
    public bool Unnamed { get; set; }

    /// <summary>Its id.</summary>
    public ActorId Id => FixedId ?? ActorId.For(Kind, Name);

    /// <summary>The forms the document used for it.</summary>
    public IReadOnlyList<string> Aliases => _aliases;

    /// <summary>Records a form the document used.</summary>
    public void AddAlias(string surface)
    {
        var clean = surface.Replace('\n', ' ').Trim();
        if (clean.Length > 0 && !_aliases.Contains(clean))
        {
            _aliases.Add(clean);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
