// The explorer's wiring: one scene (graph model), one canvas (sigma), the panels, the filters and time bar, the
// keyboard, and the URL that reopens the scene.
import { graphql, ApiError } from './api.js';
import * as q from './queries.js';
import { Scene, encodeState, decodeState, groupKey } from './scene.js';
import { Canvas } from './canvas.js';
import { defaultFilters, applyFilters, histogram } from './filters.js';
import { createSearch } from './search.js';
import * as panels from './panels.js';
import { openReader } from './reader.js';
import { exportPng, exportSvg, exportCsv, exportGraphml } from './exporting.js';
import { el, clear, formatNumber } from './dom.js';
import { kinds, kindColour, kindShape, relationshipTypes, title } from './style.js';
import { shapeIcon } from './shapes.js';

const $ = (id) => document.getElementById(id);
const scene = new Scene();
const filters = defaultFilters();
const panel = $('panel');
const message = $('message');
let canvas = null;
let pageSize = 50;
let apiKey = sessionStorage.getItem('graph-api-key') ?? '';
let highlightedPath = null;
let restoring = false;

// ---- messages: the canvas never stays blank without a sentence saying why ----
function say(text, kind = 'info', hint = false) {
  message.textContent = text;
  message.className = `message ${kind}`;
  message.hidden = !text;
  message.dataset.hint = hint ? 'true' : '';
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function showError(text) {
  say(text, 'error');
}

/** Says why the canvas is empty, and takes that hint away once it is not; other messages are left alone. */
function emptyHint(counts = null) {
  if (message.className.includes('error')) return; // an error stays until the next action
  if (scene.graph.order === 0) say('The canvas is empty: search for an actor above (try “DPRK”) to put it here.', 'info', true);
  else if (canvas && (counts ?? visibleCount()).nodes === 0) say('Every actor on the canvas is hidden or filtered out: loosen the filters or press “Show hidden actors”.', 'info', true);
  else if (message.dataset.hint) say('');
}

function visibleCount() {
  return applyFilters(scene, filters);
}

async function guarded(what, action) {
  if (message.className.includes('error')) say('');
  try {
    return await action();
  } catch (e) {
    const text = e instanceof ApiError ? e.message : `Something went wrong while ${what}: ${e.message}`;
    showError(text);
    if (!(e instanceof ApiError)) console.error(e);
    return undefined;
  }
}

// ---- scene changes ----
function refresh({ fit = false, reason = '' } = {}) {
  // Newcomers fold too; filters, the time window and layouts change no actor, so they leave the folds as they are.
  if (scene.folded && !['layout', 'filter', 'window', 'pin', 'hide', 'show'].includes(reason)) scene.setFolded(true);
  const counts = applyFilters(scene, filters);
  if (canvas) {
    canvas.tuneForSize();
    if (fit) canvas.fit();
  }
  renderTimebar();
  renderTypes();
  if (!$('list-view').hidden) renderList();
  $('btn-fold').setAttribute('aria-pressed', String(scene.folded));
  $('btn-undo').disabled = scene.undoStack.length === 0;
  $('btn-redo').disabled = scene.redoStack.length === 0;
  writeUrl();
  emptyHint(counts);
  document.body.dataset.nodes = counts.nodes;
  document.body.dataset.edges = counts.edges;
  if (reason) document.body.dataset.lastChange = reason;
}

function addRelationships(rels, near) {
  return scene.addRelationships(rels, near);
}

async function afterGrowth(fit = true) {
  refresh({ fit });
  if (canvas && scene.graph.order <= 3000) {
    // The new actors are drawn first; the layout (a worker to start, positions to copy) begins after that frame is out.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await canvas.force(scene.graph.order > 300 ? 2500 : 1200);
    refresh({ fit, reason: 'layout' });
  }
}

async function putActor(actor, select = true) {
  scene.checkpoint(`Add ${actor.name}`);
  const data = await graphql(q.actorsByIds, { ids: [actor.actorId] });
  const full = data.nodes[0] ?? actor;
  scene.addActor(full);
  refresh({ fit: scene.graph.order === 1, reason: 'add' });
  if (scene.graph.order > 1) canvas?.fit();
  if (select) await selectActor(actor.actorId);
}

async function selectActor(actorId, additive = false) {
  if (!scene.graph.hasNode(actorId)) {
    const data = await graphql(q.actorsByIds, { ids: [actorId] });
    if (!data.nodes[0]) throw new ApiError(`No actor ${actorId} in the graph.`);
    scene.checkpoint(`Add ${data.nodes[0].name}`);
    scene.addActor(data.nodes[0]);
    refresh({ fit: true, reason: 'add' });
  }
  const selected = additive ? [...canvas?.selectedNodes ?? [], actorId].slice(-2) : [actorId];
  canvas?.select(selected);
  $('selection-actions').hidden = false;
  document.body.dataset.selected = selected.join(' ');
  writeUrl();
  await panels.showActor(panel, actorId, {
    expand: (id) => guarded('expanding', () => expand(id)),
    openTimelineEdge: (relId) => guarded('opening the relationship', () => selectRelationship(relId)),
  });
}

async function selectRelationship(relId) {
  let key = [...scene.graph.edges()].find((e) => scene.graph.getEdgeAttribute(e, 'rels').includes(relId));
  if (!key) {
    const data = await graphql(q.relationshipsByIds, { ids: [relId] });
    const rel = data.nodes[0];
    if (!rel) throw new ApiError('That relationship is no longer in the graph.');
    scene.checkpoint(`Add ${rel.caption}`);
    key = addRelationships([rel])[0];
    await afterGrowth();
  }
  await openEdge(key);
}

async function openEdge(key) {
  const g = scene.graph;
  const rels = g.getEdgeAttribute(key, 'rels');
  const [s, t] = [g.source(key), g.target(key)];
  const siblings = [...new Set([...g.edges(s, t), ...g.edges(t, s)])].map((e) => ({ key: e, label: g.getEdgeAttribute(e, 'label') }));
  // The evidence request goes out first; the canvas redraws its selection while the API answers.
  const shown = panels.showEvidence(panel, rels, {
    siblings,
    current: key,
    openEdge: (k) => guarded('opening the evidence', () => openEdge(k)),
    openDocument: (doc, start, end) => guarded('opening the document', () => openDocument(doc, { start, end })),
    selectActor: (id) => guarded('selecting the actor', () => selectActor(id)),
  });
  // The selection is drawn once the panel is on screen: a canvas frame under software WebGL holds the page's next
  // paint for ~100 ms, and the panel is what the click asked for.
  const redraw = canvas?.select([], key, { draw: false });
  document.body.dataset.selectedEdge = key;
  writeUrl();
  try {
    await shown;
  } finally {
    requestAnimationFrame(() => redraw?.());
  }
}

async function expand(actorId) {
  if (!scene.graph.hasNode(actorId)) return;
  await panels.showExpand(panel, actorId, {
    pageSize,
    drawPage: (id, type, direction, size) => guarded('expanding', () => drawPage(id, type, direction, size)),
    drawAll: (id, size) => guarded('expanding', () => drawAll(id, size)),
  });
}

const cursors = new Map(); // `${actor}|${type}|${direction}` -> endCursor of the last page drawn

async function drawPage(actorId, type, direction, size) {
  pageSize = size;
  const key = `${actorId}|${type}|${direction}`;
  const after = cursors.get(key) ?? null;
  const data = await graphql(q.expandPage, { id: actorId, types: [type], direction, first: size, after });
  const page = data.actor.relationships;
  scene.checkpoint(`Expand ${type} of ${actorId}`);
  addRelationships(page.nodes, actorId);
  cursors.set(key, page.pageInfo.endCursor);
  const drawnSoFar = (cursors.get(`${key}|n`) ?? 0) + page.nodes.length;
  cursors.set(`${key}|n`, drawnSoFar);
  await afterGrowth();
  return { remaining: page.pageInfo.hasNextPage ? page.totalCount - drawnSoFar : 0 };
}

async function drawAll(actorId, size) {
  pageSize = size;
  const data = await graphql(q.neighbourhood, { id: actorId, depth: 1, edgesPerActor: size, edgeLimit: Math.max(size * 25, 500), limit: 10000 });
  const n = data.neighbourhood;
  scene.checkpoint(`Expand ${actorId}`);
  addRelationships(n.edges.map((e) => e.relationship), actorId);
  await afterGrowth();
  if (n.truncated) {
    say(`Drew one page per type; left out: ${n.omitted.map((o) => `${o.type} ${formatNumber(o.count)}`).join(', ')}. Use the per-type buttons for the next pages.`);
  }
  document.body.dataset.expanded = actorId;
}

async function openDocument(documentId, focus) {
  await openReader($('reader'), documentId, focus, {
    scene,
    selectRelationship: (id) => guarded('selecting the relationship', () => selectRelationship(id)),
    selectActor: (id) => guarded('selecting the actor', () => selectActor(id)),
  });
}

// ---- paths ----
async function findPaths(request, result) {
  clear(result, 'Looking for paths…');
  let data;
  try {
    data = await graphql(q.paths, { from: request.from, to: request.to, mode: request.mode, types: request.types.length ? request.types : null, maxDepth: request.maxDepth });
  } catch (e) {
    clear(result, el('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  const p = data.paths;
  if (p.count === 0) {
    clear(result, el('p', {}, `No path of at most ${request.maxDepth} hops joins them${request.types.length ? ' with those types' : ''}.`));
    setPathHighlight(null);
    return;
  }
  scene.checkpoint(`Paths ${request.from} → ${request.to}`);
  const nodes = new Set();
  const edges = new Set();
  for (const path of p.paths) {
    for (const step of path.steps) {
      edges.add(addRelationships([step.relationship])[0]);
    }
    for (const a of path.actors) nodes.add(a.actorId);
  }
  await afterGrowth();
  setPathHighlight({ nodes, edges });
  clear(result,
    el('p', {}, `${p.count} path(s)${p.truncated ? ' (more exist; raise the limit or narrow the types)' : ''}, highlighted on the canvas.`),
    el('ol', { class: 'path-list' }, p.paths.map((path) => el('li', {}, path.actors.map((a) => a.name).join(' → ')))),
    el('button', { type: 'button', onclick: () => setPathHighlight(null) }, 'Clear the highlight'));
}

function setPathHighlight(h) {
  highlightedPath = h;
  canvas?.setHighlight(h);
  document.body.dataset.highlight = h ? `${h.nodes.size} ${h.edges.size}` : '';
  writeUrl();
}

function openPaths() {
  const sel = canvas?.selectedNodes ?? [];
  const name = (id) => (id && scene.graph.hasNode(id) ? scene.graph.getNodeAttribute(id, 'label') : '');
  panels.showPaths(panel, {
    from: name(sel[0]),
    to: name(sel[1]),
    actors: scene.graph.mapNodes((n, a) => a.label),
    run: findPaths,
  });
  $('path-from').focus();
}

// ---- filters, legend, time bar ----
function renderFilters() {
  const kindBox = $('filter-kinds');
  for (const k of kinds) {
    kindBox.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', checked: true, value: k, onchange: (e) => {
      if (e.target.checked) filters.kinds.add(k); else filters.kinds.delete(k);
      refresh({ reason: 'filter' });
    } }), el('span', { class: 'kind-dot', style: `background:${kindColour(k)}` }), title(k)));
  }
  const stanceBox = $('filter-stances');
  for (const s of ['ASSERTS', 'HEDGED', 'DENIES']) {
    stanceBox.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', checked: true, value: s, onchange: (e) => {
      if (e.target.checked) filters.stances.add(s); else filters.stances.delete(s);
      refresh({ reason: 'filter' });
    } }), s.toLowerCase()));
  }
  $('filter-confidence').addEventListener('input', (e) => {
    filters.minConfidence = Number(e.target.value);
    $('confidence-value').textContent = e.target.value;
    refresh({ reason: 'filter' });
  });
  $('filter-document').addEventListener('change', (e) => {
    filters.document = e.target.value;
    refresh({ reason: 'filter' });
  });
  $('size-by').addEventListener('change', (e) => {
    scene.sizeBy = e.target.value;
    scene.restyleNodes();
    refresh();
  });
  $('btn-show-all').addEventListener('click', () => {
    scene.checkpoint('Show hidden actors');
    scene.showAll();
    refresh({ reason: 'show' });
  });
  const legend = $('legend');
  for (const k of kinds) legend.append(el('li', { dataset: { kind: k, shape: kindShape(k) } }, shapeIcon(kindShape(k), kindColour(k)), ` ${title(k)}`));
  guarded('listing the documents', async () => {
    const data = await graphql(q.documents);
    for (const d of data.documents.nodes) $('filter-document').append(el('option', { value: d.documentId }, `${d.title}${d.published ? ` (${d.published})` : ''}`));
  });
}

