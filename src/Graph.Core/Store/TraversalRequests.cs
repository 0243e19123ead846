using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Core.Store;

/// <summary>Which way an edge is followed from an actor. Symmetric types are followed both ways whatever is asked.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>
/// Which edges a query may use: types, direction, a time window, a minimum confidence and a source document.
/// When a window is given, an edge counts if its validity (validFrom..validTo) overlaps it; undated edges are left out,
/// since nothing says they fall inside.
/// </summary>
public sealed record RelationshipFilter
{
    /// <summary>Every edge, both directions.</summary>
    public static readonly RelationshipFilter All = new();

    /// <summary>Allowed types; null or empty means all.</summary>
    public IReadOnlySet<RelationshipType>? Types { get; init; }

    public Direction Direction { get; init; } = Direction.Both;

    /// <summary>Start of the window (its first day counts).</summary>
    public PartialDate? From { get; init; }

    /// <summary>End of the window (its last day counts).</summary>
    public PartialDate? To { get; init; }

    /// <summary>Minimum edge confidence, 0..1.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>Only edges with evidence from this document.</summary>
    public DocumentId? Document { get; init; }

    /// <summary>Checks the filter; throws naming the argument and what is allowed.</summary>
    public RelationshipFilter Validated()
    {
        if (MinConfidence is { } c && (c < 0 || c > 1 || double.IsNaN(c)))
        {
            throw new InvalidArgumentException("minConfidence", $"minConfidence must be between 0 and 1; got {c}.");
        }

        if (From is { } from && To is { } to && to.End < from.Start)
        {
            throw new InvalidArgumentException("to", $"The window ends ({to}) before it starts ({from}).");
        }

        return this;
    }

    /// <summary>True when the edge passes every condition except direction.</summary>
    public bool Matches(Relationship edge)
    {
        if (Types is { Count: > 0 } types && !types.Contains(edge.Type))
        {
            return false;
        }

        if (MinConfidence is { } min && edge.Confidence < min)
        {
            return false;
        }

        if (Document is { } document && !edge.CitesDocument(document))
        {
            return false;
        }

        if (From is null && To is null)
        {
            return true;
        }

        var start = edge.Attributes.ValidFrom?.Start;
        var end = edge.Attributes.ValidTo?.End;
        if (start is null && end is null)
        {
            return false;
        }

        return (To is not { } windowEnd || (start ?? DateOnly.MinValue) <= windowEnd.End)
            && (From is not { } windowStart || (end ?? DateOnly.MaxValue) >= windowStart.Start);
    }

    /// <summary>True when the edge may be followed from <paramref name="actor"/> in this filter's direction.</summary>
    public bool AllowsDirection(Relationship edge, ActorId actor) =>
        Direction == Direction.Both || edge.Rule.Symmetric
        || (Direction == Direction.Outgoing ? edge.From == actor : edge.To == actor);
}

/// <summary>
/// The actors within <see cref="Depth"/> hops of <see cref="Center"/>. Three caps keep a hub's answer small: at most
/// <see cref="NodeLimit"/> actors, at most <see cref="EdgesPerActor"/> edges followed from any one actor (a hub's
/// first ones in the store's order) and at most <see cref="EdgeLimit"/> edges in all. What a cap leaves out is counted
/// per relationship type in <see cref="Subgraph.Omitted"/>, so a client can expand further where it matters.
/// </summary>
public sealed record NeighbourhoodRequest(ActorId Center, int Depth = 1, RelationshipFilter? Filter = null, int NodeLimit = 500)
{
    public const int MaxDepth = 4;
    public const int MaxNodeLimit = 10_000;
    public const int DefaultEdgesPerActor = 200;
    public const int MaxEdgesPerActor = 10_000;
    public const int DefaultEdgeLimit = 2_000;
    public const int MaxEdgeLimit = 50_000;

    /// <summary>Edges followed from one actor at the most; the rest of its edges are counted, not returned.</summary>
    public int EdgesPerActor { get; init; } = DefaultEdgesPerActor;

    /// <summary>Edges in the whole answer at the most.</summary>
    public int EdgeLimit { get; init; } = DefaultEdgeLimit;

    /// <summary>The filter, never null.</summary>
    public RelationshipFilter EffectiveFilter => Filter ?? RelationshipFilter.All;

