// The explorer's browser benchmark: prints figures, asserts nothing. Headless Debian Chromium with software WebGL
// (SwiftShader), a generated graph, and the page served from the built bundle on 127.0.0.1.
//
// What is measured, and what is not:
//   - first render: from handing the page N nodes / M edges (as an expand receives them from the API) to the first
//     frame drawn with all of them; the API is not in this figure;
//   - expand: a click on "Draw outgoing SUPPORTS" of a hub with 500 neighbours (page size 500) to the first frame with
//     the 500 drawn; the /graphql round trip is answered here by the benchmark from the generated graph (Playwright
//     route) and printed apart, so the page's own share is the difference;
//   - edge click to evidence panel: the same split;
//   - pan/zoom frames per second of the explorer's scene and of bare sigma (default settings) drawing the same graph
//     in a canvas of the same size, in the same run; their ratio is the figure that carries to a real GPU.
//   Expand and edge click are repeated (--runs fresh pages, --clicks edges per page) and printed as median and p95,
//   each with the /graphql part and the page's own share (total minus the round trip of that run).
// Usage: node bench/run.mjs [--seconds 3] [--runs 5] [--clicks 3] [--only render,expand,click] [--profile DIR]
//   (scripts/bench.sh explorer runs it; --profile writes a CPU profile of each expand and click, unminified bundle)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const toolDir = path.resolve(here, '..');
const bundleDir = path.resolve(toolDir, '../../src/Graph.Api/wwwroot/explorer');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`The explorer benchmark needs Chromium at ${chromiumPath} (Debian package chromium; scripts/install-test-deps.sh installs it), or CHROMIUM=/path/to/chromium.`);
  process.exit(2);
}
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const seconds = Number(option('--seconds')) || 3;
const runs = Number(option('--runs')) || 5;
const clicksPerRun = Number(option('--clicks')) || 3;
const only = new Set((option('--only') ?? 'render,expand,click').split(','));
const profileDir = option('--profile') ? path.resolve(option('--profile')) : null;

// ---- a generated graph, shaped as the API answers ----
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const kinds = ['STATE', 'AGENCY', 'ORGANIZATION', 'OFFICIAL', 'LOCATION'];
const types = ['SUPPORTS', 'REPORTED', 'MEMBER_OF', 'DEPLOYED', 'SANCTIONS', 'MET_WITH', 'EMPLOYS', 'ATTACKED'];
const actors = new Map();
const relationships = new Map();

function actor(id, degree) {
  if (!actors.has(id)) {
    const i = actors.size;
    actors.set(id, { id: `A-${id}`, actorId: id, name: `Actor ${id.split(':')[1]}`, kind: kinds[i % kinds.length], degree });
  }
  return actors.get(id);
}

function relationship(type, from, to, i) {
  const id = `R-${type}-${from.actorId}-${to.actorId}`;
  const year = 2000 + (i % 25);
  const rel = {
    id, relationshipId: `${type}:${from.actorId}->${to.actorId}`, type, caption: `${from.name} ${type} ${to.name}`, symmetric: false,
    confidence: 0.5 + (i % 5) / 10, date: String(year), evidenceCount: 1 + (i % 3),
    facts: { validFrom: String(year), validTo: null },
    from, to, conflicts: i % 97 === 0 ? [{ quantity: 'COUNT' }] : [],
    evidence: { nodes: [{ stance: i % 7 === 0 ? 'HEDGED' : 'ASSERTS', confidence: 1, documentId: `doc:d${i % 20}` }] },
  };
  relationships.set(id, rel);
  return rel;
}