function renderTypes() {
  const box = $('filter-types');
  const present = new Map();
  for (const r of scene.relationships.values()) present.set(r.type, (present.get(r.type) ?? 0) + 1);
  const signature = [...present.entries()].sort().join(',');
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  clear(box, present.size === 0 ? el('span', { class: 'muted' }, 'none on the canvas yet') : null);
  for (const t of relationshipTypes.filter((x) => present.has(x))) {
    box.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', value: t, checked: !filters.types || filters.types.has(t), onchange: (e) => {
      filters.types ??= new Set(relationshipTypes);
      if (e.target.checked) filters.types.add(t); else filters.types.delete(t);
      refresh({ reason: 'filter' });
    } }), `${t} (${present.get(t)})`));
  }
}

let timeRange = null; // [first year, last year] of the dated relationships on the canvas
let playing = null;

function renderTimebar() {
  const { years, undated } = histogram(scene);
  const svg = $('histogram');
  const from = $('window-from');
  const to = $('window-to');
  if (years.size === 0) {
    timeRange = null;
    svg.replaceChildren();
    $('window-label').textContent = scene.relationships.size ? `no dated relationships (${formatNumber(undated)} undated)` : 'no relationships yet';
    from.disabled = to.disabled = $('btn-play').disabled = true;
    return;
  }
  const min = Math.min(...years.keys());
  const max = Math.max(...years.keys());
  const changed = !timeRange || timeRange[0] !== min || timeRange[1] !== max;
  timeRange = [min, max];
  from.disabled = to.disabled = $('btn-play').disabled = false;
  for (const input of [from, to]) { input.min = min; input.max = max; }
  if (changed && !filters.window) { from.value = min; to.value = max; }
  const peak = Math.max(...years.values());
  const count = max - min + 1;
  const width = 100 / count;
  const [wFrom, wTo] = [Number(from.value), Number(to.value)];
  const ns = 'http://www.w3.org/2000/svg';
  svg.setAttribute('viewBox', '0 0 100 30');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.replaceChildren();
  for (let y = min; y <= max; y++) {
    const v = years.get(y) ?? 0;
    const rect = document.createElementNS(ns, 'rect');
    const h = v ? 3 + (27 * v) / peak : 0;
    rect.setAttribute('x', String((y - min) * width + width * 0.1));
    rect.setAttribute('width', String(width * 0.8));
    rect.setAttribute('y', String(30 - h));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', y >= wFrom && y <= wTo ? 'in' : 'out');
    rect.dataset.year = String(y);
    rect.dataset.count = String(v);
    const tip = document.createElementNS(ns, 'title');
    tip.textContent = `${y}: ${v} piece(s) of evidence`;
    rect.append(tip);
    svg.append(rect);
  }
  $('window-label').textContent = `${filters.window ? `${wFrom} – ${wTo}` : `all time (${min} – ${max})`} · ${formatNumber(undated)} undated always shown`;
}

