// Question: where do sources disagree on a figure (GraphQL: conflicts)?
// An edge with two or more evidence giving different figures; each figure is shown with its source.
MATCH (a:Actor)-[r]->(b:Actor)
WHERE r.evidenceCount > 1
MATCH (e:Evidence {edgeId: r.id})-[:CITES]->(d:Document)
WHERE e.attributesJson IS NOT NULL
WITH a, r, b, collect({figures: e.attributesJson, quote: e.quote, document: d.title}) AS claims
WHERE size(claims) > 1 AND size(reduce(seen = [], c IN claims | CASE WHEN c.figures IN seen THEN seen ELSE seen + c.figures END)) > 1
RETURN a.name AS from, type(r) AS relationship, b.name AS to, claims
ORDER BY from, relationship, to;