/** N nodes, M distinct edges (type, from, to), every node reached. */
function generate(prefix, n, m, seed) {
  const rnd = random(seed);
  const nodes = Array.from({ length: n }, (_, i) => actor(`state:${prefix}${i}`, 4));
  const seen = new Set();
  const rels = [];
  for (let i = 0; rels.length < m; i++) {
    const a = i < n ? nodes[i] : nodes[Math.floor(rnd() * n)];
    const b = nodes[Math.floor(rnd() * n)];
    const type = types[Math.floor(rnd() * types.length)];
    const key = `${type}|${a.actorId}|${b.actorId}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    rels.push(relationship(type, a, b, rels.length));
  }
  return rels;
}

const hub = actor('state:hub', 500);
const hubRels = Array.from({ length: 500 }, (_, i) => relationship('SUPPORTS', hub, actor(`state:h${i}`, 1), i));

function details(rel) {
  return {
    id: rel.id, relationshipId: rel.relationshipId, type: rel.type, caption: rel.caption, meaning: 'political or military support',
    confidence: rel.confidence, date: rel.date, evidenceCount: rel.evidenceCount,
    from: { actorId: rel.from.actorId, name: rel.from.name }, to: { actorId: rel.to.actorId, name: rel.to.name },
    facts: { validFrom: rel.facts.validFrom, validTo: null, personnel: null, count: null, countMin: null, countMax: null, note: null },
    evidence: { nodes: [{ id: `E-${rel.id}`, quote: `${rel.from.name} supports ${rel.to.name}.`, start: 0, end: 20, stance: 'ASSERTS', confidence: 1, extractor: 'curated', documentId: 'doc:d0',
      document: { documentId: 'doc:d0', title: 'Generated document', published: '2024', url: null, publisher: null }, attributedTo: null, sourceFacts: null }] },
    conflicts: [],
  };
}

/** Answers the page's operations from the generated graph (the benchmark measures the page; the API has its own). */
function answer(body) {
  const op = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
  const v = body.variables ?? {};
  switch (op) {
    case 'ExplorerDocuments': return { documents: { nodes: [] } };
    case 'ExplorerActors': return { nodes: v.ids.map((id) => actors.get(id) ?? null) };
    case 'ExplorerRelationships': return { nodes: v.ids.map((id) => relationships.get(id) ?? null) };
    case 'ExplorerActor': {
      const a = actors.get(v.id);
      return { actor: { ...a, aliases: [], description: null, attributes: [], degreeByType: [{ type: 'SUPPORTS', count: a.degree }] }, timeline: { nodes: [] } };
    }
    case 'ExplorerExpandCounts': return { actor: { actorId: v.id, name: actors.get(v.id).name, degree: 500, outgoing: [{ type: 'SUPPORTS', count: 500 }], incoming: [] } };
    case 'ExplorerExpandPage': return { actor: { relationships: { totalCount: 500, pageInfo: { hasNextPage: v.first < 500, endCursor: 'c' }, nodes: hubRels.slice(0, v.first) } } };
    case 'ExplorerEvidence': return { nodes: v.ids.map((id) => details(relationships.get(id))) };
    default: return null;
  }
}

// ---- the bundle and a bare sigma page, served on 127.0.0.1 ----
execFileSync(process.execPath, [path.join(toolDir, 'build.mjs'), ...(profileDir ? ['--no-minify'] : [])], { stdio: 'ignore' });
if (profileDir) await mkdir(profileDir, { recursive: true });
const bareDir = await mkdtemp(path.join(os.tmpdir(), 'explorer-bench-'));
await build({ entryPoints: [path.join(here, 'bare.js')], bundle: true, minify: true, format: 'esm', outfile: path.join(bareDir, 'bare.js'), logLevel: 'warning' });

const types_ = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  let file;
  if (url.pathname === '/') file = path.join(bundleDir, 'index.html');
  else if (url.pathname.startsWith('/explorer/')) file = path.join(bundleDir, url.pathname.slice('/explorer/'.length));
  else if (url.pathname === '/bare.js') file = path.join(bareDir, 'bare.js');
  else if (url.pathname === '/bare.html') {
    const w = url.searchParams.get('w');
    const h = url.searchParams.get('h');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><body style="margin:0"><div id="graph" style="width:${w}px;height:${h}px"></div><script type="module" src="/bare.js"></script></body></html>`);
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types_[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

async function explorerPage(hash = '') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.route('**/graphql', async (route) => {
    const data = answer(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data ? { data } : { errors: [{ message: 'not answered by the benchmark', extensions: { code: 'BAD_REQUEST' } }] }) });
  });
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Frames sigma draws per second while the camera pans and zooms every animation frame for `seconds`. */
const panZoom = (renderer, secs) => new Promise((resolve) => {
  let frames = 0;
  const count = () => { frames++; };
  renderer.on('afterRender', count);
  const camera = renderer.getCamera();
  const t0 = performance.now();
  const step = (now) => {
    const t = (now - t0) / 1000;
    if (t >= secs) {
      renderer.off('afterRender', count);
      resolve(frames / t);
      return;
    }
    camera.setState({ x: 0.5 + 0.15 * Math.sin(t * 2), y: 0.5 + 0.15 * Math.cos(t * 2), ratio: 0.7 + 0.3 * Math.sin(t) });
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
});

const figures = [];
const print = (name, value, unit, note = '') => {
  figures.push({ name, value, unit });
  console.log(`${name.padEnd(58)} ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 0).padStart(8) : String(value).padStart(8)} ${unit}${note ? `  (${note})` : ''}`);
};

console.log(`Explorer benchmark: headless ${chromiumPath} with SwiftShader WebGL, sigma 3.0.3, pan/zoom ${seconds} s per run\n`);

for (const [n, m] of only.has('render') ? [[1000, 2000], [5000, 10000]] : []) {
  const rels = generate(`g${n}-`, n, m, n);
  const page = await explorerPage();
  const drawn = await page.evaluate((list) => new Promise((resolve) => {
    const r = window.explorer.canvas.renderer;
    const ends = new Set(list.flatMap((x) => [x.from.actorId, x.to.actorId])).size;
    const t0 = performance.now();
    const on = () => {
      if (window.explorer.scene.graph.order < ends) return;
      r.off('afterRender', on);
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, nodes: window.explorer.scene.graph.order, edges: window.explorer.scene.graph.size }));
    };
    r.on('afterRender', on);
    window.explorer.draw(list);
  }), rels);
  print(`first render, ${drawn.nodes} nodes / ${drawn.edges} edges`, drawn.ms, 'ms', 'scene model + sigma, to the first frame');

  await page.addScriptTag({ content: `window.__panZoom = ${panZoom.toString()};` });
  const fps = await page.evaluate((secs) => window.__panZoom(window.explorer.canvas.renderer, secs), seconds);
  const box = await page.locator('#graph').boundingBox();
  const exported = await page.evaluate(() => window.explorer.scene.graph.export());
  await page.context().close();

  const bare = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
  await bare.goto(`${origin}/bare.html?w=${Math.round(box.width)}&h=${Math.round(box.height)}`);
  await bare.waitForFunction(() => !!window.bare);
  await bare.evaluate((g) => window.bare.load(g), exported);
  await bare.addScriptTag({ content: `window.__panZoom = ${panZoom.toString()};` });
  const bareFps = await bare.evaluate((secs) => window.__panZoom(window.bare.renderer, secs), seconds);
  await bare.context().close();
  print(`pan/zoom fps at ${n} nodes: explorer`, fps, 'fps');
  print(`pan/zoom fps at ${n} nodes: bare sigma, same graph and canvas`, bareFps, 'fps');
  print(`pan/zoom explorer / bare at ${n} nodes`, (100 * fps) / bareFps, '%', 'target >= 80 %');
}

