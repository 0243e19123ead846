using System.Text;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Core.Store;
using Graph.Storage.Neo4j.Http;

namespace Graph.Storage.Neo4j.Store;

/// <summary>
/// Every Cypher statement the Neo4j store sends. Values are always parameters; the only text spliced in is labels and
/// relationship types taken from the ontology's closed list, variable names fixed here, and validated integer bounds of
/// variable-length patterns (which Cypher does not accept as parameters).
/// </summary>
public static class CypherQueries
{
    /// <summary>What a statement returns for an actor.</summary>
    public const string ActorColumns = "{.id, .name, .aliases, .description, .attributesJson}";

    /// <summary>What a statement returns for a document.</summary>
    public const string DocumentColumns = "{.id, .title, .publisher, .url, .published, .text}";

    private static readonly string[] s_symmetricTypes =
        GraphOntology.Rules.Where(r => r.Symmetric).Select(r => r.Name).ToArray();

    // ---- writes ----

    /// <summary>Creates or replaces actors of one kind (the kind is a label, so one statement per kind).</summary>
    public static CypherStatement UpsertActors(NodeKind kind, IReadOnlyList<Dictionary<string, object?>> rows) => new(
        $"""
        UNWIND $rows AS row
        MERGE (a:Actor {"{"}id: row.id{"}"})
        SET a = row, a:{GraphProperties.Label(kind)}
        """,
        new Dictionary<string, object?> { ["rows"] = rows });

    /// <summary>
    /// Creates or replaces documents and links each to its publisher, when that actor exists. <c>+=</c> replaces every
    /// key a row carries (a null removes it) and keeps the ingestion record (format, version...) on the node.
    /// </summary>
    public static CypherStatement UpsertDocuments(IReadOnlyList<Dictionary<string, object?>> rows) => new(
        """
        UNWIND $rows AS row
        MERGE (d:Document {id: row.id})
        SET d += row
        WITH d, row
        OPTIONAL MATCH (d)<-[old:PUBLISHED]-(:Actor)
        DELETE old
        WITH DISTINCT d, row
        MATCH (p:Actor {id: row.publisher})
        MERGE (p)-[:PUBLISHED]->(d)
        """,
        new Dictionary<string, object?> { ["rows"] = rows });

    /// <summary>Creates or replaces edges of one type between existing actors; rows carry from, to and props.</summary>
    public static CypherStatement UpsertEdges(RelationshipType type, IReadOnlyList<Dictionary<string, object?>> rows) => new(
        $$"""
        UNWIND $rows AS row
        MATCH (a:Actor {id: row.from})
        MATCH (b:Actor {id: row.to})
        MERGE (a)-[r:{{GraphProperties.TypeName(type)}} {id: row.props.id}]->(b)
        SET r = row.props
        """,
        new Dictionary<string, object?> { ["rows"] = rows });

    /// <summary>Deletes the evidence nodes of edges, before they are written again.</summary>
    public static CypherStatement DeleteEvidenceOf(IReadOnlyList<string> edgeIds) => new(
        """
        UNWIND $edgeIds AS edgeId
        MATCH (e:Evidence {edgeId: edgeId})
        DETACH DELETE e
        """,
        new Dictionary<string, object?> { ["edgeIds"] = edgeIds });

    /// <summary>
    /// Creates evidence nodes one step from what they are about: CITES the document, ABOUT both ends of the edge,
    /// ATTRIBUTED_TO the credited source when there is one.
    /// </summary>
    public static CypherStatement CreateEvidence(IReadOnlyList<Dictionary<string, object?>> rows) => new(
        """
        UNWIND $rows AS row
        MATCH (d:Document {id: row.props.documentId})
        MATCH (a:Actor {id: row.from})
        MATCH (b:Actor {id: row.to})
        CREATE (e:Evidence)
        SET e = row.props
        CREATE (e)-[:CITES {start: row.props.start, end: row.props.end}]->(d)
        CREATE (e)-[:ABOUT {end: 'source'}]->(a)
        CREATE (e)-[:ABOUT {end: 'target'}]->(b)
        WITH e, row
        OPTIONAL MATCH (s:Actor {id: row.props.attributedTo})
        FOREACH (source IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (e)-[:ATTRIBUTED_TO]->(source))
        """,
        new Dictionary<string, object?> { ["rows"] = rows });