function setWindow(fromYear, toYear) {
  const [min, max] = timeRange ?? [fromYear, toYear];
  if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];
  $('window-from').value = fromYear;
  $('window-to').value = toYear;
  filters.window = fromYear <= min && toYear >= max ? null : [fromYear * 12, toYear * 12 + 11];
  refresh({ reason: 'window' });
}

function bindTimebar() {
  const onInput = () => setWindow(Number($('window-from').value), Number($('window-to').value));
  $('window-from').addEventListener('input', onInput);
  $('window-to').addEventListener('input', onInput);
  $('btn-play').addEventListener('click', togglePlay);
}

function togglePlay() {
  if (playing) {
    clearInterval(playing);
    playing = null;
    $('btn-play').textContent = '▶ Play';
    return;
  }
  if (!timeRange) return;
  const [min, max] = timeRange;
  let year = min;
  $('btn-play').textContent = '■ Stop';
  setWindow(min, min);
  playing = setInterval(() => {
    year++;
    if (year > max) {
      togglePlay();
      return;
    }
    setWindow(min, year);
  }, 900);
}

// ---- list view: the same scene as tables, for the keyboard and screen readers ----
function renderList() {
  const box = $('list-view');
  const g = scene.graph;
  const nodes = g.filterNodes((n, a) => !a.hidden);
  const edges = g.filterEdges((e, a) => !a.hidden);
  clear(box,
    el('h2', {}, `Actors (${nodes.length})`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Kind'), el('th', {}, 'Degree'))),
      el('tbody', {}, nodes.map((n) => {
        const a = g.getNodeAttributes(n);
        return el('tr', {}, el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => guarded('selecting', () => selectActor(n)) }, a.label)), el('td', {}, title(a.kind)), el('td', {}, formatNumber(a.degree)));
      }))),
    el('h2', {}, `Relationships (${edges.length})`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'From'), el('th', {}, 'Type'), el('th', {}, 'To'))),
      el('tbody', {}, edges.map((e) => {
        const a = g.getEdgeAttributes(e);
        return el('tr', {}, el('td', {}, g.getNodeAttribute(g.source(e), 'label')),
          el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => guarded('opening the evidence', () => openEdge(e)) }, a.label)),
          el('td', {}, g.getNodeAttribute(g.target(e), 'label')));
      }))));
}

