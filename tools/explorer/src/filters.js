// What the analyst filters on (kind, type, confidence, stance, document, time window) and how the scene's `hidden`
// attributes follow from it. Computed once per change, so drawing a frame does no filtering.
import { validity, monthRange } from './scene.js';
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
  if (f.window && !inWindow(rel, f.window)) return false;
  return true;
}

/**
 * Whether a relationship's evidence falls in the window (months): a dated relationship (validFrom, validTo or its date)
 * when its validity overlaps the window, since that is when its evidence says it held; an undated one when one of its
 * evidence's documents was published in the window. A relationship with no date at all always passes.
 */
function inWindow(rel, window) {
  const v = validity(rel);
  if (v) return v[1] >= window[0] && v[0] <= window[1];
  const published = (rel.evidence?.nodes ?? []).map((e) => monthRange(e.documentPublished)).filter(Boolean);
  if (published.length === 0) return true;
  return published.some((d) => d[1] >= window[0] && d[0] <= window[1]);
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

/**
 * The time bar's histogram: every piece of evidence counted once, in the year it is dated to. A dated relationship's
 * evidence is dated by the relationship (validFrom, else validTo, else its date): what the sources say about when it
 * held. An undated relationship's evidence is dated by its document's publication date. Evidence with neither (or
 * beyond the 50 pieces a drawn edge carries, for an undated relationship) is counted as undated.
 */
export function histogram(scene) {
  const years = new Map();
  let undated = 0;
  const add = (month, n) => {
    const year = Math.floor(month / 12);
    years.set(year, (years.get(year) ?? 0) + n);
  };
  for (const rel of scene.relationships.values()) {
    const evidence = rel.evidence?.nodes ?? [];
    const total = Math.max(rel.evidenceCount || 0, evidence.length, 1);
    const v = validity(rel);
    if (v) {
      add(Number.isFinite(v[0]) ? v[0] : v[1], total);
      continue;
    }
    let dated = 0;
    for (const e of evidence) {
      const d = monthRange(e.documentPublished);
      if (!d) continue;
      add(d[0], 1);
      dated++;
    }
    undated += total - dated;
  }
  return { years, undated };
}
