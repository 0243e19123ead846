using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.GraphQL.Type;

namespace Graph.Api.GraphQL;

/// <summary>Subgraphs shaped for drawing, paths, common neighbours, conflicts and statistics.</summary>
internal sealed partial class ActorSchemaBuilder
{
    private ObjectType _subgraph = null!;
    private ObjectType _graphNode = null!;
    private ObjectType _graphEdge = null!;
    private ObjectType _pathResult = null!;
    private ObjectType _path = null!;
    private ObjectType _pathStep = null!;
    private ObjectType _commonNeighbour = null!;
    private ObjectType _quantityConflict = null!;
    private ObjectType _quantityClaim = null!;
    private ObjectType _stats = null!;

    private void CreateTraversalTypes()
    {
        _graphNode = new ObjectType("GraphNode", t => t
            .Description("An actor placed in a drawing.")
            .Field("id", Scalars.ID.NonNull(), f => f.Description("The actor's global id; edges name their ends by it.").Resolve(c => GlobalId.ForActor(((DrawNode)c.Source!).Actor)))
            .Field("actorId", Scalars.String.NonNull(), f => f.Description("The actor's readable id.").Resolve(c => ((DrawNode)c.Source!).Actor.Id.Value))
            .Field("kind", _actorKind.NonNull(), f => f.Description("The actor's kind, e.g. to pick a colour or icon.").Resolve(c => ((DrawNode)c.Source!).Actor.Kind))
            .Field("caption", Scalars.String.NonNull(), f => f.Description("The label to draw: the actor's name.").Resolve(c => ((DrawNode)c.Source!).Actor.Name))
            .Field("depth", Scalars.Int.NonNull(), f => f.Description("Hops from where the traversal began (0 for the start).").Resolve(c => ((DrawNode)c.Source!).Depth))
            .Field("actor", _actor.NonNull(), f => f.Description("The actor, for any further field.").Resolve(c => ((DrawNode)c.Source!).Actor)));

        _graphEdge = new ObjectType("GraphEdge", t => t
            .Description("A relationship placed in a drawing, from `source` to `target` (node ids of the same subgraph).")
            .Field("id", Scalars.ID.NonNull(), f => f.Description("The relationship's global id.").Resolve(c => GlobalId.ForRelationship((Relationship)c.Source!)))
            .Field("type", _relationshipType.NonNull(), f => f.Description("The relationship type.").Resolve(c => ((Relationship)c.Source!).Type))
            .Field("source", Scalars.ID.NonNull(), f => f.Description("Global id of the source node.").Resolve(c => GlobalId.ForActor(((Relationship)c.Source!).From)))
            .Field("target", Scalars.ID.NonNull(), f => f.Description("Global id of the target node.").Resolve(c => GlobalId.ForActor(((Relationship)c.Source!).To)))
            .Field("caption", Scalars.String.NonNull(), f => f.Description("The label to draw, e.g. `deployed · workers · 13221 · 2024`.").Resolve(c => Captions.Of((Relationship)c.Source!)))
            .Field("symmetric", Scalars.Boolean.NonNull(), f => f.Description("True when the edge has no direction (draw without an arrow).").Resolve(c => ((Relationship)c.Source!).Rule.Symmetric))
            .Field("confidence", Scalars.Float.NonNull(), f => f.Description("The edge's confidence, 0..1 (e.g. for line width).").Resolve(c => ((Relationship)c.Source!).Confidence))
            .Field("relationship", _relationship.NonNull(), f => f.Description("The relationship, for attributes and evidence.").Resolve(c => new RelationshipView((Relationship)c.Source!))));

        _subgraph = new ObjectType("Subgraph", t => t
            .Description("Nodes and edges ready to draw: every edge's ends are among the nodes.")
            .Field("nodes", Types.NonNullList(_graphNode), f => f.Description("The actors, nearest first.").Resolve(c => ((DrawGraph)c.Source!).Nodes))
            .Field("edges", Types.NonNullList(_graphEdge), f => f.Description("The relationships between them.").Resolve(c => ((DrawGraph)c.Source!).Edges))
            .Field("nodeCount", Scalars.Int.NonNull(), f => f.Description("How many nodes.").Resolve(c => ((DrawGraph)c.Source!).Nodes.Count))
            .Field("edgeCount", Scalars.Int.NonNull(), f => f.Description("How many edges.").Resolve(c => ((DrawGraph)c.Source!).Edges.Count))
            .Field("truncated", Scalars.Boolean.NonNull(), f => f.Description("True when the limit was reached, so more lies beyond.").Resolve(c => ((DrawGraph)c.Source!).Truncated)));

        _pathStep = new ObjectType("PathStep", t => t
            .Description("One hop of a path.")
            .Field("relationship", _relationship.NonNull(), f => f.Description("The edge walked.").Resolve(c => new RelationshipView(((PathStep)c.Source!).Edge)))
            .Field("forward", Scalars.Boolean.NonNull(), f => f.Description("True when walked from the edge's source to its target, false when against its direction.").Resolve(c => ((PathStep)c.Source!).Forward)));

        _path = new ObjectType("Path", t => t
            .Description("A path: actors from start to end and the edges between them.")
            .Field("length", Scalars.Int.NonNull(), f => f.Description("Hops.").Resolve(c => ((GraphPath)c.Source!).Length))
            .Field("actors", Types.NonNullList(_actor), f => f.Description("The actors in order, start first.").Resolve(c => ((GraphPath)c.Source!).Actors))
            .Field("steps", Types.NonNullList(_pathStep), f => f.Description("The hops in order.").Resolve(c => ((GraphPath)c.Source!).Steps))
            .Field("nodes", Types.NonNullList(_graphNode), f => f.Description("The actors as drawing nodes (depth = position on the path).").Resolve(c => ((GraphPath)c.Source!).Actors.Select((a, i) => new DrawNode(a, i)).ToList()))
            .Field("edges", Types.NonNullList(_graphEdge), f => f.Description("The edges as drawing edges.").Resolve(c => ((GraphPath)c.Source!).Steps.Select(s => s.Edge).ToList())));

        _pathResult = new ObjectType("PathResult", t => t
            .Description("The paths found between two actors, and all of them as one drawing.")
            .Field("paths", Types.NonNullList(_path), f => f.Description("The paths, shortest first.").Resolve(c => ((PathQueryResult)c.Source!).Result.Paths))
            .Field("count", Scalars.Int.NonNull(), f => f.Description("How many paths were found.").Resolve(c => ((PathQueryResult)c.Source!).Result.Paths.Count))
            .Field("truncated", Scalars.Boolean.NonNull(), f => f.Description("True when the limit cut the list short.").Resolve(c => ((PathQueryResult)c.Source!).Result.Truncated))
            .Field("subgraph", _subgraph.NonNull(), f => f.Description("Every actor and edge on any path, ready to draw.").Resolve(c => DrawGraph.From(((PathQueryResult)c.Source!).Result)))
            .Field("from", _actor.NonNull(), f => f.Description("The start actor, as resolved.").Resolve(c => ((PathQueryResult)c.Source!).From))
            .Field("to", _actor.NonNull(), f => f.Description("The end actor, as resolved.").Resolve(c => ((PathQueryResult)c.Source!).To)));

        _commonNeighbour = new ObjectType("CommonNeighbour", t => t
            .Description("An actor linked to both of two actors, with the edges on each side.")
            .Field("actor", _actor.NonNull(), f => f.Description("The actor in common.").Resolve(c => ((CommonNeighbour)c.Source!).Actor))
            .Field("viaA", Types.NonNullList(_relationship), f => f.Description("Its edges with the first actor (`a`).").Resolve(c => View((CommonNeighbour)c.Source!, first: true)))
            .Field("viaB", Types.NonNullList(_relationship), f => f.Description("Its edges with the second actor (`b`).").Resolve(c => View((CommonNeighbour)c.Source!, first: false))));
    }

