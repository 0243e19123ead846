// What the analyst filters on (kind, type, confidence, stance, document, time window) and how the scene's `hidden`
// attributes follow from it. Computed once per change, so drawing a frame does no filtering.
import { validity } from './scene.js';
import { kinds } from './style.js';

export function defaultFilters() {
  return {
    kinds: new Set(kinds),
    types: null, // null: every type
    minConfidence: 0,
    stances: new Set(['ASSERTS', 'HEDGED', 'DENIES']),
    document: '',
    window: null, // [first month, last month] or null for all time
  };
}

export function relationshipPasses(rel, f) {
  if (f.types && !f.types.has(rel.type)) return false;
  if (rel.confidence < f.minConfidence) return false;
  const evidence = rel.evidence?.nodes ?? [];
  if (evidence.length > 0 || f.document) {
    const ok = evidence.some((e) => f.stances.has(e.stance) && (!f.document || e.documentId === f.document));
    if (!ok) return false;
  }
  if (f.window) {
    const v = validity(rel);
    if (v && (v[1] < f.window[0] || v[0] > f.window[1])) return false;
  }
  return true;
}

/** Sets `hidden` on every node and edge from the filters and the analyst's hidden actors; returns what is visible. */
export function applyFilters(scene, f) {
  const graph = scene.graph;
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((n, a) => {
    const hidden = scene.hidden.has(n) || !!a.foldedInto || !f.kinds.has(a.kind); // foldedInto: folding.js
    if (a.hidden !== hidden) graph.setNodeAttribute(n, 'hidden', hidden);
    if (!hidden) nodes++;
  });
  graph.forEachEdge((e, a, s, t, sa, ta) => {
    const hidden = sa.hidden || ta.hidden || !a.rels.some((id) => relationshipPasses(scene.relationships.get(id), f));
    if (a.hidden !== hidden) graph.setEdgeAttribute(e, 'hidden', hidden);
    if (!hidden) edges++;
  });
  return { nodes, edges };
}

/** Evidence counted by the year its relationship is dated to (validFrom, else validTo), for the time bar. */
export function histogram(scene) {
  const years = new Map();
  let undated = 0;
  for (const rel of scene.relationships.values()) {
    const v = validity(rel);
    const weight = rel.evidenceCount || 1;
    if (!v) {
      undated += weight;
      continue;
    }
    const month = Number.isFinite(v[0]) ? v[0] : v[1];
    const year = Math.floor(month / 12);
    years.set(year, (years.get(year) ?? 0) + weight);
  }
  return { years, undated };
}