function toggleList() {
  const box = $('list-view');
  box.hidden = !box.hidden;
  $('btn-list').setAttribute('aria-pressed', String(!box.hidden));
  if (!box.hidden) {
    renderList();
    box.querySelector('button')?.focus();
  }
}

// ---- selection actions ----
function selected() {
  return canvas?.selectedNodes ?? [];
}

function hideSelected() {
  const sel = selected();
  if (!sel.length) return;
  scene.checkpoint(`Hide ${sel.join(', ')}`);
  scene.hide(sel);
  canvas.select([]);
  refresh({ reason: 'hide' });
}

function hideOthers() {
  const sel = new Set(selected());
  if (!sel.size) return;
  scene.checkpoint('Hide all others');
  scene.hide(scene.graph.filterNodes((n) => !sel.has(n)));
  refresh({ reason: 'hide' });
}

function pinSelected() {
  const sel = selected();
  if (!sel.length) return;
  scene.checkpoint(`Pin ${sel.join(', ')}`);
  const pinned = sel.map((n) => scene.togglePin(n));
  say(pinned[0] ? 'Pinned: layouts leave it where it is.' : 'Unpinned.');
  refresh({ reason: 'pin' });
}

function toggleFold() {
  const fold = !scene.folded;
  scene.checkpoint(fold ? 'Fold officials' : 'Unfold officials');
  const n = scene.setFolded(fold);
  say(fold ? `Folded ${n} official(s) into the actor each leads or belongs to.` : 'Officials unfolded.');
  refresh({ reason: fold ? 'fold' : 'unfold' });
}

