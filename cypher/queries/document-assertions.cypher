// Question: what does a document say: every assertion it supports, with the quote (GraphQL: document { assertions })?
:param document => 'doc:nis-north-korean-workers-russia';

MATCH (d:Document {id: $document})<-[c:CITES]-(e:Evidence)
MATCH (e)-[:ABOUT {end: 'source'}]->(a:Actor)-[r]->(b:Actor)<-[:ABOUT {end: 'target'}]-(e)
WHERE r.id = e.edgeId
RETURN a.name AS from, type(r) AS relationship, b.name AS to, e.stance AS stance, e.quote AS quote, c.start AS offset
ORDER BY c.start;