    /// <summary>Checks the bounds; throws naming the argument and what is allowed.</summary>
    public NeighbourhoodRequest Validated()
    {
        if (Depth is < 1 or > MaxDepth)
        {
            throw new InvalidArgumentException("depth", $"depth must be between 1 and {MaxDepth}; got {Depth}.");
        }

        if (NodeLimit is < 1 or > MaxNodeLimit)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and {MaxNodeLimit}; got {NodeLimit}.");
        }

        if (EdgesPerActor is < 1 or > MaxEdgesPerActor)
        {
            throw new InvalidArgumentException("edgesPerActor", $"edgesPerActor must be between 1 and {MaxEdgesPerActor}; got {EdgesPerActor}.");
        }

        if (EdgeLimit is < 1 or > MaxEdgeLimit)
        {
            throw new InvalidArgumentException("edgeLimit", $"edgeLimit must be between 1 and {MaxEdgeLimit}; got {EdgeLimit}.");
        }

        EffectiveFilter.Validated();
        return this;
    }
}

/// <summary>Which paths a path query returns.</summary>
public enum PathMode
{
    /// <summary>One path of fewest hops.</summary>
    Shortest,

    /// <summary>Every path of fewest hops.</summary>
    AllShortest,

    /// <summary>Every path without repeated actors, up to the depth, shortest first.</summary>
    AllSimple,
}

/// <summary>Paths from one actor to another.</summary>
public sealed record PathRequest(ActorId From, ActorId To, int MaxDepth = 4, PathMode Mode = PathMode.Shortest, RelationshipFilter? Filter = null, int Limit = 10)
{
    public const int MaxAllowedDepth = 8;
    public const int MaxLimit = 1_000;

    /// <summary>The filter, never null.</summary>
    public RelationshipFilter EffectiveFilter => Filter ?? RelationshipFilter.All;

    /// <summary>Checks the bounds; throws naming the argument and what is allowed.</summary>
    public PathRequest Validated()
    {
        if (MaxDepth is < 1 or > MaxAllowedDepth)
        {
            throw new InvalidArgumentException("maxDepth", $"maxDepth must be between 1 and {MaxAllowedDepth}; got {MaxDepth}.");
        }

        if (Limit is < 1 or > MaxLimit)
        {
            throw new InvalidArgumentException("limit", $"limit must be between 1 and {MaxLimit}; got {Limit}.");
        }

        if (From == To)
        {
            throw new InvalidArgumentException("to", $"A path needs two different actors; 'from' and 'to' are both '{From}'.");
        }

        EffectiveFilter.Validated();
        return this;
    }
}

/// <summary>
/// A search over actor names and aliases, one page at a time. <see cref="After"/> resumes strictly after the sort key
/// of the last actor of the previous page (keyset paging), so writes between pages neither skip nor repeat actors.
/// </summary>
public sealed record ActorSearch(string Text, IReadOnlySet<NodeKind>? Kinds = null, int Limit = 20, ActorSearchKey? After = null)
{
    public const int MaxLimit = 1_000;

    /// <summary>Checks the bounds; throws naming the argument and what is allowed.</summary>
    public ActorSearch Validated()
    {
        if (Limit is < 1 or > MaxLimit)
        {
            throw new InvalidArgumentException("first", $"The page size must be between 1 and {MaxLimit}; got {Limit}.");
        }

        if (After is { } after && (!Enum.IsDefined(after.Match) || after.Name is null))
        {
            throw new InvalidArgumentException("after", $"The key to resume after needs a match kind (Exact, Prefix or Substring) and a name; got {after}.");
        }

        return this;
    }
}

/// <summary>
/// Where an actor sits in a search's order: how it matched, then its display name (ordinal), then its id. The id makes
/// the order total, so a key names one position whatever is written later.
/// </summary>
public readonly record struct ActorSearchKey(MatchKind Match, string Name, ActorId Id) : IComparable<ActorSearchKey>
{
    /// <summary>The key of a search result.</summary>
    public static ActorSearchKey Of(ActorMatch match) => new(match.Match, match.Actor.Name, match.Actor.Id);

    /// <inheritdoc />
    public int CompareTo(ActorSearchKey other)
    {
        var byMatch = Match.CompareTo(other.Match);
        if (byMatch != 0)
        {
            return byMatch;
        }

        var byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : Id.CompareTo(other.Id);
    }
}