async function runLayout() {
  const kind = $('layout').value;
  scene.checkpoint(`Layout ${kind}`);
  if (kind === 'force') await canvas.force(2000);
  else await canvas.arrange(kind, selected()[0]);
  refresh({ fit: true, reason: 'layout' });
}

function undo() {
  const label = scene.undo();
  if (label) say(`Undone: ${label}`);
  canvas?.select([]);
  refresh({ reason: 'undo' });
}

function redo() {
  const label = scene.redo();
  if (label) say(`Redone: ${label}`);
  refresh({ reason: 'redo' });
}

function showHistory() {
  panels.showNow(panel, el('h2', {}, 'History of the exploration'),
    scene.undoStack.length === 0 ? el('p', { class: 'muted' }, 'Nothing done yet.') : el('ol', { class: 'history' }, scene.undoStack.map((x) => el('li', {}, x.label))),
    scene.redoStack.length ? [el('h3', {}, 'Undone (redo brings them back)'), el('ol', {}, [...scene.redoStack].reverse().map((x) => el('li', {}, x.label)))] : null);
}

// ---- URL: the scene's state, so a link reopens it ----
// Encoding the whole scene costs milliseconds per hundred actors: it is written when the page is idle (and before it
// is left), not inside a click.
let urlPending = null;

function writeUrl() {
  if (restoring || urlPending) return;
  urlPending = requestIdleCallback(writeUrlNow, { timeout: 400 });
}

