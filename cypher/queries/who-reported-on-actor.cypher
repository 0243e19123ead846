// Question: who reported on an actor, in which documents, and with what words (GraphQL: actor { reportedBy })?
:param actor => 'state:north-korea';

MATCH (reporter:Actor)-[r:REPORTED]->(subject:Actor {id: $actor})
MATCH (e:Evidence {edgeId: r.id})-[:CITES]->(d:Document)
RETURN reporter.name AS reporter, labels(reporter) AS kinds, e.quote AS quote, e.stance AS stance,
       d.title AS document, d.published AS published, r.confidence AS confidence
ORDER BY d.published DESC, reporter.name;
