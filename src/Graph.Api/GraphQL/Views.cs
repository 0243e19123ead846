using System.Text;
using Graph.Core.Model;
using Graph.Core.Store;

namespace Graph.Api.GraphQL;

/// <summary>
/// An edge as reached from one actor (<see cref="Perspective"/>), so <c>other</c> and <c>direction</c> can be answered;
/// the perspective is null when the edge was reached otherwise (by id, by evidence search).
/// </summary>
public sealed record RelationshipView(Relationship Edge, ActorId? Perspective = null)
{
    /// <summary>The far end seen from the perspective.</summary>
    public ActorId? Other => Perspective is { } p ? Edge.Other(p) : null;
}

/// <summary>One evidence and the edge it supports.</summary>
public sealed record EvidenceView(Evidence Evidence, Relationship Edge);

/// <summary>An actor placed in a drawing: its distance from where the traversal began.</summary>
public sealed record DrawNode(Actor Actor, int Depth);

/// <summary>A subgraph ready to draw: nodes and edges with ids, kinds and captions.</summary>
public sealed record DrawGraph(IReadOnlyList<DrawNode> Nodes, IReadOnlyList<Relationship> Edges, bool Truncated)
{
    /// <summary>A drawing of a store subgraph.</summary>
    public static DrawGraph From(Subgraph subgraph) =>
        new([.. subgraph.Nodes.Select(n => new DrawNode(n.Actor, n.Depth))], subgraph.Edges, subgraph.Truncated);

    /// <summary>A drawing of paths: every actor once (at its fewest hops from the start), every edge once.</summary>
    public static DrawGraph From(PathResult result)
    {
        var depth = new Dictionary<ActorId, DrawNode>();
        var edges = new Dictionary<string, Relationship>(StringComparer.Ordinal);
        foreach (var path in result.Paths)
        {
            for (var i = 0; i < path.Actors.Count; i++)
            {
                var actor = path.Actors[i];
                if (!depth.TryGetValue(actor.Id, out var known) || known.Depth > i)
                {
                    depth[actor.Id] = new DrawNode(actor, i);
                }
            }

            foreach (var step in path.Steps)
            {
                edges.TryAdd(step.Edge.Id, step.Edge);
            }
        }

        return new DrawGraph([.. depth.Values.OrderBy(n => n.Depth).ThenBy(n => n.Actor.Id)], [.. edges.Values], result.Truncated);
    }
}

/// <summary>Captions for drawn edges: the type in words, then what the edge carries (personnel, count, date).</summary>
public static class Captions
{
    /// <summary>E.g. <c>deployed · workers · 13221 · 2024</c>.</summary>
    public static string Of(Relationship edge)
    {
        var builder = new StringBuilder();
        foreach (var c in edge.Rule.FieldName)
        {
            if (char.IsUpper(c))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        var a = edge.Attributes;
        void Add(object? part)
        {
            if (part is not null)
            {
                builder.Append(" · ").Append(part is decimal d ? d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : part.ToString());
            }
        }

        Add(a.Personnel ?? (edge.Key.Qualifier.Length > 0 ? edge.Key.Qualifier : null));
        Add(a.Count);
        Add(a.Count is null && (a.CountMin is not null || a.CountMax is not null) ? $"{a.CountMin}–{a.CountMax}" : null);
        Add(a.Amount is { } amount ? $"{amount:0.##}{(a.Currency is null ? "" : " " + a.Currency)}{(a.Period is null ? "" : " per " + a.Period)}" : null);
        Add(edge.Date);
        return builder.ToString();
    }
}
