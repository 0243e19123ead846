// Question: who is said to violate a resolution or treaty, according to whom (GraphQL: actor { violatedBy })?
:param resolution => 'resolution:unsc-resolution-2397';

MATCH (violator:Actor)-[r:VIOLATES]->(res:Actor {id: $resolution})
MATCH (e:Evidence {edgeId: r.id})-[:CITES]->(d:Document)
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(source:Actor)
RETURN violator.name AS violator, e.stance AS stance, e.quote AS quote,
       coalesce(source.name, 'the document') AS accordingTo, d.title AS document, d.published AS published
ORDER BY violator.name, d.published DESC;
