// Times graphql-js on the engine benchmarks' workloads and prints JSON:
// { version, node, results: [{ workload, phase, microsecondsPerOperation, iterations }] }.
// Workloads, both over the bench schema below: the full introspection query, and a 3-level nested
// query returning 1,000 leaf objects (10 x 10 x 10). Values come from graphql-js's default resolver.
// tests/Graph.Benchmarks/GraphQL/GraphQLBenchmarks.cs runs the same workloads on our engine.
//
// Usage: node bench.mjs [--seconds 1] [--print-sdl]
import { performance } from 'node:perf_hooks';
import { buildSchema, execute, getIntrospectionQuery, parse, validate, version } from 'graphql';
import { introspectionOptions } from './introspection-options.mjs';
import { specRules } from './schema.mjs';

const secondsIndex = process.argv.indexOf('--seconds');
const seconds = secondsIndex > 0 ? Number(process.argv[secondsIndex + 1]) : 1;

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

function time(fn) {
  for (let i = 0; i < 20; i++) fn();
  let iterations = 0;
  const budget = seconds * 1000;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budget) {
    fn();
    iterations++;
    elapsed = performance.now() - start;
  }
  return { microsecondsPerOperation: (elapsed * 1000) / iterations, iterations };
}

if (process.argv.includes('--print-sdl')) {
  process.stdout.write(benchSdl);
  process.exit(0);
}

const benchSchema = buildSchema(benchSdl);
const workloads = [
  { workload: 'introspection', schema: benchSchema, source: getIntrospectionQuery(introspectionOptions), rootValue: {} },
  { workload: 'nested-1000', schema: benchSchema, source: nestedQuery, rootValue: benchData() },
];

const results = [];
for (const w of workloads) {
  const document = parse(w.source);
  if (validate(w.schema, document, specRules).length > 0) throw new Error(`${w.workload} does not validate`);
  const run = () => execute({ schema: w.schema, document, rootValue: w.rootValue });
  if (run().errors) throw new Error(`${w.workload} fails: ${JSON.stringify(run().errors)}`);
  results.push({ workload: w.workload, phase: 'parse', ...time(() => parse(w.source)) });
  results.push({ workload: w.workload, phase: 'validate', ...time(() => validate(w.schema, document, specRules)) });
  results.push({ workload: w.workload, phase: 'execute', ...time(run) });
}
process.stdout.write(JSON.stringify({ version, node: process.version, results }, null, 2));
