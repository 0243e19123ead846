// The graph model: a graphology multigraph of the actors and relationships on the canvas, with what the analyst did to
// it (hidden, pinned, positions), an undo/redo history and the URL form of the scene. Panels read it; sigma draws it.
import Graph from 'graphology';
import { kindColour, kindShape, typeColour } from './style.js';
import { foldOfficials, unfoldOfficials } from './folding.js';

/** One drawn edge stands for every relationship of one type between two actors (parallel edges grouped, "×n"). */
export function groupKey(rel) {
  return `${rel.type}|${rel.from.actorId}|${rel.to.actorId}`;
}

/** A partial date ("2024", "2024-10", "2024-10-03") as [first month index, last month index] (year*12 + month-1). */
export function monthRange(partial) {
  if (!partial) return null;
  const [y, m] = partial.split('-').map(Number);
  if (!Number.isFinite(y)) return null;
  if (!m) return [y * 12, y * 12 + 11];
  return [y * 12 + m - 1, y * 12 + m - 1];
}

/** The validity of a relationship in months, or null when undated: validFrom..validTo, either end open. */
export function validity(rel) {
  const from = monthRange(rel.facts?.validFrom);
  const to = monthRange(rel.facts?.validTo);
  if (!from && !to) {
    const d = monthRange(rel.date);
    return d ? [d[0], d[1]] : null;
  }
  return [from ? from[0] : -Infinity, to ? to[1] : Infinity];
}