function flushUrl() {
  if (urlPending) writeUrlNow();
}

function writeUrlNow() {
  if (urlPending) cancelIdleCallback(urlPending);
  urlPending = null;
  if (restoring) return;
  const state = scene.toUrlState({
    s: selected(),
    e: canvas?.selectedEdge ?? undefined,
    w: filters.window ?? undefined,
    p: highlightedPath ? { n: [...highlightedPath.nodes], e: [...highlightedPath.edges] } : undefined,
  });
  const hash = scene.graph.order === 0 ? '' : `#scene=${encodeState(state)}`;
  if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname);
}

async function restoreFromUrl() {
  const match = /#scene=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!match) return false;
  let state;
  try {
    state = decodeState(match[1]);
  } catch {
    showError('The link’s scene could not be read (it is cut short or altered); starting with an empty canvas.');
    return false;
  }
  restoring = true;
  try {
    say('Reopening the scene from the link…');
    const actorIds = state.n.map((n) => n[0]);
    const [actors, rels] = await Promise.all([
      actorIds.length ? graphql(q.actorsByIds, { ids: actorIds }) : { nodes: [] },
      state.r.length ? graphql(q.relationshipsByIds, { ids: state.r }) : { nodes: [] },
    ]);
    for (const a of actors.nodes.filter(Boolean)) scene.addActor(a);
    scene.addRelationships(rels.nodes.filter(Boolean));
    for (const [id, x, y, fixed] of state.n) {
      if (scene.graph.hasNode(id)) scene.graph.mergeNodeAttributes(id, { x, y, fixed: !!fixed });
    }
    scene.hide(state.h ?? []);
    scene.folded = !!state.f;
    const missing = actorIds.length - actors.nodes.filter(Boolean).length + state.r.length - rels.nodes.filter(Boolean).length;
    if (state.w) {
      filters.window = state.w;
    }
    refresh({ fit: true });
    if (state.w) {
      $('window-from').value = Math.floor(state.w[0] / 12);
      $('window-to').value = Math.floor(state.w[1] / 12);
      renderTimebar();
    }
    if (state.p) setPathHighlight({ nodes: new Set(state.p.n), edges: new Set(state.p.e.filter((e) => scene.graph.hasEdge(e))) });
    say(missing > 0 ? `Reopened the scene; ${missing} element(s) of the link are no longer in the graph.` : '');
    restoring = false;
    if (state.e && scene.graph.hasEdge(state.e)) await openEdge(state.e);
    else if (state.s?.length) {
      canvas?.select(state.s.filter((s) => scene.graph.hasNode(s)));
      if (state.s[0] && scene.graph.hasNode(state.s[0])) await selectActor(state.s[0]);
    }
    document.body.dataset.restored = 'true';
    return true;
  } finally {
    restoring = false;
  }
}

// ---- keyboard ----
function bindKeyboard() {
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing) { e.preventDefault(); e.shiftKey ? redo() : undo(); return; }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y' && !typing) { e.preventDefault(); redo(); return; }
    if (e.key === 'Escape') {
      $('help').hidden = true;
      $('reader').hidden = true;
      canvas?.select([]);
      $('selection-actions').hidden = true;
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const sel = selected();
    const actions = {
      '/': () => $('search').focus(),
      '?': () => { $('help').hidden = !$('help').hidden; if (!$('help').hidden) $('help-close').focus(); },
      e: () => sel[0] && guarded('expanding', () => expand(sel[0])),
      h: hideSelected,
      o: hideOthers,
      i: pinSelected,
      p: openPaths,
      r: () => guarded('laying out', runLayout),
      f: () => canvas?.fit(),
      l: toggleList,
      g: toggleFold,
      ' ': togglePlay,
    };
    const action = actions[e.key] ?? actions[e.key.toLowerCase()];
    if (action) {
      e.preventDefault();
      action();
    }
  });
}

