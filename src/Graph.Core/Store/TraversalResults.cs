using Graph.Core.Model;
using Graph.Core.Ontology;

namespace Graph.Core.Store;

/// <summary>An actor in a subgraph, with its distance in hops from where the traversal began.</summary>
public sealed record SubgraphNode(Actor Actor, int Depth);

/// <summary>How many edges of one relationship type a neighbourhood's caps left out.</summary>
public sealed record OmittedEdges(RelationshipType Type, int Count);

/// <summary>
/// Nodes and edges ready to draw. <see cref="Truncated"/> says a cap was reached, so more lies beyond; for a
/// neighbourhood, <see cref="Omitted"/> counts per type the edges the caps left out (distinct edges, by type name).
/// Every edge's ends are among the nodes; which edges a neighbourhood holds is defined on
/// <see cref="IGraphStore.GetNeighbourhoodAsync"/>.
/// </summary>
public sealed record Subgraph(IReadOnlyList<SubgraphNode> Nodes, IReadOnlyList<Relationship> Edges, bool Truncated)
{
    /// <summary>Edges left out by the caps, per relationship type in type order; empty when nothing was.</summary>
    public IReadOnlyList<OmittedEdges> Omitted { get; init; } = [];

    /// <summary>
    /// The drawing of paths: every actor once (at its fewest hops from the start, nearest first, then by id), every
    /// edge once; truncated when the paths were.
    /// </summary>
    public static Subgraph Of(PathResult result)
    {
        var nodes = new Dictionary<ActorId, SubgraphNode>();
        var edges = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var path in result.Paths)
        {
            for (var i = 0; i < path.Actors.Count; i++)
            {
                var actor = path.Actors[i];
                if (!nodes.TryGetValue(actor.Id, out var known) || known.Depth > i)
                {
                    nodes[actor.Id] = new SubgraphNode(actor, i);
                }
            }

            foreach (var step in path.Steps)
            {
                edges.TryAdd(step.Edge.Id, step.Edge);
            }
        }

        return new Subgraph([.. nodes.Values.OrderBy(n => n.Depth).ThenBy(n => n.Actor.Id)], [.. edges.Values], result.Truncated);
    }
}

/// <summary>One hop of a path: the edge and whether it was walked from its source to its target.</summary>
public sealed record PathStep(Relationship Edge, bool Forward);

/// <summary>
/// A path: actors from start to end, and the steps between them in order. A hop is one step, except in a path of
/// <see cref="PathMode.AllShortest"/>, where a hop joined by parallel edges has a step for each of them, side by side
/// (ordered by edge id), so that each sequence of actors is one path.
/// </summary>
public sealed record GraphPath(IReadOnlyList<Actor> Actors, IReadOnlyList<PathStep> Steps)
{
    /// <summary>Hops: one fewer than the actors.</summary>
    public int Length => Actors.Count - 1;

    /// <summary>The steps of each hop: <c>Hops[i]</c> joins <c>Actors[i]</c> and <c>Actors[i + 1]</c>, with more than one step where parallel edges do.</summary>
    public IReadOnlyList<IReadOnlyList<PathStep>> Hops
    {
        get
        {
            var hops = new List<IReadOnlyList<PathStep>>(Length);
            var at = 0;
            List<PathStep>? hop = null;
            foreach (var step in Steps)
            {
                if (hop is null || !Joins(step.Edge, Actors[at].Id, Actors[at + 1].Id))
                {
                    if (hop is not null)
                    {
                        at++;
                    }

                    hop = [];
                    hops.Add(hop);
                }

                hop.Add(step);
            }

            return hops;
        }
    }

    private static bool Joins(Relationship edge, ActorId a, ActorId b) => (edge.From == a && edge.To == b) || (edge.From == b && edge.To == a);
}

/// <summary>The paths found; <see cref="Truncated"/> says the limit cut the list short.</summary>
public sealed record PathResult(IReadOnlyList<GraphPath> Paths, bool Truncated);

/// <summary>How a search text matched an actor, best first.</summary>
public enum MatchKind
{
    Exact,
    Prefix,
    Substring,
}

/// <summary>An actor found by a search, with how it matched and which name matched.</summary>
public sealed record ActorMatch(Actor Actor, MatchKind Match, string MatchedName)
{
    /// <summary>Where it sits in the search's order; pass it as <see cref="ActorSearch.After"/> to continue after it.</summary>
    public ActorSearchKey Key => ActorSearchKey.Of(this);
}

/// <summary>An actor linked to both of two actors, with the edges on each side.</summary>
public sealed record CommonNeighbour(Actor Actor, IReadOnlyList<Relationship> ViaFirst, IReadOnlyList<Relationship> ViaSecond);

/// <summary>A piece of evidence found by text, with its edge.</summary>
public sealed record EvidenceHit(Relationship Relationship, Evidence Evidence);

/// <summary>Counts of the graph and its degree distribution.</summary>
public sealed record GraphStats(
    int Actors,
    int Relationships,
    int Evidence,
    int Documents,
    IReadOnlyDictionary<string, int> ActorsByKind,
    IReadOnlyDictionary<string, int> RelationshipsByType,
    DegreeStats Degree);

/// <summary>Degree (edges per actor, both directions) over all actors.</summary>
public sealed record DegreeStats(int Min, int Max, double Mean, double Median, IReadOnlyList<(ActorId Actor, int Degree)> Top)
{
    /// <summary>How many best-connected actors <see cref="Of"/> keeps.</summary>
    public const int TopCount = 10;

    /// <summary>
    /// The statistics of every actor's degree: min, max, mean, median (the mean of the middle two for an even count;
    /// all 0 for no actors) and the <see cref="TopCount"/> best connected, most first, ties by id (ordinal).
    /// </summary>
    public static DegreeStats Of(IEnumerable<(ActorId Actor, int Degree)> degrees)
    {
        ArgumentNullException.ThrowIfNull(degrees);
        var all = degrees.ToList();
        var sorted = all.Select(d => d.Degree).Order().ToArray();
        var median = sorted.Length == 0 ? 0
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
        return new DegreeStats(
            sorted.Length == 0 ? 0 : sorted[0],
            sorted.Length == 0 ? 0 : sorted[^1],
            sorted.Length == 0 ? 0 : sorted.Average(),
            median,
            [.. all.OrderByDescending(d => d.Degree).ThenBy(d => d.Actor.Value, StringComparer.Ordinal).Take(TopCount)]);
    }
}

/// <summary>What a bulk write did.</summary>
public sealed record UpsertResult(int Created, int Updated, int Unchanged)
{
    public static readonly UpsertResult Empty = new(0, 0, 0);

    public UpsertResult Add(UpsertResult other) => new(Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged);
}

/// <summary>What merging two actors moved.</summary>
public sealed record MergeResult(Actor Kept, ActorId Removed, int RelationshipsMoved, int EvidenceMoved, int AliasesAdded);

/// <summary>Progress of long work (import, sync), for a terminal progress line.</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>A whole graph, or a batch of it, to import at once.</summary>
public sealed record GraphSnapshot(IReadOnlyList<Actor> Actors, IReadOnlyList<Document> Documents, IReadOnlyList<Relationship> Relationships)
{
    public static readonly GraphSnapshot Empty = new([], [], []);
}
