// graphql-js side of the engine benchmarks (bench/Graph.Benchmarks/GraphQL), over the bench schema below: the full
// introspection query, and a 3-level nested query returning 1,000 leaf objects (10 x 10 x 10). Values come from
// graphql-js's default resolver. Phases: parse, validate, execute, and execute+json (execute, then JSON.stringify of the
// result: what an HTTP server pays).
//
// Usage:
//   node bench.mjs --serve
//       prints {"version","node"} on one line, then answers each stdin line {"workload","phase","milliseconds"} with one
//       line {"microsecondsPerOperation","iterations"}: one sample, run for that long. The C# harness interleaves these
//       samples with its own, so both engines see the same machine load.
//   node bench.mjs [--rounds 15] [--sample-ms 200]
//       standalone: prints JSON {version, node, results: [{workload, phase, microsecondsPerOperation (median), samples}]}.
//   node bench.mjs --print-sdl
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { buildSchema, execute, getIntrospectionQuery, parse, validate, version } from 'graphql';
import { introspectionOptions } from './introspection-options.mjs';
import { specRules } from './schema.mjs';

export const benchSdl = `"""A tree of items, with enough of the type system to make introspection realistic."""
type Query {
  items: [Item!]!
  item(id: ID!): Item
  search(filter: ItemFilter): [SearchHit!]!
}

"""Something with an identifier."""
interface Node {
  id: ID!
}

type Item implements Node {
  id: ID!
  name: String!
  value: Float!
  kind: Kind
  children: [Item!]!
}

type Tag implements Node {
  id: ID!
  label: String @deprecated(reason: "Use name.")
  name: String
}

union SearchHit = Item | Tag

enum Kind {
  LEAF
  BRANCH
  ROOT @deprecated
}

input ItemFilter {
  name: String
  minValue: Float = 0
  kinds: [Kind!]
}
`;

export const nestedQuery = `{
  items {
    id
    name
    children {
      id
      value
      children {
        id
        name
        value
      }
    }
  }
}`;

/** 10 items, each with 10 children, each with 10 children: item "a.b.c" has value a*100+b*10+c. */
function benchData() {
  const make = (path, depth) => ({
    id: path.join('.'),
    name: `item ${path.join('.')}`,
    value: path.reduce((v, d) => v * 10 + d, 0) + 0.5,
    children: depth === 3 ? [] : Array.from({ length: 10 }, (_, i) => make([...path, i], depth + 1)),
  });
  return { items: Array.from({ length: 10 }, (_, i) => make([i], 1)) };
}

/** One sample: runs fn for about `milliseconds`, returns the mean time per operation within the sample. */
function sample(fn, milliseconds) {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < milliseconds) {
    fn();
    iterations++;
    elapsed = performance.now() - start;
  }
  return { microsecondsPerOperation: (elapsed * 1000) / iterations, iterations };
}

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

if (process.argv.includes('--print-sdl')) {
  process.stdout.write(benchSdl);
  process.exit(0);
}

const benchSchema = buildSchema(benchSdl);
const workloads = [
  { workload: 'introspection', schema: benchSchema, source: getIntrospectionQuery(introspectionOptions), rootValue: {} },
  { workload: 'nested-1000', schema: benchSchema, source: nestedQuery, rootValue: benchData() },
];

/** The operation of each workload and phase, checked once. */
const operations = new Map();
for (const w of workloads) {
  const document = parse(w.source);
  if (validate(w.schema, document, specRules).length > 0) throw new Error(`${w.workload} does not validate`);
  const run = () => execute({ schema: w.schema, document, rootValue: w.rootValue });
  if (run().errors) throw new Error(`${w.workload} fails: ${JSON.stringify(run().errors)}`);
  operations.set(`${w.workload}/parse`, () => parse(w.source));
  operations.set(`${w.workload}/validate`, () => validate(w.schema, document, specRules));
  operations.set(`${w.workload}/execute`, run);
  operations.set(`${w.workload}/execute+json`, () => JSON.stringify(run()));
}

const header = { version, node: process.version };
if (process.argv.includes('--serve')) {
  process.stdout.write(JSON.stringify(header) + '\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const request = JSON.parse(line);
    const operation = operations.get(`${request.workload}/${request.phase}`);
    const answer = operation
      ? sample(operation, request.milliseconds)
      : { error: `Unknown workload/phase ${request.workload}/${request.phase}; known: ${[...operations.keys()].join(', ')}` };
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
} else {
  const rounds = argument('--rounds', 15);
  const sampleMs = argument('--sample-ms', 200);
  const results = [];
  for (const [key, operation] of operations) {
    sample(operation, 1000);
    const samples = Array.from({ length: rounds }, () => sample(operation, sampleMs).microsecondsPerOperation).sort((a, b) => a - b);
    const [workload, phase] = key.split('/');
    results.push({ workload, phase, microsecondsPerOperation: samples[Math.floor(samples.length / 2)], samples });
  }
  process.stdout.write(JSON.stringify({ ...header, results }, null, 2));
}