    /// <summary>Deletes edges by key (rows carry id, from, to) with their evidence.</summary>
    public static CypherStatement DeleteEdges(IReadOnlyList<Dictionary<string, object?>> keys) => new(
        """
        UNWIND $keys AS key
        MATCH (:Actor {id: key.from})-[r {id: key.id}]->(:Actor {id: key.to})
        OPTIONAL MATCH (e:Evidence {edgeId: key.id})
        DETACH DELETE e
        DELETE r
        """,
        new Dictionary<string, object?> { ["keys"] = keys });

    /// <summary>Points documents published by one actor at another.</summary>
    public static CypherStatement MovePublisher(ActorId from, ActorId to) => new(
        """
        MATCH (d:Document {publisher: $from})
        SET d.publisher = $to
        WITH d
        OPTIONAL MATCH (d)<-[old:PUBLISHED]-(:Actor)
        DELETE old
        WITH DISTINCT d
        MATCH (p:Actor {id: $to})
        MERGE (p)-[:PUBLISHED]->(d)
        """,
        new Dictionary<string, object?> { ["from"] = from.Value, ["to"] = to.Value });

    /// <summary>Deletes an actor and whatever still touches it.</summary>
    public static CypherStatement DeleteActor(ActorId id) => new(
        """
        MATCH (a:Actor {id: $id})
        DETACH DELETE a
        """,
        new Dictionary<string, object?> { ["id"] = id.Value });

    // Pruning reads the ids the database holds from indexes, and the store deletes those a snapshot lacks by id: index
    // seeks for what goes, where a `NOT x.id IN $keep` filter scanned every node and relationship of the database.

    /// <summary>The ids of every relationship, read from the evidence-edge index (no edge exists without evidence).</summary>
    public static CypherStatement StoredEdgeIds() => new(
        """
        MATCH (e:Evidence) WHERE e.edgeId IS NOT NULL
        RETURN DISTINCT e.edgeId AS storedEdgeId
        """,
        new Dictionary<string, object?>());

    /// <summary>The ids of every document, read from the id constraint's index.</summary>
    public static CypherStatement StoredDocumentIds() => new(
        """
        MATCH (d:Document) WHERE d.id IS NOT NULL
        RETURN d.id AS storedDocumentId
        """,
        new Dictionary<string, object?>());

    /// <summary>The ids of every actor, read from the id constraint's index.</summary>
    public static CypherStatement StoredActorIds() => new(
        """
        MATCH (a:Actor) WHERE a.id IS NOT NULL
        RETURN a.id AS storedActorId
        """,
        new Dictionary<string, object?>());

    /// <summary>Deletes the edges with these ids and their evidence: found through the evidence index, then from the source actor.</summary>
    public static CypherStatement PruneEdges(IReadOnlyList<string> gone) => new(
        """
        UNWIND $gone AS id
        MATCH (e:Evidence {edgeId: id})-[:ABOUT {end: 'source'}]->(source:Actor)
        MATCH (source)-[r {id: id}]->(:Actor)
        WITH r, collect(DISTINCT e) AS evidence
        FOREACH (x IN evidence | DETACH DELETE x)
        DELETE r
        RETURN count(r) AS removed
        """,
        new Dictionary<string, object?> { ["gone"] = gone });

    /// <summary>Deletes the documents with these ids.</summary>
    public static CypherStatement PruneDocuments(IReadOnlyList<string> gone) => new(
        """
        UNWIND $gone AS id
        MATCH (d:Document {id: id})
        DETACH DELETE d
        RETURN count(d) AS removed
        """,
        new Dictionary<string, object?> { ["gone"] = gone });

