// The side panel's views: an actor (attributes, aliases, degree per type, timeline), an edge's evidence (with
// conflicting figures side by side), expanding a hub a type and a page at a time, paths, and the review queue.
import { graphql } from './api.js';
import * as q from './queries.js';
import { el, clear, formatNumber } from './dom.js';
import { title, kindColour, relationshipTypes } from './style.js';

function heading(text, ...extra) {
  return el('div', { class: 'panel-head' }, el('h2', { id: 'panel-title', tabindex: '-1' }, text), ...extra);
}

// Each view the panel is asked for gets a number; a view whose answer arrives after a later view was asked for is
// dropped, so a slow actor lookup (the first click of a double-click) never covers the expand counts asked after it.
let generation = 0;

/** Says the panel is loading and returns the view's number, for `stillCurrent`. */
export function loading(panel, what) {
  clear(panel, el('p', { class: 'muted', role: 'status' }, `Loading ${what}…`));
  return ++generation;
}

/** Shows a view that needs no answer (the history): an actor or edge still loading must not replace it. */
export function showNow(panel, ...children) {
  generation++;
  clear(panel, ...children);
}

function stillCurrent(view) {
  return view === generation;
}

export async function showActor(panel, actorId, { expand, openTimelineEdge }) {
  const view = loading(panel, 'the actor');
  const data = await graphql(q.actorDetails, { id: actorId });
  if (!stillCurrent(view)) return;
  const a = data.actor;
  clear(panel,
    heading(a.name, el('span', { class: 'kind-badge', style: `background:${kindColour(a.kind)}` }, title(a.kind))),
    a.description ? el('p', {}, a.description) : null,
    el('dl', { class: 'facts' },
      el('dt', {}, 'Id'), el('dd', {}, el('code', {}, a.actorId)),
      el('dt', {}, 'Aliases'), el('dd', {}, a.aliases.length ? a.aliases.join(', ') : '—'),
      el('dt', {}, 'Degree'), el('dd', {}, formatNumber(a.degree)),
      a.attributes.map((x) => [el('dt', {}, x.name), el('dd', {}, x.value)])),
    el('h3', {}, 'Relationships per type'),
    el('ul', { class: 'type-counts' }, a.degreeByType.map((t) => el('li', {}, `${t.type} `, el('span', { class: 'count' }, formatNumber(t.count))))),
    el('button', { type: 'button', onclick: () => expand(a.actorId) }, 'Expand… (E)'),
    el('h3', {}, 'Timeline'),
    data.timeline.nodes.length === 0
      ? el('p', { class: 'muted' }, 'No dated relationships.')
      : el('ol', { class: 'timeline' }, data.timeline.nodes.map((r) => el('li', {},
        el('span', { class: 'date' }, r.date ?? ''), ' ',
        el('button', { type: 'button', class: 'link', onclick: () => openTimelineEdge(r.id) }, r.caption)))));
}

function evidenceBlock(e, openDocument) {
  const d = e.document;
  const figures = e.sourceFacts ? Object.entries(e.sourceFacts).filter(([, v]) => v !== null && v !== undefined) : [];
  return el('article', { class: `evidence stance-${e.stance.toLowerCase()}` },
    el('blockquote', {}, e.quote),
    el('p', { class: 'source' },
      el('button', { type: 'button', class: 'link', onclick: () => openDocument(e.documentId, e.start, e.end) }, d.title),
      d.publisher ? ` · ${d.publisher.name}` : '',
      d.published ? ` · ${d.published}` : ''),
    el('p', { class: 'meta' },
      el('span', { class: 'stance' }, e.stance.toLowerCase()),
      ` · confidence ${e.confidence}`,
      e.attributedTo ? ` · credited to ${e.attributedTo.name}` : ' · not credited to anyone',
      ` · ${e.extractor}`),
    figures.length ? el('p', { class: 'figures' }, figures.map(([k, v]) => el('span', { class: 'figure' }, `${k}: ${typeof v === 'number' ? formatNumber(v) : v}`))) : null);
}