// ---- expand and edge click: repeated, each split into the /graphql round trip and the page's own share ----

/** Median and 95th percentile (nearest rank) of a list of numbers. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

function printSpread(name, samples, note) {
  const total = stats(samples.map((s) => s.ms));
  const api = stats(samples.map((s) => s.api));
  const own = stats(samples.map((s) => s.ms - s.api));
  print(`${name}: median`, total.median, 'ms', `${samples.length} runs; p95 ${total.p95.toFixed(0)} ms`);
  print(`${name}: /graphql round trip, median`, api.median, 'ms', `p95 ${api.p95.toFixed(0)} ms`);
  print(`${name}: page's own share, median`, own.median, 'ms', `p95 ${own.p95.toFixed(0)} ms; ${note}`);
}

/** A CPU profile of what `action` makes the page do, written to --profile DIR (the bundle is then built unminified). */
async function profiled(page, name, action) {
  if (!profileDir) return action();
  if (process.env.EXPLORER_BENCH_TRACE) {
    await browser.startTracing(page, { path: path.join(profileDir, `${name}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'gpu', 'blink', 'cc', 'viz'] });
    const result = await action();
    await browser.stopTracing();
    return result;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await action();
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  return result;
}

async function hubPage() {
  const state = Buffer.from(JSON.stringify({ v: 1, n: [['state:hub', 0, 0, 0]], r: [], h: [], s: ['state:hub'] })).toString('base64url');
  const page = await explorerPage(`#scene=${state}`);
  await page.waitForSelector('body[data-restored="true"]');
  await page.evaluate(() => document.addEventListener('click', (e) => { window.__clickAt = e.timeStamp; }, { capture: true }));
  return page;
}

if (only.has('expand') || only.has('click')) {
  const expands = [];
  const bareExpands = [];
  const clicks = [];
  for (let run = 0; run < runs; run++) {
    const page = await hubPage();
    await page.locator('body').press('e');
    await page.locator('select[aria-label="Page size"]').selectOption('500');
    await page.evaluate(() => {
      // The time of the last /graphql request the page made (resource timing), 0 when none.
      window.__lastApi = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')).at(-1)?.duration ?? 0;
      performance.clearResourceTimings();
      const r = window.explorer.canvas.renderer;
      window.__drawn = new Promise((resolve) => {
        const on = () => {
          if (window.explorer.scene.graph.order < 501) return;
          r.off('afterRender', on);
          requestAnimationFrame(() => resolve(performance.now()));
        };
        r.on('afterRender', on);
      });
    });
    const expand = await profiled(page, `expand-${run}`, async () => {
      await page.locator('button[aria-label="Draw outgoing SUPPORTS of Actor hub"]').click();
      return page.evaluate(async () => ({ ms: (await window.__drawn) - window.__clickAt, api: window.__lastApi() }));
    });
    expands.push(expand);
    // The floor under software WebGL: bare sigma, in a canvas of the same size, adding the same nodes and edges to a
    // graph holding the hub and drawing them (no request, no page code).
    const box = await page.locator('#graph').boundingBox();
    const grown = await page.evaluate(() => window.explorer.scene.graph.export());
    const bare = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    await bare.goto(`${origin}/bare.html?w=${Math.round(box.width)}&h=${Math.round(box.height)}`);
    await bare.waitForFunction(() => !!window.bare);
    await bare.evaluate((g) => window.bare.load({ ...g, nodes: g.nodes.filter((n) => n.key === 'state:hub'), edges: [] }), grown);
    await bare.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    bareExpands.push(await profiled(bare, `bare-expand-${run}`, () => bare.evaluate((g) => window.bare.grow(g), grown)));
    await bare.context().close();

    if (only.has('click')) {
      await page.waitForFunction(() => window.explorer.idle(), null, { timeout: 60_000 });
      const box = await page.locator('#graph').boundingBox();
      for (const i of [3, 123, 321, 77, 444, 250].slice(0, clicksPerRun)) {
        const p = await page.evaluate((k) => window.explorer.edgeOnScreen(k), `SUPPORTS|state:hub|state:h${i}`);
        await page.evaluate(() => {
          performance.clearResourceTimings();
          window.__panel = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (document.querySelector('#panel .relationship')) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now()));
              }
            });
            document.querySelector('#panel').replaceChildren();
            observer.observe(document.querySelector('#panel'), { childList: true, subtree: true });
          });
        });
        const shown = await profiled(page, `click-${run}-${i}`, async () => {
          await page.mouse.click(box.x + p.x, box.y + p.y);
          return page.evaluate(async () => {
            const at = await Promise.race([window.__panel, new Promise((r) => setTimeout(() => r(null), 10_000))]);
            return at === null ? null : { ms: at - window.__clickAt, api: window.__lastApi() };
          });
        });
        if (shown) clicks.push(shown);
        // Let the selection's redraw settle, so one click's tail is not the next click's head, and outwait sigma's
        // double-click window (a second click within 300 ms anywhere on the stage is read as a double click).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page.waitForTimeout(350);
      }
    }
    await page.context().close();
  }
  printSpread('expand a hub: click to 500 neighbours drawn', expands, 'target < 300 ms click to drawn');
  const floor = stats(bareExpands);
  print('expand a hub: bare sigma adding and drawing the same 500, median', floor.median, 'ms', `p95 ${floor.p95.toFixed(0)} ms; the library's own floor here`);
  if (clicks.length) printSpread('edge click to evidence panel', clicks, 'target < 100 ms plus the round trip');
  else print('edge click to evidence panel', 'no hit', '', 'no click landed on an edge');
}

await browser.close();
server.close();
await rm(bareDir, { recursive: true, force: true });
