// Checks our engine's introspection of the kitchen-sink schema with graphql-js.
//
// Usage:
//   node check-introspection.mjs --print-query
//       prints the introspection query to run (getIntrospectionQuery with every option on).
//   node check-introspection.mjs <introspection.json> <our-printed-schema.graphql>
//       <introspection.json> is our response to that query ({ "data": ... } or the data itself);
//       <our-printed-schema.graphql> is our SDL printer's output for the same schema.
//
// Checks, in order: the response has no errors; graphql-js buildClientSchema accepts it and
// assertValidSchema passes; printSchema of that client schema equals our printer's output
// byte for byte; and every definition printed from it equals the one printed from graphql-js's
// own build of kitchen-sink.graphql (compared per definition, because the order of types in a
// schema is not specified). Prints { ok, problems } as JSON; exits 0 when ok, 1 otherwise.
import { readFileSync } from 'node:fs';
import {
  assertValidSchema,
  buildClientSchema,
  getIntrospectionQuery,
  graphqlSync,
  printSchema,
} from 'graphql';
import { introspectionOptions } from './introspection-options.mjs';
import { buildKitchenSinkSchema } from './schema.mjs';


const args = process.argv.slice(2);
if (args[0] === '--print-query') {
  process.stdout.write(getIntrospectionQuery(introspectionOptions));
} else if (args.length !== 2) {
  console.error('Usage: node check-introspection.mjs <introspection.json> <our-printed-schema.graphql>');
  process.exitCode = 2;
} else {
  process.stdout.write(JSON.stringify(check(args[0], args[1]), null, 2));
}

/** Runs every check; returns { ok, problems }. */
function check(responsePath, sdlPath) {
const problems = [];
const report = () => {
  process.exitCode = problems.length === 0 ? 0 : 1;
  return { ok: problems.length === 0, problems };
};

const response = JSON.parse(readFileSync(responsePath, 'utf8'));
const ourSdl = readFileSync(sdlPath, 'utf8');
if (response.errors?.length) problems.push(`The introspection response has errors: ${JSON.stringify(response.errors)}`);
const introspection = response.data ?? response;

let clientSchema;
try {
  clientSchema = buildClientSchema(introspection);
  assertValidSchema(clientSchema);
} catch (error) {
  problems.push(`graphql-js rejects the introspection result: ${error.message}`);
  return report();
}

const printedFromOurs = printSchema(clientSchema);
if (printedFromOurs !== ourSdl) {
  problems.push(`printSchema(buildClientSchema(ours)) differs from our SDL printer:\n${firstDifference(printedFromOurs, ourSdl)}`);
}

// The reference: graphql-js's own schema, introspected and printed the same way.
const reference = graphqlSync({ schema: buildKitchenSinkSchema(), source: getIntrospectionQuery(introspectionOptions) });
const printedReference = printSchema(buildClientSchema(reference.data));
const ours = definitions(printedFromOurs);
const theirs = definitions(printedReference);
for (const [key, text] of theirs) {
  if (!ours.has(key)) problems.push(`Missing definition ${key}:\n${text}`);
  else if (ours.get(key) !== text) problems.push(`Definition ${key} differs.\nours:\n${ours.get(key)}\ngraphql-js:\n${text}`);
}
for (const key of ours.keys()) {
  if (!theirs.has(key)) problems.push(`Unexpected definition ${key}:\n${ours.get(key)}`);
}
return report();
}

/** Splits printed SDL into its definitions, keyed by kind and name. */
function definitions(sdl) {
  const map = new Map();
  for (const block of sdl.split(/\n\n(?=(?:"""[\s\S]*?"""\n|"[^\n]*"\n)?(?:schema|scalar|type|interface|union|enum|input|directive)\b)/)) {
    const body = block.replace(/^(?:"""[\s\S]*?"""\n|"[^\n]*"\n)/, '');
    const match = /^(schema|scalar|type|interface|union|enum|input|directive)\s*(@?\w*)/.exec(body);
    map.set(match ? `${match[1]} ${match[2]}`.trim() : block, block.trim());
  }
  return map;
}

function firstDifference(a, b) {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      return `line ${i + 1}:\n  graphql-js: ${JSON.stringify(al[i])}\n  ours:       ${JSON.stringify(bl[i])}`;
    }
  }
  return '(no line differs; the texts differ in line endings or a trailing newline)';
}