export async function showEvidence(panel, relIds, { openDocument, selectActor, siblings = [], current, openEdge }) {
  const view = loading(panel, 'the evidence');
  const data = await graphql(q.relationshipDetails, { ids: relIds });
  if (!stillCurrent(view)) return;
  const rels = data.nodes.filter(Boolean);
  if (rels.length === 0) {
    clear(panel, heading('Relationship not found'), el('p', {}, 'The relationship is no longer in the graph (it may have lost its evidence). Undo or remove it from the scene.'));
    return;
  }
  const first = rels[0];
  clear(panel,
    heading(`${first.from.name} ${first.type} ${first.to.name}`),
    el('p', { class: 'muted' }, first.meaning, rels.length > 1 ? ` · ${rels.length} relationships grouped on this edge` : ''),
    el('p', {},
      el('button', { type: 'button', class: 'link', onclick: () => selectActor(first.from.actorId) }, first.from.name), ' → ',
      el('button', { type: 'button', class: 'link', onclick: () => selectActor(first.to.actorId) }, first.to.name)),
    // Edges between the same two actors are drawn over each other: name them all, so each can be opened.
    siblings.length > 1 ? el('nav', { class: 'siblings', 'aria-label': 'Edges between these actors' }, 'Between these actors: ',
      siblings.map((x) => el('button', { type: 'button', 'aria-pressed': String(x.key === current), onclick: () => openEdge(x.key) }, x.label))) : null,
    rels.map((r) => el('section', { class: 'relationship', 'aria-label': r.caption },
      rels.length > 1 ? el('h3', {}, r.caption) : null,
      el('p', { class: 'meta' }, `${formatNumber(r.evidenceCount)} piece(s) of evidence · confidence ${r.confidence}`,
        r.facts.validFrom ? ` · from ${r.facts.validFrom}` : '', r.facts.validTo ? ` · until ${r.facts.validTo}` : '',
        r.facts.personnel ? ` · ${r.facts.personnel}` : ''),
      r.conflicts.map((c) => el('section', { class: 'conflict', 'aria-label': 'Sources disagree' },
        el('h3', {}, `⚠ Sources disagree on the ${c.quantity.toLowerCase()}`),
        el('div', { class: 'side-by-side' }, c.claims.map((claim) => el('div', { class: 'claim' },
          el('p', { class: 'claim-figure' }, claim.display),
          el('blockquote', {}, claim.statedIn.quote),
          el('p', { class: 'source' }, claim.statedIn.document.title,
            claim.statedIn.document.publisher ? ` · ${claim.statedIn.document.publisher.name}` : '',
            claim.statedIn.document.published ? ` · ${claim.statedIn.document.published}` : '',
            claim.statedIn.attributedTo ? ` · credited to ${claim.statedIn.attributedTo.name}` : '')))))),
      r.evidence.nodes.map((e) => evidenceBlock(e, openDocument)))));
}

