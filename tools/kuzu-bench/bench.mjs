// Loads the synthetic graph exported by the C# storage benchmark into Kuzu and times the same traversals:
// 2-hop neighbourhoods (capped) over the same actors and shortest paths over the same pairs.
// Usage: node bench.mjs --data <dir with nodes.csv, rels.csv, workload.json> [--db <dir>] [--neighbourhood shortest|walk]
// Prints one JSON object on stdout; progress goes to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kuzu = require('kuzu');
const kuzuVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('kuzu')), 'package.json'), 'utf8')).version;

function parseArgs(argv) {
  const args = { data: null, db: null, neighbourhood: 'shortest', warmup: 50 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!['--data', '--db', '--neighbourhood', '--warmup'].includes(name) || value === undefined) {
      fail(`Unknown or incomplete argument '${name}'. Allowed: --data <dir>, --db <dir>, --neighbourhood shortest|walk, --warmup <n>.`);
    }
    args[name.slice(2)] = value;
    i++;
  }
  if (!args.data) fail('--data <dir> is required: the folder holding nodes.csv, rels.csv and workload.json.');
  if (!['shortest', 'walk'].includes(args.neighbourhood)) fail(`--neighbourhood must be 'shortest' or 'walk'; got '${args.neighbourhood}'.`);
  args.warmup = Number(args.warmup);
  if (!Number.isInteger(args.warmup) || args.warmup < 0) fail(`--warmup must be a whole number >= 0; got '${args.warmup}'.`);
  args.db ??= path.join(args.data, 'kuzu-db');
  return args;
}

function fail(message) {
  process.stderr.write(`kuzu-bench: ${message}\n`);
  process.exit(2);
}

const log = (message) => process.stderr.write(`[kuzu] ${message}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;

// Every result is closed once read: results left to the garbage collector after their database closed crash the
// native module when the process exits (kuzu 0.11.3).
function rowsOf(result) {
  const results = Array.isArray(result) ? result : [result];
  const rows = results.at(-1).getAllSync();
  for (const r of results) r.close();
  return rows;
}

function run(conn, statement) {
  return rowsOf(conn.querySync(statement));
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    count: sorted.length,
    medianMs: at(0.5),
    p99Ms: at(0.99),
    meanMs: sorted.reduce((s, t) => s + t, 0) / sorted.length,
    maxMs: sorted.at(-1),
  };
}

// Cypher file paths are string literals: only plain paths are accepted, so quoting is never needed.
function cypherPath(file) {
  const absolute = path.resolve(file);
  if (/['\\]/.test(absolute)) fail(`Path '${absolute}' contains a quote or backslash; use a plain path.`);
  return absolute;
}

const args = parseArgs(process.argv.slice(2));
const nodesCsv = cypherPath(path.join(args.data, 'nodes.csv'));
const relsCsv = cypherPath(path.join(args.data, 'rels.csv'));
const workloadFile = path.join(args.data, 'workload.json');
for (const file of [nodesCsv, relsCsv, workloadFile]) {
  if (!fs.existsSync(file)) fail(`Missing input '${file}'. Run the C# storage benchmark first; it writes these files.`);
}
const workload = JSON.parse(fs.readFileSync(workloadFile, 'utf8'));

fs.rmSync(args.db, { recursive: true, force: true });
fs.rmSync(`${args.db}.wal`, { force: true });

// ---- load into a fresh database ----
let db = new kuzu.Database(args.db);
let conn = new kuzu.Connection(db);
run(conn, 'CREATE NODE TABLE Actor(id STRING, kind STRING, PRIMARY KEY (id))');
run(conn, 'CREATE REL TABLE Rel(FROM Actor TO Actor, type STRING)');
let t0 = now();
run(conn, `COPY Actor FROM '${nodesCsv}' (HEADER=true)`);
const nodesLoadMs = now() - t0;
t0 = now();
run(conn, `COPY Rel FROM '${relsCsv}' (HEADER=true)`);
const relsLoadMs = now() - t0;
run(conn, 'CHECKPOINT');
const loadMs = nodesLoadMs + relsLoadMs;
const counts = {
  actors: Number(run(conn, 'MATCH (a:Actor) RETURN count(a) AS n')[0].n),
  relationships: Number(run(conn, 'MATCH ()-[r:Rel]->() RETURN count(r) AS n')[0].n),
};
log(`loaded ${counts.actors} actors, ${counts.relationships} relationships in ${loadMs.toFixed(0)} ms`);
conn.closeSync();
db.closeSync();

