// Schema of the relationship graph in Neo4j (5.x; 4.4 accepts the same syntax).
// Run once before seed.cypher: cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f cypher/schema.cypher
// The Neo4j store runs these same statements (this file is embedded in Graph.Storage.Neo4j) on first connect.
// Every statement is idempotent: the constraints and indexes are guarded (IF NOT EXISTS, IF EXISTS); the data
// migrations at the end run once per database, behind the schema version marker (see there).

// Identity: every actor, document and evidence has one node per id.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
// The one schema version marker, (:GraphSchema {key: 'graph', version}): see the data migrations at the end.
CREATE CONSTRAINT graph_schema_key IF NOT EXISTS FOR (g:GraphSchema) REQUIRE g.key IS UNIQUE;

// Lookups the store and the analyst queries make. actor_name serves Bloom's search phrases (MATCH (a:Actor {name: $actor}),
// and the perspective lists it among its indexes), not the store.
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
// An actor by name: its folded own name (range index); by alias and by part of a name: its folded names between
// line breaks (text index, which serves CONTAINS). Evidence by part of a quote: the folded quote (text index).
CREATE INDEX actor_folded_name IF NOT EXISTS FOR (a:Actor) ON (a.foldedName);
CREATE TEXT INDEX actor_name_keys IF NOT EXISTS FOR (a:Actor) ON (a.nameKeys);
CREATE TEXT INDEX evidence_folded_quote IF NOT EXISTS FOR (e:Evidence) ON (e.foldedQuote);
CREATE INDEX evidence_edge IF NOT EXISTS FOR (e:Evidence) ON (e.edgeId);
// Corroborated edges (more than one evidence) are found from their evidence with ordinal 1: an edge has one exactly
// when it has a second evidence (CypherQueries.CorroboratedEdges).
CREATE INDEX evidence_ordinal IF NOT EXISTS FOR (e:Evidence) ON (e.ordinal);
CREATE INDEX evidence_source IF NOT EXISTS FOR (e:Evidence) ON (e.attributedTo);
CREATE INDEX document_publisher IF NOT EXISTS FOR (d:Document) ON (d.publisher);
// No statement seeks or orders documents by published (the store sorts evidence by publishedKey after a text-index
// hit; the analyst queries order by it after a traversal, where no index can give the order), and Bloom does not
// list it: dropped where an older schema created it.
DROP INDEX document_published IF EXISTS;

// Ingestion: duplicates by content hash, versions by URL, the review queue by status and by document.
CREATE INDEX document_content_hash IF NOT EXISTS FOR (d:Document) ON (d.contentHash);
CREATE INDEX document_url IF NOT EXISTS FOR (d:Document) ON (d.url);
CREATE INDEX proposal_status IF NOT EXISTS FOR (p:Proposal) ON (p.status);
// proposal_document also orders the whole queue: the review list scans it (p.documentId IS NOT NULL) in documentId order.
CREATE INDEX proposal_document IF NOT EXISTS FOR (p:Proposal) ON (p.documentId);

// Full-text search over names and aliases (Bloom's search bar uses it; so can analysts):
// CALL db.index.fulltext.queryNodes('actor_names', 'pyongyang') YIELD node, score RETURN node.name, score;
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliasText];
// Ingestion's text search uses these two; 'standard-folding' folds accents, so "zurich" finds "Zürich". (An index
// created before this option keeps its analyzer: drop it and reconnect to recreate it.)
CREATE FULLTEXT INDEX evidence_quotes IF NOT EXISTS FOR (e:Evidence) ON EACH [e.quote] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX document_texts IF NOT EXISTS FOR (d:Document) ON EACH [d.title, d.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// Edge ids had one index per relationship type; every edge is reached from its end actors (whose id index
// serves), so nothing used them. Dropped where an older schema created them.
DROP INDEX rel_voted_for_id IF EXISTS;
DROP INDEX rel_vetoed_id IF EXISTS;
DROP INDEX rel_violates_id IF EXISTS;
DROP INDEX rel_reported_id IF EXISTS;
DROP INDEX rel_deployed_id IF EXISTS;
DROP INDEX rel_withdrew_from_id IF EXISTS;
DROP INDEX rel_ratified_id IF EXISTS;
DROP INDEX rel_party_to_id IF EXISTS;
DROP INDEX rel_signed_id IF EXISTS;
DROP INDEX rel_adopted_id IF EXISTS;
DROP INDEX rel_targets_id IF EXISTS;
DROP INDEX rel_allied_with_id IF EXISTS;
DROP INDEX rel_supports_id IF EXISTS;
DROP INDEX rel_supplies_arms_to_id IF EXISTS;
DROP INDEX rel_sanctions_id IF EXISTS;
DROP INDEX rel_attacked_id IF EXISTS;
DROP INDEX rel_at_war_with_id IF EXISTS;
DROP INDEX rel_leads_id IF EXISTS;
DROP INDEX rel_member_of_id IF EXISTS;
DROP INDEX rel_located_in_id IF EXISTS;
DROP INDEX rel_employs_id IF EXISTS;
DROP INDEX rel_gifted_id IF EXISTS;
DROP INDEX rel_met_with_id IF EXISTS;
DROP INDEX rel_visited_id IF EXISTS;

// ---- data migrations ----
// Each rewrites existing data once, so it must not scan the graph on every connect. The marker node
// (:GraphSchema {key: 'graph'}) holds the version of the last migration a database has had; the last statement of
// this file writes it. The store reads the marker after the statements above and sends the migrations only while its
// version is below the one written here. Run by hand (cypher-shell -f cypher/schema.cypher, or Neo4j Browser's
// multi-statement editor), the whole file runs; each migration checks the marker itself, so on a database that had
// it the migration reads one node and writes nothing. To run one again, lower the marker first:
//   MATCH (g:GraphSchema {key: 'graph'}) SET g.version = 0;
// A new migration: append it here guarded by `coalesce(g.version, 0) < N`, and raise the version below to N.

// Version 1: actors written before foldedName and nameKeys existed get them from their folded names.
OPTIONAL MATCH (g:GraphSchema {key: 'graph'})
WITH g WHERE coalesce(g.version, 0) < 1
MATCH (a:Actor) WHERE a.nameKeys IS NULL AND a.foldedNames IS NOT NULL
SET a.foldedName = a.foldedNames[0], a.nameKeys = reduce(keys = '\n', n IN a.foldedNames | keys + n + '\n');

// The marker, last: written only once every migration above has run.
MERGE (g:GraphSchema {key: 'graph'})
SET g.version = 1;
