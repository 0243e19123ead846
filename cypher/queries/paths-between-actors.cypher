// Question: by which paths are two actors connected (GraphQL: paths(from, to, mode: ALL_SHORTEST))?
// Every shortest path over assertion edges, with each hop's type, direction and evidence count.
:param from => 'state:north-korea';
:param to => 'resolution:unsc-resolution-2397';

MATCH (a:Actor {id: $from})
MATCH (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:VOTED_FOR|VETOED|VIOLATES|REPORTED|DEPLOYED|WITHDREW_FROM|RATIFIED|PARTY_TO|SIGNED|ADOPTED|TARGETS|ALLIED_WITH|SUPPORTS|SUPPLIES_ARMS_TO|SANCTIONS|ATTACKED|AT_WAR_WITH|LEADS|MEMBER_OF|LOCATED_IN|EMPLOYS|GIFTED|MET_WITH|VISITED*1..6]-(b))
RETURN p,
       [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r) + ' (' + r.evidenceCount + ' sources)'] AS hops
ORDER BY length(p), actors
LIMIT 25;