    private void CreateReportTypes()
    {
        _quantityClaim = new ObjectType("QuantityClaim", t => t
            .Description("One source's figure for a quantity, with the evidence that gives it.")
            .Field("display", Scalars.String.NonNull(), f => f.Description("The figure as a reader would say it: `13221 workers`, `100–200 USD per month`.").Resolve(c => ((QuantityClaimView)c.Source!).Claim.Display))
            .Field("value", Scalars.Float, f => f.Description("The exact figure, when the source gives one.").Resolve(c => (double?)((QuantityClaimView)c.Source!).Claim.Value))
            .Field("min", Scalars.Float, f => f.Description("Low end, when the source gives a range.").Resolve(c => (double?)((QuantityClaimView)c.Source!).Claim.Min))
            .Field("max", Scalars.Float, f => f.Description("High end, when the source gives a range.").Resolve(c => (double?)((QuantityClaimView)c.Source!).Claim.Max))
            .Field("unit", Scalars.String, f => f.Description("What is counted or the currency and period, e.g. `workers`, `USD per month`.").Resolve(c => ((QuantityClaimView)c.Source!).Claim.Unit))
            .Field("evidence", _evidence.NonNull(), f => f.Description("The evidence that states this figure.").Resolve(c => new EvidenceView(((QuantityClaimView)c.Source!).Claim.Evidence, ((QuantityClaimView)c.Source!).Edge))));

        _quantityConflict = new ObjectType("QuantityConflict", t => t
            .Description("A quantity of one relationship that sources give differently. Both sides are kept; none is silently picked.")
            .Field("relationship", _relationship.NonNull(), f => f.Description("The relationship the figures are about.").Resolve(c => new RelationshipView(((QuantityConflict)c.Source!).Relationship)))
            .Field("quantity", _quantity.NonNull(), f => f.Description("Which quantity differs.").Resolve(c => ((QuantityConflict)c.Source!).Quantity))
            .Field("claims", Types.NonNullList(_quantityClaim), f => f.Description("Each source's figure with its evidence.").Resolve(c =>
            {
                var conflict = (QuantityConflict)c.Source!;
                return conflict.Claims.Select(claim => new QuantityClaimView(claim, conflict.Relationship)).ToList();
            })));

        var kindCount = new ObjectType("KindCount", t => t
            .Description("How many actors have a kind.")
            .Field("kind", _actorKind.NonNull(), f => f.Description("The kind.").Resolve(c => ((KeyValuePair<NodeKind, int>)c.Source!).Key))
            .Field("count", Scalars.Int.NonNull(), f => f.Description("How many actors.").Resolve(c => ((KeyValuePair<NodeKind, int>)c.Source!).Value)));
        var typeCount = new ObjectType("TypeCount", t => t
            .Description("How many relationships have a type.")
            .Field("type", _relationshipType.NonNull(), f => f.Description("The type.").Resolve(c => ((KeyValuePair<RelationshipType, int>)c.Source!).Key))
            .Field("count", Scalars.Int.NonNull(), f => f.Description("How many relationships.").Resolve(c => ((KeyValuePair<RelationshipType, int>)c.Source!).Value)));
        var actorDegree = new ObjectType("ActorDegree", t => t
            .Description("An actor and how many relationships it has.")
            .Field("actor", _actor.NonNull(), f => f.Description("The actor.").Resolve(Run(async c => await LoadActorAsync(c, (((ActorId, int))c.Source!).Item1).ConfigureAwait(false))))
            .Field("degree", Scalars.Int.NonNull(), f => f.Description("Its relationships, both directions.").Resolve(c => (((ActorId, int))c.Source!).Item2)));
        var degree = new ObjectType("DegreeStats", t => t
            .Description("Relationships per actor (both directions) over all actors.")
            .Field("min", Scalars.Int.NonNull(), f => f.Description("Fewest.").Resolve(c => ((DegreeStats)c.Source!).Min))
            .Field("max", Scalars.Int.NonNull(), f => f.Description("Most.").Resolve(c => ((DegreeStats)c.Source!).Max))
            .Field("mean", Scalars.Float.NonNull(), f => f.Description("Mean.").Resolve(c => ((DegreeStats)c.Source!).Mean))
            .Field("median", Scalars.Float.NonNull(), f => f.Description("Median.").Resolve(c => ((DegreeStats)c.Source!).Median))
            .Field("top", Types.NonNullList(actorDegree), f => f.Description("The best-connected actors, most first.").Resolve(c => ((DegreeStats)c.Source!).Top)));

        _stats = new ObjectType("GraphStats", t => t
            .Description("Counts of the graph and its degree distribution.")
            .Field("actors", Scalars.Int.NonNull(), f => f.Description("How many actors.").Resolve(c => ((GraphStats)c.Source!).Actors))
            .Field("relationships", Scalars.Int.NonNull(), f => f.Description("How many relationships.").Resolve(c => ((GraphStats)c.Source!).Relationships))
            .Field("evidence", Scalars.Int.NonNull(), f => f.Description("How many evidences over all relationships.").Resolve(c => ((GraphStats)c.Source!).Evidence))
            .Field("documents", Scalars.Int.NonNull(), f => f.Description("How many documents.").Resolve(c => ((GraphStats)c.Source!).Documents))
            .Field("actorsByKind", Types.NonNullList(kindCount), f => f.Description("Actors per kind, in the ontology's order.").Resolve(c => ByKind((GraphStats)c.Source!)))
            .Field("relationshipsByType", Types.NonNullList(typeCount), f => f.Description("Relationships per type, in the ontology's order.").Resolve(c => ByType((GraphStats)c.Source!)))
            .Field("degree", degree.NonNull(), f => f.Description("Degree statistics.").Resolve(c => ((GraphStats)c.Source!).Degree)));
    }