/** Expanding an actor: counts per type and direction first, then one page of one type (or of all) at a time. */
export async function showExpand(panel, actorId, { drawPage, drawAll, pageSize }) {
  const view = loading(panel, 'relationship counts');
  const data = await graphql(q.expandCounts, { id: actorId });
  if (!stillCurrent(view)) return;
  const a = data.actor;
  const rows = new Map();
  for (const [dir, list] of [['OUTGOING', a.outgoing], ['INCOMING', a.incoming]]) {
    for (const t of list) {
      const row = rows.get(t.type) ?? { type: t.type, OUTGOING: 0, INCOMING: 0 };
      row[dir] = t.count;
      rows.set(t.type, row);
    }
  }
  const size = el('select', { 'aria-label': 'Page size' }, [25, 50, 100, 250, 500].map((n) => el('option', { value: n, selected: n === pageSize }, `${n} per page`)));
  const button = (row, dir, label) => {
    const count = row[dir];
    if (!count) return el('td', {}, '—');
    return el('td', {}, el('button', {
      type: 'button',
      'aria-label': `Draw ${label} ${row.type} of ${a.name}`,
      onclick: async (ev) => {
        ev.currentTarget.disabled = true;
        const more = await drawPage(a.actorId, row.type, dir, Number(size.value));
        ev.currentTarget.disabled = false;
        ev.currentTarget.textContent = more.remaining > 0 ? `next ${formatNumber(Math.min(Number(size.value), more.remaining))} of ${formatNumber(more.remaining)}` : `drawn ${formatNumber(count)}`;
        if (more.remaining === 0) ev.currentTarget.disabled = true;
      },
    }, `${formatNumber(count)}`));
  };
  clear(panel,
    heading(`Expand ${a.name}`),
    el('p', { class: 'muted' }, `${formatNumber(a.degree)} relationships. Counts come first; each button draws one page of that type (symmetric types count both ways).`),
    el('table', { class: 'expand' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Type'), el('th', {}, 'Outgoing'), el('th', {}, 'Incoming'))),
      el('tbody', {}, [...rows.values()].map((row) => el('tr', {}, el('th', { scope: 'row' }, row.type), button(row, 'OUTGOING', 'outgoing'), button(row, 'INCOMING', 'incoming'))))),
    el('p', {}, size, ' ', el('button', { type: 'button', class: 'primary', onclick: () => drawAll(a.actorId, Number(size.value)) }, 'Draw all types (one page each)')));
}

export function showPaths(panel, { from, to, run, actors }) {
  generation++; // an actor or edge still loading must not replace the form
  const mode = el('select', { id: 'path-mode', 'aria-label': 'Path mode' },
    el('option', { value: 'SHORTEST' }, 'Shortest'), el('option', { value: 'ALL_SHORTEST', selected: true }, 'All shortest'), el('option', { value: 'ALL_SIMPLE' }, 'All simple'));
  const fromInput = el('input', { id: 'path-from', value: from ?? '', placeholder: 'from: name, alias or id', 'aria-label': 'Path from' });
  const toInput = el('input', { id: 'path-to', value: to ?? '', placeholder: 'to: name, alias or id', 'aria-label': 'Path to' });
  const types = el('input', { id: 'path-types', placeholder: 'types, e.g. REPORTED, VIOLATES (all when empty)', 'aria-label': 'Path relationship types' });
  const depth = el('input', { id: 'path-depth', type: 'number', min: 1, max: 8, value: 4, 'aria-label': 'Most hops' });
  const result = el('div', { id: 'path-result', role: 'status' });
  const datalist = el('datalist', { id: 'path-actors' }, (actors ?? []).map((n) => el('option', { value: n })));
  fromInput.setAttribute('list', 'path-actors');
  toInput.setAttribute('list', 'path-actors');
  clear(panel,
    heading('Paths'),
    el('form', {
      class: 'paths-form',
      onsubmit: (e) => {
        e.preventDefault();
        run({ from: fromInput.value.trim(), to: toInput.value.trim(), mode: mode.value, types: types.value.split(/[\s,]+/).filter(Boolean).map((t) => t.toUpperCase()), maxDepth: Number(depth.value) }, result);
      },
    }, fromInput, toInput, el('label', {}, 'Mode ', mode), el('label', {}, 'Most hops ', depth), types, datalist, el('button', { type: 'submit', class: 'primary' }, 'Find paths')),
    result);
}

/** The form that edits one proposal: only the fields changed are sent to editProposal. */
function editForm(p, save, cancel) {
  const type = el('select', { 'aria-label': 'Relationship type' }, relationshipTypes.map((t) => el('option', { value: t, selected: t === p.type }, t)));
  const stance = el('select', { 'aria-label': 'Stance' }, ['ASSERTS', 'HEDGED', 'DENIES'].map((x) => el('option', { value: x, selected: x === p.stance }, x.toLowerCase())));
  const from = el('input', { 'aria-label': 'From actor', placeholder: `${p.from.name} (unchanged)` });
  const to = el('input', { 'aria-label': 'To actor', placeholder: `${p.to.name} (unchanged)` });
  const start = el('input', { type: 'number', min: 0, value: p.start, 'aria-label': 'Quote start' });
  const end = el('input', { type: 'number', min: 0, value: p.end, 'aria-label': 'Quote end' });
  const credited = el('input', { 'aria-label': 'Credited to', placeholder: p.attributedTo ? `${p.attributedTo.name} (unchanged)` : 'no one (unchanged)' });
  const clearCredit = el('input', { type: 'checkbox', 'aria-label': 'Credit no one' });
  return el('form', {
    class: 'proposal-edit',
    'aria-label': `Edit proposal ${p.proposalId}`,
    onsubmit: (e) => {
      e.preventDefault();
      const input = { id: p.proposalId };
      if (type.value !== p.type) input.type = type.value;
      if (stance.value !== p.stance) input.stance = stance.value;
      if (from.value.trim()) input.from = from.value.trim();
      if (to.value.trim()) input.to = to.value.trim();
      if (Number(start.value) !== p.start) input.start = Number(start.value);
      if (Number(end.value) !== p.end) input.end = Number(end.value);
      if (credited.value.trim()) input.attributedTo = credited.value.trim();
      if (clearCredit.checked) input.clearAttribution = true;
      save(input);
    },
  },
  el('label', {}, 'Type ', type), el('label', {}, 'Stance ', stance),
  el('label', {}, 'From ', from), el('label', {}, 'To ', to),
  el('label', {}, 'Quote from ', start), el('label', {}, 'to ', end),
  el('label', {}, 'Credited to ', credited), el('label', { class: 'check' }, clearCredit, 'credit no one'),
  el('p', {}, el('button', { type: 'submit', class: 'primary' }, 'Save the edit'), ' ', el('button', { type: 'button', onclick: cancel }, 'Cancel')));
}

export async function showReview(panel, { apiKey, setApiKey, openDocument, reviewed, notice = '' }) {
  const view = loading(panel, 'the review queue');
  const keyInput = el('input', { type: 'password', value: apiKey ?? '', placeholder: 'API key (needed to accept, reject or edit)', 'aria-label': 'API key' });
  let data;
  try {
    data = await graphql(q.proposals);
  } catch (e) {
    if (stillCurrent(view)) clear(panel, heading('Review queue'), el('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  if (!stillCurrent(view)) return;
  const list = data.proposals;
  const status = el('p', { role: 'status', class: 'muted' }, notice);
  const write = async (mutation, variables, done) => {
    setApiKey(keyInput.value.trim());
    try {
      const result = await graphql(mutation, variables, { apiKey: keyInput.value.trim() });
      reviewed(typeof done === 'function' ? done(result) : done);
    } catch (e) {
      status.textContent = e.message;
      status.className = 'error';
      status.setAttribute('role', 'alert');
    }
  };
  const describe = (p) => `${p.from.name} ${p.type} ${p.to.name}`;
  const item = (p) => {
    const row = el('li', { dataset: { proposal: p.proposalId } });
    const edit = () => row.replaceChildren(
      el('p', {}, el('strong', {}, p.from.name), ` ${p.type} `, el('strong', {}, p.to.name)),
      el('blockquote', {}, p.quote),
      editForm(p, (input) => write(q.editProposal, { input }, (r) => `Edited ${describe(p)}: now ${describe(r.editProposal)}, ${r.editProposal.stance.toLowerCase()}.`), () => row.replaceWith(item(p))));
    row.append(
      el('p', {}, el('strong', {}, p.from.name), ` ${p.type} `, el('strong', {}, p.to.name),
        el('span', { class: 'muted' }, ` · ${p.rule} · ${p.confidence} · `), el('span', { class: 'stance' }, p.stance.toLowerCase()),
        p.attributedTo ? el('span', { class: 'muted' }, ` · credited to ${p.attributedTo.name}`) : null),
      el('blockquote', {}, p.quote),
      el('p', {},
        el('button', { type: 'button', class: 'link', title: 'Open the document at this quote', onclick: () => openDocument(p.documentId, p.start, p.end, true) }, p.document?.title ?? p.documentId), ' ',
        el('button', { type: 'button', onclick: () => write(q.acceptProposal, { id: p.proposalId }, `Accepted ${describe(p)}.`) }, 'Accept'), ' ',
        el('button', { type: 'button', onclick: () => write(q.rejectProposal, { id: p.proposalId }, `Rejected ${describe(p)}.`) }, 'Reject'), ' ',
        el('button', { type: 'button', onclick: edit }, 'Edit')));
    return row;
  };
  clear(panel,
    heading('Review queue', el('span', { class: 'count' }, `${formatNumber(list.totalCount)} pending`)),
    keyInput, status,
    list.nodes.length === 0 ? el('p', { class: 'muted' }, 'Nothing waits for review. Ingest a document (graph ingest FILE, or the ingestDocument mutation) to fill the queue.') : null,
    el('ul', { class: 'proposals' }, list.nodes.map(item)));
}
