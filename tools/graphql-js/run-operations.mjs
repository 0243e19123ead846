// Runs every case of the differential corpus through graphql-js (parse, validate with the
// specification's rules, execute with the kitchen-sink resolvers) and prints one JSON array:
// [{ name, document, variables, operationName, rules, result }], where rules names the
// validation rules that report errors and result is the response ({ errors?, data? }).
//
// Usage: node run-operations.mjs [corpus-directory] [--check]
//   --check  prints a readable report instead, and fails when a case does not meet its
//            "#! expect:" line or when a validation rule has fewer than 3 invalid cases.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, GraphQLError, parse, validate } from 'graphql';
import { readCorpus } from './corpus.mjs';
import { createFieldResolver, rootValueFor, typeResolver } from './resolvers.mjs';
import { buildSchemas, specRules } from './schema.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const directory = resolve(args.find((a) => !a.startsWith('--')) ??
  join(here, '../../tests/Graph.GraphQL.Tests/Differential/operations'));

const schemas = Object.fromEntries(Object.entries(buildSchemas()).map(([name, { schema, data }]) =>
  [name, { schema, data, fieldResolver: createFieldResolver(data) }]));

function errorJson(error) {
  const json = error instanceof GraphQLError ? error.toJSON() : { message: String(error?.message ?? error) };
  const out = { message: json.message };
  if (json.locations) out.locations = json.locations;
  if (json.path) out.path = json.path;
  return out;
}

async function run(testCase) {
  let document;
  try {
    // graphql-js 17 accepts empty selection sets by default (graphql-spec PR #1227, a proposal);
    // the released specification requires at least one selection, and so does our engine.
    document = parse(testCase.document, { allowEmptySelectionSets: false });
  } catch (error) {
    return { rules: ['syntax'], result: { errors: [errorJson(error)] } };
  }
  const { schema } = schemas[testCase.schema];
  const errors = validate(schema, document, specRules);
  if (errors.length > 0) {
    const rules = specRules.filter((rule) => validate(schema, document, [rule]).length > 0).map((r) => r.name);
    return { rules, result: { errors: errors.map(errorJson) } };
  }
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition' &&
    (testCase.operationName == null || d.name?.value === testCase.operationName));
  if (operation?.operation === 'subscription') {
    // Subscriptions need an event stream; the corpus checks their validation only.
    return { rules: [], result: {} };
  }
  const { data, fieldResolver } = schemas[testCase.schema];
  const result = await execute({
    schema,
    document,
    rootValue: rootValueFor(data, operation?.operation ?? 'query'),
    contextValue: { counter: 0 },
    variableValues: testCase.variables ?? undefined,
    operationName: testCase.operationName ?? undefined,
    fieldResolver,
    typeResolver,
  });
  const response = {};
  if (result.errors) response.errors = result.errors.map(errorJson);
  if ('data' in result) response.data = result.data;
  return { rules: [], result: response };
}

const cases = readCorpus(directory);
const outcomes = [];
for (const testCase of cases) {
  outcomes.push({ ...testCase, ...(await run(testCase)) });
}

if (!check) {
  // No process.exit here: it would cut a piped stdout short (at 64 KiB).
  process.stdout.write(JSON.stringify(outcomes));
} else {
  checkExpectations(outcomes);
}

function checkExpectations(outcomes) {
let failures = 0;
const perRule = new Map(specRules.map((r) => [r.name, 0]));
for (const o of outcomes) {
  const expectValid = o.expect.length === 1 && o.expect[0] === 'valid';
  let ok;
  if (expectValid) ok = o.rules.length === 0;
  else ok = o.expect.every((rule) => o.rules.includes(rule)) && o.rules.every((rule) => o.expect.includes(rule));
  for (const rule of o.expect) if (perRule.has(rule)) perRule.set(rule, perRule.get(rule) + 1);
  const mark = ok ? 'ok  ' : 'FAIL';
  if (!ok) failures++;
  console.log(`${mark} ${o.name}  expect=${o.expect.join(',')} rules=${o.rules.join(',') || '-'}`);
  console.log(`       ${JSON.stringify(o.result)}`);
}
console.log(`\n${outcomes.length} cases, ${failures} not as expected.`);
for (const [rule, count] of perRule) {
  if (count < 3) {
    failures++;
    console.log(`Rule ${rule} has only ${count} invalid cases.`);
  }
}
process.exitCode = failures === 0 ? 0 : 1;
}