export class Scene {
  constructor() {
    this.graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
    this.relationships = new Map(); // relationship global id -> brief
    this.hidden = new Set(); // actor ids hidden by the analyst
    this.undoStack = [];
    this.redoStack = [];
    this.listeners = new Set();
    this.sizeBy = 'degree';
    this.folded = false; // officials folded into their agency, organization or state (folding.js)
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  changed(reason) {
    for (const l of this.listeners) l(reason);
  }

  /** Saves the scene before a change the analyst may want to undo; `label` names it in the history list. */
  checkpoint(label) {
    this.undoStack.push({ label, state: this.snapshot() });
    if (this.undoStack.length > 100) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  snapshot() {
    return { graph: this.graph.export(), rels: [...this.relationships.entries()], hidden: [...this.hidden], folded: this.folded };
  }

  restore(state) {
    this.graph.clear();
    this.graph.import(state.graph);
    this.relationships = new Map(state.rels);
    this.hidden = new Set(state.hidden);
    this.folded = !!state.folded;
  }

  /** Folds or unfolds the officials; folding again after the scene grew takes in the newcomers. */
  setFolded(folded) {
    unfoldOfficials(this);
    this.folded = folded;
    return folded ? foldOfficials(this) : 0;
  }

  undo() {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    this.redoStack.push({ label: entry.label, state: this.snapshot() });
    this.restore(entry.state);
    this.changed('undo');
    return entry.label;
  }

  redo() {
    const entry = this.redoStack.pop();
    if (!entry) return null;
    this.undoStack.push({ label: entry.label, state: this.snapshot() });
    this.restore(entry.state);
    this.changed('redo');
    return entry.label;
  }

  nodeSize(degree, evidence) {
    const basis = this.sizeBy === 'evidence' ? evidence : degree;
    return 5 + 3 * Math.log2(1 + (basis || 0));
  }

  /** Adds an actor (no-op when present). New actors are placed on a ring around `near`, or around the centre. */
  addActor(actor, near, index = 0, count = 1) {
    const key = actor.actorId;
    if (this.graph.hasNode(key)) {
      if (actor.degree !== undefined) this.graph.setNodeAttribute(key, 'degree', actor.degree);
      return key;
    }
    let x = 0;
    let y = 0;
    if (near && this.graph.hasNode(near)) {
      const centre = this.graph.getNodeAttributes(near);
      const radius = 40 + 6 * Math.sqrt(count);
      const angle = (2 * Math.PI * index) / Math.max(count, 1) + 0.3;
      x = centre.x + radius * Math.cos(angle);
      y = centre.y + radius * Math.sin(angle);
    } else if (this.graph.order > 0) {
      const angle = this.graph.order * 2.399;
      const radius = 30 * Math.sqrt(this.graph.order);
      x = radius * Math.cos(angle);
      y = radius * Math.sin(angle);
    }
    this.graph.addNode(key, {
      label: actor.name,
      kind: actor.kind,
      gid: actor.id,
      degree: actor.degree ?? 0,
      evidence: 0,
      x,
      y,
      size: this.nodeSize(actor.degree ?? 0, 0),
      color: kindColour(actor.kind),
      type: kindShape(actor.kind),
      hidden: false, // set now, so the filters pass writes nothing (and sigma hears nothing) for a visible newcomer
    });
    return key;
  }

  /**
   * Adds relationships and their actors, and sizes the actors; returns, for each relationship, the key of the (grouped)
   * edge that draws it. Every actor and edge is added with its final look, so sigma hears one event per element (a
   * 500-neighbour expand used to emit six per relationship). New actors go on a ring around `near`.
   */
  addRelationships(rels, near) {
    const evidence = new Map(); // actor -> evidence count the new relationships bring it
    const groups = new Map(); // edge key -> the relationship ids it gains
    const keys = rels.map((rel, i) => {
      const from = this.addActor(rel.from, near, i, rels.length);
      const to = this.addActor(rel.to, near, i, rels.length);
      const key = groupKey(rel);
      if (!this.relationships.has(rel.id)) {
        this.relationships.set(rel.id, rel);
        for (const end of [from, to]) evidence.set(end, (evidence.get(end) ?? 0) + (rel.evidenceCount || 0));
      }
      if (!groups.has(key)) groups.set(key, { from, to, symmetric: rel.symmetric, type: rel.type, ids: [] });
      groups.get(key).ids.push(rel.id);
      return key;
    });
    for (const [key, group] of groups) {
      if (this.graph.hasEdge(key)) {
        const ids = this.graph.getEdgeAttribute(key, 'rels');
        const before = ids.length;
        for (const id of group.ids) if (!ids.includes(id)) ids.push(id);
        if (ids.length !== before) this.styleEdge(key);
      } else {
        const ids = [...new Set(group.ids)];
        this.graph.addDirectedEdgeWithKey(key, group.from, group.to, { relType: group.type, rels: ids, symmetric: group.symmetric, hidden: false, ...this.edgeStyle(ids) });
      }
    }
    this.restyleNodes(evidence);
    return keys;
  }

  /** The edge's caption (type, ×count for grouped edges, ⚠ when its sources disagree), colour, width and program. */
  edgeStyle(ids) {
    const rels = ids.map((id) => this.relationships.get(id));
    const type = rels[0].type;
    const conflict = rels.some((r) => r.conflicts && r.conflicts.length > 0);
    const evidence = rels.reduce((n, r) => n + (r.evidenceCount || 0), 0);
    return {
      label: `${conflict ? '⚠ ' : ''}${type}${rels.length > 1 ? ` ×${rels.length}` : ''}`,
      conflict,
      baseColor: conflict ? '#d62728' : typeColour(type),
      color: conflict ? '#d62728' : typeColour(type),
      size: Math.min(1 + Math.log2(1 + evidence), 6),
      type: rels[0].symmetric ? 'line' : 'arrow',
    };
  }

  styleEdge(key) {
    this.graph.mergeEdgeAttributes(key, this.edgeStyle(this.graph.getEdgeAttribute(key, 'rels')));
  }

  /**
   * Sizes from degree or evidence, in one pass and one graph event (sigma then reprocesses the nodes once, not per
   * node); `addedEvidence` (actor -> count) is added to the actors' evidence counts in the same pass.
   */
  restyleNodes(addedEvidence = null) {
    this.graph.updateEachNodeAttributes((n, a) => {
      if (addedEvidence?.has(n)) a.evidence += addedEvidence.get(n);
      a.size = this.nodeSize(a.degree, a.evidence);
      return a;
    }); // no hints: sigma then reindexes too, which nodes added since its last frame need
  }

  hide(actorIds) {
    for (const id of actorIds) this.hidden.add(id);
  }

  /** Removes hidden actors from "hidden" (they come back into view). */
  showAll() {
    this.hidden.clear();
  }

  remove(actorId) {
    if (!this.graph.hasNode(actorId)) return;
    this.graph.forEachEdge(actorId, (edge, attrs) => {
      for (const id of attrs.rels) this.relationships.delete(id);
    });
    this.graph.dropNode(actorId);
  }

  togglePin(actorId) {
    const pinned = !this.graph.getNodeAttribute(actorId, 'fixed');
    this.graph.setNodeAttribute(actorId, 'fixed', pinned);
    return pinned;
  }

  /** The scene in a form small enough for the URL: actors with positions and pins, relationship ids, hidden actors. */
  toUrlState(extra) {
    const nodes = [];
    this.graph.forEachNode((n, a) => nodes.push([n, Math.round(a.x * 10) / 10, Math.round(a.y * 10) / 10, a.fixed ? 1 : 0]));
    return { v: 1, n: nodes, r: [...this.relationships.keys()], h: [...this.hidden], f: this.folded ? 1 : undefined, ...extra };
  }
}

/** base64url of UTF-8 JSON, for the URL's hash. */
export function encodeState(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeState(text) {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
