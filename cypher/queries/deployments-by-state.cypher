// Question: where has a state deployed personnel, how many, and since when (GraphQL: actor { deployed })?
// Each source's own figure is listed, so disputed numbers stay visible side by side.
:param state => 'state:north-korea';

MATCH (s:State {id: $state})-[r:DEPLOYED]->(target:Actor)
MATCH (e:Evidence {edgeId: r.id})-[:CITES]->(d:Document)
RETURN target.name AS to, r.personnel AS personnel, r.count AS count, r.countMin AS countMin, r.countMax AS countMax,
       r.validFrom AS since, r.validTo AS until, e.attributesJson AS figuresOfThisSource, e.quote AS quote, d.title AS document
ORDER BY r.validFrom, target.name, d.published;
