// Officials folded into the actor they lead or belong to: each Official is hidden, counted on its host's label, and
// its edges are drawn from the host instead, grouped per type and pair as one edge ("×n"). The graph keeps the
// officials and their relationships (the URL, undo and exports still name them); only extra "fold:" edges are added.

/** Kinds an official can be folded into, most specific first. */
const hostKinds = ['AGENCY', 'ORGANIZATION', 'STATE'];
/** Relationship types that make a host, strongest first (ONTOLOGY.md: LEADS heads it, MEMBER_OF works for it). */
const hostTypes = ['LEADS', 'MEMBER_OF'];

/** The actor on the canvas an official folds into, or null (then it stays as it is). */
function hostOf(graph, official) {
  let best = null;
  let bestRank = Infinity;
  graph.forEachOutEdge(official, (e, a, s, target, sa, ta) => {
    if (a.fold) return;
    const typeRank = hostTypes.indexOf(a.relType);
    const kindRank = hostKinds.indexOf(ta.kind);
    if (typeRank < 0 || kindRank < 0) return;
    const rank = typeRank * hostKinds.length + kindRank;
    if (rank < bestRank) {
      bestRank = rank;
      best = target;
    }
  });
  return best;
}

/** Folds every official that has a host on the canvas; returns how many were folded. */
export function foldOfficials(scene) {
  const graph = scene.graph;
  const hosts = new Map();
  graph.forEachNode((n, a) => {
    if (a.kind !== 'OFFICIAL') return;
    const host = hostOf(graph, n);
    if (host) hosts.set(n, host);
  });
  if (hosts.size === 0) return 0;
  const counts = new Map();
  for (const [official, host] of hosts) {
    graph.setNodeAttribute(official, 'foldedInto', host);
    counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  for (const [host, n] of counts) {
    const a = graph.getNodeAttributes(host);
    graph.mergeNodeAttributes(host, { foldedCount: n, baseLabel: a.baseLabel ?? a.label, label: `${a.baseLabel ?? a.label} (+${n})` });
  }
  // Re-route: an edge with a folded end is drawn between the hosts; an edge inside one host (its LEADS) is not drawn.
  const proxies = new Set();
  graph.forEachEdge((e, a, s, t) => {
    if (a.fold || (!hosts.has(s) && !hosts.has(t))) return;
    const from = hosts.get(s) ?? s;
    const to = hosts.get(t) ?? t;
    if (from === to) return;
    const key = `fold:${a.relType}|${from}|${to}`;
    if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, from, to, { type: 'arrow', relType: a.relType, rels: [], symmetric: a.symmetric, fold: true, hidden: false });
    const rels = graph.getEdgeAttribute(key, 'rels');
    for (const id of a.rels) if (!rels.includes(id)) rels.push(id);
    proxies.add(key);
  });
  for (const key of proxies) scene.styleEdge(key);
  return hosts.size;
}

/** Takes every fold away: officials and their own edges come back, the hosts' labels lose their counts. */
export function unfoldOfficials(scene) {
  const graph = scene.graph;
  for (const e of graph.filterEdges((e, a) => a.fold)) graph.dropEdge(e);
  graph.forEachNode((n, a) => {
    if (a.foldedInto) graph.setNodeAttribute(n, 'foldedInto', null);
    if (a.foldedCount) graph.mergeNodeAttributes(n, { foldedCount: 0, label: a.baseLabel ?? a.label });
  });
}
