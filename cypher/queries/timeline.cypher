// Question: what happened to or by an actor in a period, oldest first (GraphQL: actor { timeline(from, to) })?
// Dates are ISO 8601 days; an edge counts when its validity overlaps the window.
:param actor => 'state:north-korea';
:param from => '2024-01-01';
:param to => '2025-12-31';

MATCH (a:Actor {id: $actor})-[r]-(other:Actor)
WHERE (r.validStart IS NOT NULL OR r.validEnd IS NOT NULL)
  AND coalesce(r.validStart, '0001-01-01') <= $to
  AND coalesce(r.validEnd, '9999-12-31') >= $from
RETURN coalesce(r.validFrom, r.validTo) AS date, type(r) AS relationship,
       CASE WHEN startNode(r) = a THEN 'to' ELSE 'from' END AS direction, other.name AS other, r.evidenceCount AS sources
ORDER BY coalesce(r.validStart, r.validEnd), relationship, other;