    /// <summary>Deletes the actors with these ids, with evidence still about them.</summary>
    public static CypherStatement PruneActors(IReadOnlyList<string> gone) => new(
        """
        UNWIND $gone AS id
        MATCH (a:Actor {id: id})
        OPTIONAL MATCH (e:Evidence)-[:ABOUT]->(a)
        WITH a, collect(DISTINCT e) AS evidence
        FOREACH (x IN evidence | DETACH DELETE x)
        DETACH DELETE a
        RETURN count(a) AS removed
        """,
        new Dictionary<string, object?> { ["gone"] = gone });

    // ---- lookups ----

    /// <summary>Actors by id.</summary>
    public static CypherStatement GetActors(IReadOnlyCollection<ActorId> ids) => new(
        $"""
        UNWIND $ids AS id
        MATCH (a:Actor {"{"}id: id{"}"})
        RETURN a {ActorColumns} AS actor
        """,
        new Dictionary<string, object?> { ["ids"] = ids.Select(i => i.Value).Distinct().ToArray() });

    /// <summary>
    /// Takes the write lock of each actor until the transaction ends (a property set and removed leaves no trace), so
    /// that two transactions writing edges between the same actors run one after the other: the second reads what the
    /// first wrote, merges its evidence into it, and does not count the edge as created again.
    /// </summary>
    public static CypherStatement LockActors(IReadOnlyCollection<ActorId> ids) => new(
        """
        UNWIND $ids AS id
        MATCH (a:Actor {id: id})
        SET a.writeLock = true
        REMOVE a.writeLock
        """,
        new Dictionary<string, object?> { ["ids"] = ids.Select(i => i.Value).Distinct().Order(StringComparer.Ordinal).ToArray() });

    /// <summary>Every actor, by id.</summary>
    public static CypherStatement AllActors() => new(
        $"""
        MATCH (a:Actor)
        RETURN a {ActorColumns} AS actor
        ORDER BY a.id
        """);

    /// <summary>The actor whose own folded name equals the folded text, the lower id first (range index <c>actor_folded_name</c>).</summary>
    public static CypherStatement ResolveActorByName(string folded) => new(
        $"""
        MATCH (a:Actor {"{"}foldedName: $folded{"}"})
        RETURN a {ActorColumns} AS actor
        ORDER BY a.id
        LIMIT 1
        """,
        new Dictionary<string, object?> { ["folded"] = folded });

    /// <summary>The actor one of whose folded aliases equals the folded text, the lower id first (text index <c>actor_name_keys</c>).</summary>
    public static CypherStatement ResolveActorByAlias(string folded) => new(
        $"""
        MATCH (a:Actor)
        WHERE a.nameKeys CONTAINS $key
        RETURN a {ActorColumns} AS actor
        ORDER BY a.id
        LIMIT 1
        """,
        new Dictionary<string, object?> { ["key"] = GraphProperties.NameKey([folded]) });

    /// <summary>
    /// Actors whose folded names contain the folded text, with how the best name matched (0 exact, 1 prefix,
    /// 2 substring) and which name it was; a page strictly after <paramref name="after"/> in the order (rank, name, id)
    /// (keyset paging), or counted when <paramref name="count"/>.
    /// </summary>
    public static CypherStatement SearchActors(string folded, IReadOnlySet<NodeKind>? kinds, ActorSearchKey? after, int limit, bool count)
    {
        // The text index on nameKeys serves the CONTAINS; the names are ranked from foldedNames after it.
        var text = new StringBuilder("MATCH (a:Actor)\nWHERE a.nameKeys CONTAINS $text\n");
        var parameters = new Dictionary<string, object?> { ["text"] = folded };
        if (kinds is { Count: > 0 })
        {
            text.Append("  AND a.kind IN $kinds\n");
            parameters["kinds"] = kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToArray();
        }

        text.Append("""
            WITH a, [i IN range(0, size(a.foldedNames) - 1) WHERE a.foldedNames[i] CONTAINS $text |
              [CASE WHEN a.foldedNames[i] = $text THEN 0 WHEN a.foldedNames[i] STARTS WITH $text THEN 1 ELSE 2 END, i]] AS hits
            WHERE size(hits) > 0

            """);
        if (count)
        {
            text.Append("RETURN count(a) AS total");
            return new CypherStatement(text.ToString(), parameters);
        }

        text.Append("""
            WITH a, reduce(best = hits[0], h IN hits | CASE WHEN h[0] < best[0] THEN h ELSE best END) AS best
            WITH a, best[0] AS rank, ([a.name] + a.aliases)[best[1]] AS matched

            """);
        if (after is { } key)
        {
            // Keyset: strictly after the last row of the previous page, in the ORDER BY below (ties broken by id).
            text.Append("WHERE rank > $afterRank OR (rank = $afterRank AND (a.name > $afterName OR (a.name = $afterName AND a.id > $afterId)))\n");
            parameters["afterRank"] = (long)key.Match;
            parameters["afterName"] = key.Name;
            parameters["afterId"] = key.Id.Value;
        }

        text.Append($$"""
            RETURN a {{ActorColumns}} AS actor, rank, matched
            ORDER BY rank, a.name, a.id
            LIMIT $limit
            """);
        parameters["limit"] = (long)limit;
        return new CypherStatement(text.ToString(), parameters);
    }

