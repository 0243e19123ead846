using Graph.Core.Ontology;

namespace Graph.Core.Model;

/// <summary>An actor: a node of the graph (state, agency, official, treaty, ...).</summary>
/// <param name="Id">Stable id, <c>kind:slug</c>.</param>
/// <param name="Kind">Its kind; must match the id's prefix.</param>
/// <param name="Name">Display name, the caption in every client.</param>
/// <param name="Aliases">Other names it goes by (DPRK, Pyongyang, ...).</param>
/// <param name="Attributes">Kind-specific facts as text (countryCode, role, adopted, ...).</param>
/// <param name="Description">One line saying who or what it is.</param>
public sealed record Actor(
    ActorId Id,
    NodeKind Kind,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyDictionary<string, string> Attributes,
    string? Description = null)
{
    /// <summary>An actor with no aliases or attributes.</summary>
    public Actor(ActorId id, NodeKind kind, string name)
        : this(id, kind, name, [], new Dictionary<string, string>())
    {
    }

    /// <summary>The name and every alias.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    /// <summary>Checks the actor is well formed, or throws an error naming what is wrong.</summary>
    public Actor Validated()
    {
        if (Id.Value is null)
        {
            throw new Errors.InvalidArgumentException("id", "An actor needs an id of the form 'kind:slug'.");
        }

        if (Id.Kind != Kind)
        {
            throw new Errors.RuleViolationException("id-kind", $"Actor '{Id}' has kind {Kind}, but its id's prefix says {Id.Kind}; ids start with the kind ('{GraphOntology.IdPrefix(Kind)}:...').");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new Errors.InvalidArgumentException("name", $"Actor '{Id}' needs a non-empty name.");
        }

        if (ControlCharacters.Problem(Name) is { } nameProblem)
        {
            throw new Errors.InvalidArgumentException("name", $"The name of actor '{Id}' {nameProblem}");
        }

        foreach (var alias in Aliases)
        {
            if (ControlCharacters.Problem(alias) is { } aliasProblem)
            {
                throw new Errors.InvalidArgumentException("aliases", $"An alias of actor '{Id}' {aliasProblem}");
            }
        }

        return this;
    }

    /// <summary>Equality by value, including aliases and attributes.</summary>
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Name == other.Name && Description == other.Description
        && Aliases.SequenceEqual(other.Aliases)
        && Attributes.Count == other.Attributes.Count
        && Attributes.All(a => other.Attributes.TryGetValue(a.Key, out var v) && v == a.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name);
}