// ---- reopen: the time until the first query answers ----
t0 = now();
db = new kuzu.Database(args.db);
conn = new kuzu.Connection(db);
run(conn, `MATCH (a:Actor {id: '${workload.neighbourhood[0]}'}) RETURN a.id`);
const openMs = now() - t0;

// The cap counts the centre, as the C# store's node limit does, so Kuzu returns limit - 1 other actors.
const others = workload.nodeLimit - 1;
const neighbourhoodQuery = args.neighbourhood === 'shortest'
  // One shortest path per reachable actor: each actor within 2 hops once, breadth-first semantics.
  ? `MATCH (a:Actor {id: $id})-[:Rel* SHORTEST 1..2]-(b:Actor) RETURN b.id AS id LIMIT ${others}`
  // Every walk of 1..2 hops, made distinct.
  : `MATCH (a:Actor {id: $id})-[:Rel*1..2]-(b:Actor) WHERE b.id <> $id RETURN DISTINCT b.id AS id LIMIT ${others}`;
const shortestQuery = `MATCH p = (a:Actor {id: $from})-[:Rel* SHORTEST 1..${workload.maxDepth}]-(b:Actor {id: $to}) RETURN length(p) AS hops`;
const neighbourhood = conn.prepareSync(neighbourhoodQuery);
const shortest = conn.prepareSync(shortestQuery);
for (const statement of [neighbourhood, shortest]) {
  if (!statement.isSuccess()) fail(`Kuzu refused a query: ${statement.getErrorMessage()}`);
}

const neighbourhoodOf = (id) => rowsOf(conn.executeSync(neighbourhood, { id })).length;
const hopsBetween = (from, to) => {
  const rows = rowsOf(conn.executeSync(shortest, { from, to }));
  return rows.length === 0 ? -1 : Number(rows[0].hops);
};

// ---- warm up, then time every item ----
for (const id of workload.neighbourhood.slice(0, args.warmup)) neighbourhoodOf(id);
for (const [from, to] of workload.pairs.slice(0, args.warmup)) hopsBetween(from, to);

const neighbourhoodTimes = [];
const neighbourhoodSizes = [];
for (const id of workload.neighbourhood) {
  const start = now();
  const size = neighbourhoodOf(id);
  neighbourhoodTimes.push(now() - start);
  neighbourhoodSizes.push(size + 1);
}
log(`2-hop neighbourhood: ${workload.neighbourhood.length} actors`);

const pathTimes = [];
const pathLengths = [];
for (const [from, to] of workload.pairs) {
  const start = now();
  const hops = hopsBetween(from, to);
  pathTimes.push(now() - start);
  pathLengths.push(hops);
}
log(`shortest path: ${workload.pairs.length} pairs`);

conn.closeSync();
db.closeSync();

process.stdout.write(JSON.stringify({
  engine: 'kuzu',
  version: kuzuVersion,
  node: process.version,
  neighbourhoodFormulation: args.neighbourhood,
  neighbourhoodQuery,
  shortestQuery,
  counts,
  nodesLoadMs,
  relsLoadMs,
  loadMs,
  openMs,
  neighbourhood: { ...summary(neighbourhoodTimes), sizes: neighbourhoodSizes },
  shortestPath: { ...summary(pathTimes), lengths: pathLengths },
  peakRssMb: process.resourceUsage().maxRSS / 1024,
}) + '\n');
