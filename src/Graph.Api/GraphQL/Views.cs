using System.Collections.Concurrent;
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
    // The type in words depends only on the rule: worked out once per field name.
    private static readonly ConcurrentDictionary<string, string> s_words = new(StringComparer.Ordinal);

    /// <summary>E.g. <c>deployed · workers · 13221 · 2024</c>.</summary>
    public static string Of(Relationship edge)
    {
        var words = s_words.GetOrAdd(edge.Rule.FieldName, Words);
        var a = edge.Attributes;
        var personnel = a.Personnel ?? (edge.Key.Qualifier.Length > 0 ? edge.Key.Qualifier : null);
        var range = a.Count is null && (a.CountMin is not null || a.CountMax is not null);
        if (personnel is null && a.Count is null && !range && a.Amount is null && edge.Date is null)
        {
            return words;
        }

        var builder = new StringBuilder(words, words.Length + 48);
        void Add(object? part)
        {
            if (part is not null)
            {
                builder.Append(" · ").Append(part is decimal d ? d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : part.ToString());
            }
        }

        Add(personnel);
        Add(a.Count);
        Add(range ? $"{a.CountMin}–{a.CountMax}" : null);
        Add(a.Amount is { } amount ? $"{amount:0.##}{(a.Currency is null ? "" : " " + a.Currency)}{(a.Period is null ? "" : " per " + a.Period)}" : null);
        Add(edge.Date);
        return builder.ToString();
    }

    private static string Words(string fieldName)
    {
        var builder = new StringBuilder();
        foreach (var c in fieldName)
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

        return builder.ToString();
    }
}