    /// <summary>Documents by id.</summary>
    public static CypherStatement GetDocuments(IReadOnlyCollection<DocumentId> ids) => new(
        $"""
        UNWIND $ids AS id
        MATCH (d:Document {"{"}id: id{"}"})
        RETURN d {DocumentColumns} AS document
        """,
        new Dictionary<string, object?> { ["ids"] = ids.Select(i => i.Value).Distinct().ToArray() });

    /// <summary>Every document, by id.</summary>
    public static CypherStatement AllDocuments() => new(
        $"""
        MATCH (d:Document)
        RETURN d {DocumentColumns} AS document
        ORDER BY d.id
        """);

    /// <summary>Edges by key, each with its evidence; edges are found from their end actors, so the actor index serves.</summary>
    public static CypherStatement GetEdges(IEnumerable<RelationshipKey> keys) => new(
        """
        UNWIND $keys AS key
        MATCH (:Actor {id: key.from})-[r]->(:Actor {id: key.to})
        WHERE r.id = key.id

        """ + EdgeTail(),
        new Dictionary<string, object?> { ["keys"] = keys.Select(KeyRow).DistinctBy(k => k["id"]).ToList() });

    /// <summary>An actor's edges that pass the filter (direction seen from the actor).</summary>
    public static CypherStatement EdgesOf(IReadOnlyCollection<ActorId> actors, RelationshipFilter filter)
    {
        var parameters = new Dictionary<string, object?> { ["actors"] = actors.Select(a => a.Value).Distinct().ToArray() };
        var text = $"""
            MATCH (a:Actor)-[r{TypePattern(filter)}]-(:Actor)
            WHERE a.id IN $actors{Conditions(filter, "r", "a", parameters)}

            """ + EdgeTail("a.id AS anchor");
        return new CypherStatement(text, parameters);
    }

    /// <summary>Edges whose evidence quotes contain the folded text, newest document first (text index <c>evidence_folded_quote</c>).</summary>
    public static CypherStatement SearchEvidence(string folded, int limit) => new(
        """
        MATCH (e:Evidence)-[:CITES]->(d:Document)
        WHERE e.foldedQuote CONTAINS $text
        RETURN e.edgeId AS edgeId, e.documentId AS documentId, e.start AS start
        ORDER BY coalesce(d.publishedKey, '') DESC, d.id, e.start, e.edgeId
        LIMIT $limit
        """,
        new Dictionary<string, object?> { ["text"] = folded, ["limit"] = (long)limit });

    /// <summary>Edges with evidence credited to a source actor.</summary>
    public static CypherStatement EdgesCitingSource(ActorId source) => new(
        """
        MATCH (cited:Evidence {attributedTo: $source})-[:ABOUT {end: 'source'}]->(:Actor)-[r]->(:Actor)
        WHERE r.id = cited.edgeId

        """ + EdgeTail(),
        new Dictionary<string, object?> { ["source"] = source.Value });

    /// <summary>Every edge between actors with its evidence (export).</summary>
    public static CypherStatement AllEdges() => new(
        """
        MATCH (:Actor)-[r]->(:Actor)

        """ + EdgeTail());