    private static List<RelationshipView> View(CommonNeighbour neighbour, bool first)
    {
        var edges = first ? neighbour.ViaFirst : neighbour.ViaSecond;
        return edges.Select(e => new RelationshipView(e, e.Other(neighbour.Actor.Id))).ToList();
    }

    private static List<KeyValuePair<NodeKind, int>> ByKind(GraphStats stats)
    {
        var counts = new List<KeyValuePair<NodeKind, int>>();
        foreach (var (name, count) in stats.ActorsByKind)
        {
            if (GraphOntology.TryParseKind(name, out var kind))
            {
                counts.Add(new(kind, count));
            }
        }

        return [.. counts.OrderBy(c => c.Key)];
    }

    private static List<KeyValuePair<RelationshipType, int>> ByType(GraphStats stats)
    {
        var counts = new List<KeyValuePair<RelationshipType, int>>();
        foreach (var (name, count) in stats.RelationshipsByType)
        {
            if (GraphOntology.TryParseType(name, out var type))
            {
                counts.Add(new(type, count));
            }
        }

        return [.. counts.OrderBy(c => c.Key)];
    }
}

/// <summary>A path query's result with the two actors as resolved from the arguments.</summary>
internal sealed record PathQueryResult(PathResult Result, Actor From, Actor To);

/// <summary>One claim of a conflict and the edge it is on.</summary>
internal sealed record QuantityClaimView(QuantityClaim Claim, Relationship Edge);