function bindToolbar() {
  $('btn-paths').addEventListener('click', openPaths);
  $('btn-layout').addEventListener('click', () => guarded('laying out', runLayout));
  $('btn-fit').addEventListener('click', () => canvas?.fit());
  $('btn-undo').addEventListener('click', undo);
  $('btn-redo').addEventListener('click', redo);
  $('btn-history').addEventListener('click', showHistory);
  $('btn-list').addEventListener('click', toggleList);
  $('btn-fold').addEventListener('click', toggleFold);
  $('btn-help').addEventListener('click', () => { $('help').hidden = false; $('help-close').focus(); });
  $('help-close').addEventListener('click', () => { $('help').hidden = true; });
  $('reader-close').addEventListener('click', () => { $('reader').hidden = true; });
  $('btn-expand').addEventListener('click', () => selected()[0] && guarded('expanding', () => expand(selected()[0])));
  $('btn-hide').addEventListener('click', hideSelected);
  $('btn-hide-others').addEventListener('click', hideOthers);
  $('btn-pin').addEventListener('click', pinSelected);
  $('btn-clear').addEventListener('click', () => {
    scene.checkpoint('Clear the scene');
    scene.graph.clear();
    scene.relationships.clear();
    scene.hidden.clear();
    setPathHighlight(null);
    canvas?.select([]);
    refresh({ reason: 'clear' });
  });
  const review = (notice) => guarded('loading the review queue', () => panels.showReview(panel, {
    apiKey,
    notice,
    setApiKey: (k) => { apiKey = k; sessionStorage.setItem('graph-api-key', k); },
    openDocument: (doc, start, end, proposal) => guarded('opening the document', () => openDocument(doc, { start, end, proposal })),
    reviewed: (what) => review(what),
  }));
  $('btn-review').addEventListener('click', () => review(''));
  $('export').addEventListener('change', (e) => {
    const format = e.target.value;
    e.target.value = '';
    if (!canvas) { showError('There is no drawing to export: this browser cannot draw WebGL. The list view still works.'); return; }
    if (format === 'png') exportPng(canvas.renderer);
    if (format === 'svg') exportSvg(scene, canvas.renderer);
    if (format === 'csv') exportCsv(scene);
    if (format === 'graphml') exportGraphml(scene);
  });
}

// ---- start ----
function start() {
  try {
    canvas = new Canvas($('graph'), scene, {
      nodeClicked: (node, additive) => guarded('selecting the actor', () => selectActor(node, additive)),
      nodeExpand: (node) => guarded('expanding', () => expand(node)),
      edgeClicked: (edge) => guarded('opening the evidence', () => openEdge(edge)),
      stageClicked: () => { canvas.select([]); $('selection-actions').hidden = true; writeUrl(); },
      nodeMoved: () => writeUrl(),
    });
  } catch (e) {
    canvas = null;
    showError(`This browser cannot draw the graph (${e.message}). WebGL is needed for the canvas; the list view (L) shows the same scene.`);
    $('list-view').hidden = false;
  }
  renderFilters();
  bindTimebar();
  bindToolbar();
  bindKeyboard();
  createSearch($('search'), $('suggestions'), {
    pickActor: (actor) => guarded('adding the actor', () => putActor(actor)),
    pickText: (hit) => guarded('opening the hit', async () => {
      if (hit.relationship) await selectRelationship(hit.relationship.id);
      else await openDocument(hit.documentId, null);
    }),
    showError,
  });
  window.addEventListener('pagehide', flushUrl);
  window.addEventListener('hashchange', () => {
    if (!/#scene=/.test(location.hash)) return;
    location.reload();
  });
  guarded('reopening the scene', async () => {
    const restored = await restoreFromUrl();
    if (!restored) refresh();
    document.body.dataset.ready = 'true';
  });
  // A read-only hook for tests and the benchmark: where things are on screen, never a way around the UI.
  window.explorer = {
    scene,
    canvas,
    nodeOnScreen: (id) => canvas.viewportOf(id),
    edgeOnScreen: (key) => canvas.edgeMidpoint(key),
    edgeKey: (type, from, to) => groupKey({ type, from: { actorId: from }, to: { actorId: to } }),
    // For the browser benchmark: draws relationships as an expand would, without the request (the API is timed apart).
    draw: (rels) => {
      addRelationships(rels);
      refresh({ fit: true, reason: 'draw' });
    },
    // True when nothing moves: no camera animation and no layout running, so positions on screen are final.
    // A pending URL write counts as movement too: once idle, the address bar holds the scene.
    idle: () => !urlPending && (!canvas || (!canvas.renderer.getCamera().isAnimated() && !canvas.layout && !canvas.animating)),
  };
}

start();