    /// <summary>
    /// Edges with more than one evidence: the only ones whose sources can disagree. Found from their second evidence
    /// (range index <c>evidence_ordinal</c>), not by scanning every relationship for <c>evidenceCount</c>.
    /// </summary>
    /// <remarks>
    /// An edge's evidence nodes are always written whole with the edge (<see cref="DeleteEvidenceOf"/> then
    /// <see cref="CreateEvidence"/> in one transaction, by every write: upserts, imports, merges, evidence removal,
    /// accepted proposals, sync; seed.cypher numbers them the same way), numbered by <c>ordinal</c> 0, 1, ... in the
    /// edge's evidence order. So an edge has an evidence node with ordinal 1 exactly when it has more than one
    /// evidence, and exactly one such node: <c>ordinal = 1</c> is the marker "my edge is corroborated", kept right by
    /// the writes the store already makes, with no property of its own to maintain. Its range index answers the seek;
    /// the edge is then found between the evidence's two ABOUT ends (an expand between two bound actors, as
    /// <see cref="GetEdges"/> does), and <c>evidenceCount &gt; 1</c> is still checked on it, so no edge the old
    /// all-relationship scan left out can come back. A relationship property index on <c>evidenceCount</c> was the
    /// other choice; Neo4j indexes a relationship property per type, so it would take 24 indexes (and 24 UNION
    /// branches), each maintained on every edge write, where this adds one index on a key written once per evidence.
    /// </remarks>
    public static CypherStatement CorroboratedEdges() => new(
        """
        MATCH (source:Actor)<-[:ABOUT {end: 'source'}]-(second:Evidence {ordinal: 1})-[:ABOUT {end: 'target'}]->(target:Actor)
        MATCH (source)-[r]->(target)
        WHERE r.id = second.edgeId AND r.evidenceCount > 1

        """ + EdgeTail());

    /// <summary>An actor's dated edges overlapping the window.</summary>
    public static CypherStatement Timeline(ActorId actor, PartialDate? from, PartialDate? to)
    {
        var parameters = new Dictionary<string, object?> { ["actor"] = actor.Value };
        var filter = new RelationshipFilter { From = from, To = to };
        var text = """
            MATCH (a:Actor {id: $actor})-[r]-(:Actor)
            WHERE (r.validStart IS NOT NULL OR r.validEnd IS NOT NULL)
            """;
        text += Conditions(filter, "r", "a", parameters) + "\n" + EdgeTail();
        return new CypherStatement(text, parameters);
    }

    // ---- traversals ----

    /// <summary>One breadth-first hop: the edges from the frontier that pass the filter, with the actor reached.</summary>
    public static CypherStatement ExpandFrontier(IReadOnlyCollection<ActorId> frontier, RelationshipFilter filter)
    {
        var parameters = new Dictionary<string, object?> { ["frontier"] = frontier.Select(a => a.Value).ToArray() };
        var text = $"""
            MATCH (a:Actor)-[r{TypePattern(filter)}]-(b:Actor)
            WHERE a.id IN $frontier{Conditions(filter, "r", "a", parameters)}
            RETURN DISTINCT a.id AS anchor, b.id AS other, r.id AS edgeId, type(r) AS type
            ORDER BY other, edgeId
            """;
        return new CypherStatement(text, parameters);
    }

    /// <summary>
    /// Shortest paths between two actors as lists of actor ids and edge ids, written so Neo4j runs its bidirectional
    /// breadth-first search rather than enumerating every path: the direction rule is never a predicate on a path's
    /// positions. Undirected walks are a plain pattern; directed walks over types that are all directed are a directed
    /// pattern; directed walks that may cross symmetric edges either way are a quantified path pattern whose step
    /// checks its own direction (Neo4j 5.21+, <paramref name="quantifiedPaths"/>), or on older servers the positional
    /// predicate (an exhaustive search, the only way they can express it). Ordered so the one shortest path is the first
    /// in id order, the same on every run. AllShortest groups by the sequence of actors: one row each, with every edge
    /// sequence that walks it (parallel edges).
    /// </summary>
    public static CypherStatement FindShortestPaths(PathRequest request, bool quantifiedPaths)
    {
        var filter = request.EffectiveFilter;
        var parameters = new Dictionary<string, object?> { ["from"] = request.From.Value, ["to"] = request.To.Value };
        var limit = request.Mode == PathMode.Shortest ? 1 : request.Limit + 1;
        parameters["limit"] = (long)limit;
        string match;
        if (filter.Direction != Direction.Both && WalksSymmetricTypes(filter) && quantifiedPaths)
        {
            var step = RelationshipConditions(filter, "r", parameters);
            step.Add($"({(filter.Direction == Direction.Outgoing ? "startNode" : "endNode")}(r) = x OR type(r) IN $symmetricTypes)");
            parameters["symmetricTypes"] = s_symmetricTypes;
            match = $"MATCH p = ALL SHORTEST (a) ((x:Actor)-[r{TypePattern(filter)}]-(y:Actor) WHERE {string.Join(" AND ", step)}){{1,{request.MaxDepth}}} (b)";
        }
        else
        {
            var conditions = PathConditions(filter, parameters, positional: filter.Direction != Direction.Both && WalksSymmetricTypes(filter));
            var where = conditions.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", conditions);
            match = $"MATCH p = allShortestPaths({PathPattern(filter, $"*1..{request.MaxDepth}")}){where}";
        }

        var text = request.Mode == PathMode.AllShortest
            ? $"""
            MATCH (a:Actor {"{"}id: $from{"}"})
            MATCH (b:Actor {"{"}id: $to{"}"})
            {match}
            WITH [n IN nodes(p) | n.id] AS actorIds, [rel IN relationships(p) | rel.id] AS edgeIds
            WITH actorIds, collect(edgeIds) AS edgeIdSequences
            RETURN actorIds, edgeIdSequences
            ORDER BY size(actorIds), actorIds
            LIMIT $limit
            """
            : $"""
            MATCH (a:Actor {"{"}id: $from{"}"})
            MATCH (b:Actor {"{"}id: $to{"}"})
            {match}
            WITH p, [n IN nodes(p) | n.id] AS actorIds, [rel IN relationships(p) | rel.id] AS edgeIds
            RETURN actorIds, edgeIds
            ORDER BY length(p), actorIds, edgeIds
            LIMIT $limit
            """;
        return new CypherStatement(text, parameters);
    }

    /// <summary>
    /// Paths of exactly <paramref name="length"/> hops without a repeated actor, at most <paramref name="limit"/>: the
    /// store asks for each length in turn, shortest first, and stops once it has enough, so Neo4j never enumerates
    /// every path up to the depth to sort them (no ORDER BY: the store orders what came back).
    /// </summary>
    public static CypherStatement FindSimplePaths(PathRequest request, int length, int limit)
    {
        var filter = request.EffectiveFilter;
        var parameters = new Dictionary<string, object?> { ["from"] = request.From.Value, ["to"] = request.To.Value, ["limit"] = (long)limit };
        var conditions = PathConditions(filter, parameters, positional: filter.Direction != Direction.Both && WalksSymmetricTypes(filter));
        conditions.Add("all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))");
        var text = $"""
            MATCH (a:Actor {"{"}id: $from{"}"})
            MATCH (b:Actor {"{"}id: $to{"}"})
            MATCH p = {PathPattern(filter, $"*{length}..{length}")}
            WHERE {string.Join("\n  AND ", conditions)}
            RETURN [n IN nodes(p) | n.id] AS actorIds, [rel IN relationships(p) | rel.id] AS edgeIds
            LIMIT $limit
            """;
        return new CypherStatement(text, parameters);
    }

    // True when a directed walk may cross a symmetric edge, which it may walk either way.
    private static bool WalksSymmetricTypes(RelationshipFilter filter) =>
        filter.Types is not { Count: > 0 } types || types.Any(t => GraphOntology.RuleFor(t).Symmetric);

    // (a)-[...]-(b), directed when the walk is directed and no symmetric type can be on it.
    private static string PathPattern(RelationshipFilter filter, string hops)
    {
        var directed = filter.Direction != Direction.Both && !WalksSymmetricTypes(filter);
        var left = directed && filter.Direction == Direction.Incoming ? "<-" : "-";
        var right = directed && filter.Direction == Direction.Outgoing ? "->" : "-";
        return $"(a){left}[{TypePattern(filter)}{hops}]{right}(b)";
    }

    private static List<string> PathConditions(RelationshipFilter filter, Dictionary<string, object?> parameters, bool positional)
    {
        var conditions = new List<string>();
        if (filter.Types is not { Count: > 0 })
        {
            // Only assertion edges join two actors; provenance links end at Evidence and Document nodes.
            conditions.Add("all(n IN nodes(p) WHERE n:Actor)");
        }

        var relationConditions = RelationshipConditions(filter, "rel", parameters);
        if (relationConditions.Count > 0)
        {
            conditions.Add($"all(rel IN relationships(p) WHERE {string.Join(" AND ", relationConditions)})");
        }

        if (positional)
        {
            var end = filter.Direction == Direction.Outgoing ? "startNode" : "endNode";
            conditions.Add($"all(i IN range(0, length(p) - 1) WHERE {end}(relationships(p)[i]) = nodes(p)[i] OR type(relationships(p)[i]) IN $symmetricTypes)");
            parameters["symmetricTypes"] = s_symmetricTypes;
        }

        return conditions;
    }

    /// <summary>Actors adjacent to both, with the edge ids on each side (direction seen from each of the two).</summary>
    public static CypherStatement CommonNeighbours(ActorId first, ActorId second, RelationshipFilter filter)
    {
        var parameters = new Dictionary<string, object?> { ["first"] = first.Value, ["second"] = second.Value };
        var types = TypePattern(filter);
        var text = $"""
            MATCH (a:Actor {"{"}id: $first{"}"})-[r1{types}]-(c:Actor)-[r2{types}]-(b:Actor {"{"}id: $second{"}"})
            WHERE c <> a AND c <> b{Conditions(filter, "r1", "a", parameters)}{Conditions(filter, "r2", "b", parameters)}
            RETURN c.id AS neighbour, collect(DISTINCT r1.id) AS viaFirst, collect(DISTINCT r2.id) AS viaSecond
            ORDER BY neighbour
            """;
        return new CypherStatement(text, parameters);
    }

    // ---- statistics ----

    /// <summary>Every actor's kind and degree (edges to other actors, both directions).</summary>
    public static CypherStatement Degrees() => new(
        """
        MATCH (a:Actor)
        OPTIONAL MATCH (a)-[r]-(:Actor)
        RETURN a.id AS id, a.kind AS kind, count(r) AS degree
        """);

    /// <summary>Edges per relationship type.</summary>
    public static CypherStatement EdgeCounts() => new(
        """
        MATCH (:Actor)-[r]->(:Actor)
        RETURN type(r) AS type, count(r) AS edges
        """);

    /// <summary>
    /// How many evidence nodes and documents there are: one row, also over an empty graph. Each count is its own
    /// <c>MATCH (n:Label) RETURN count(n)</c> with no grouping key, the shape Neo4j answers from its count store
    /// (NodeCountFromCountStore) instead of scanning the label; an aggregation without a grouping key returns one row
    /// (0) over no rows, and the two one-row subqueries join to one row. (An OPTIONAL MATCH, or a second count grouped
    /// by the first, scans the label; a grouping key over zero rows would return no row at all.) The subqueries import
    /// nothing: <c>CALL () { ... }</c> on servers that take the scope clause (<paramref name="scopeClause"/>, Neo4j
    /// 5.23+, which deprecates the bare form), <c>CALL { ... }</c> on older ones (4.4 has no other).
    /// </summary>
    public static CypherStatement EvidenceAndDocumentCounts(bool scopeClause)
    {
        var call = scopeClause ? "CALL () {" : "CALL {";
        return new(
            $$"""
            {{call}} MATCH (e:Evidence) RETURN count(e) AS evidence }
            {{call}} MATCH (d:Document) RETURN count(d) AS documents }
            RETURN evidence, documents
            """);
    }

    /// <summary>
    /// The schema version the database has had its data migrations to (cypher/schema.cypher): one row, null when the
    /// marker node is missing. A seek on the <c>graph_schema_key</c> constraint's index.
    /// </summary>
    public static CypherStatement SchemaVersion() => new(
        """
        OPTIONAL MATCH (g:GraphSchema {key: 'graph'})
        RETURN g.version AS schemaVersion
        """);

    /// <summary>A cheap statement that proves the credentials and the database.</summary>
    public static CypherStatement Ping() => new("RETURN 1 AS ok");

    // ---- pieces ----

    /// <summary>The key of an edge as a parameter row.</summary>
    public static Dictionary<string, object?> KeyRow(RelationshipKey key)
    {
        var canonical = key.Canonical();
        return new Dictionary<string, object?> { ["id"] = canonical.ToId(), ["from"] = canonical.From.Value, ["to"] = canonical.To.Value };
    }

    /// <summary>
    /// Returns each bound edge <c>r</c> once with its properties and evidence maps (ordered by ordinal).
    /// <paramref name="carry"/> are extra columns kept beside the edge, such as the anchor actor.
    /// </summary>
    private static string EdgeTail(string? carry = null)
    {
        var keep = carry is null ? "r" : $"{carry}, r";
        var group = carry is null ? "" : carry[(carry.LastIndexOf(' ') + 1)..] + ", ";
        return $"""
            WITH DISTINCT {keep}
            OPTIONAL MATCH (e:Evidence {"{"}edgeId: r.id{"}"})
            WITH {group}r, e
            ORDER BY e.ordinal
            RETURN {group}properties(r) AS props, collect(e
            """ + " {.*}) AS evidence";
    }

    /// <summary>
    /// <c>:A|B</c> for the allowed types (names from the ontology's closed list), or nothing for all: the other end is
    /// always matched as an <c>:Actor</c>, which keeps walks off the Evidence and Document links.
    /// </summary>
    private static string TypePattern(RelationshipFilter filter) =>
        filter.Types is { Count: > 0 } types ? ":" + string.Join("|", types.Order().Select(GraphProperties.TypeName)) : "";

    /// <summary>The filter's conditions on one edge variable, each prefixed with AND; direction is seen from <paramref name="anchor"/>.</summary>
    private static string Conditions(RelationshipFilter filter, string edge, string anchor, Dictionary<string, object?> parameters)
    {
        var conditions = RelationshipConditions(filter, edge, parameters);
        if (filter.Direction != Direction.Both)
        {
            var end = filter.Direction == Direction.Outgoing ? "startNode" : "endNode";
            conditions.Add($"({end}({edge}) = {anchor} OR type({edge}) IN $symmetricTypes)");
            parameters["symmetricTypes"] = s_symmetricTypes;
        }

        return string.Concat(conditions.Select(c => "\n  AND " + c));
    }

    /// <summary>Confidence, document and time-window conditions (the parts of a filter that do not depend on direction).</summary>
    private static List<string> RelationshipConditions(RelationshipFilter filter, string edge, Dictionary<string, object?> parameters)
    {
        var conditions = new List<string>();
        if (filter.MinConfidence is { } min)
        {
            conditions.Add($"{edge}.confidence >= $minConfidence");
            parameters["minConfidence"] = min;
        }

        if (filter.Document is { } document)
        {
            conditions.Add($"$document IN {edge}.documents");
            parameters["document"] = document.Value;
        }

        if (filter.From is not null || filter.To is not null)
        {
            // Undated edges are left out of a window: nothing says they fall inside.
            var (start, end) = GraphProperties.Window(filter.From, filter.To);
            conditions.Add($"({edge}.validStart IS NOT NULL OR {edge}.validEnd IS NOT NULL)");
            conditions.Add($"coalesce({edge}.validStart, '0001-01-01') <= $windowEnd");
            conditions.Add($"coalesce({edge}.validEnd, '9999-12-31') >= $windowStart");
            parameters["windowStart"] = start;
            parameters["windowEnd"] = end;
        }

        return conditions;
    }
}
