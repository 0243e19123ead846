// Re-checks golden fixtures against graphql-js:
//   node check-fixtures.mjs <introspection.json> <schema.graphql> <printed.graphql> [<introspection-query.graphql>]
// - buildClientSchema accepts the introspection and printSchema of it equals the printed fixture;
// - buildSchema of the SDL prints as the printed fixture;
// - the introspection fixture equals graphql-js's answer to the query it answers (the given query file, or
//   introspectionFromSchema with every optional part on).
// Prints {"ok", "problems": [...]} and exits 1 when a problem is found.
import { readFileSync } from 'node:fs';
import { assertValidSchema, buildClientSchema, buildSchema, graphqlSync, introspectionFromSchema, printSchema } from 'graphql';
import { introspectionOptions } from './introspection-options.mjs';

const [introspectionPath, sdlPath, printedPath, queryPath] = process.argv.slice(2);
const problems = [];
const introspection = JSON.parse(readFileSync(introspectionPath, 'utf8'));
const printed = readFileSync(printedPath, 'utf8');
const data = introspection.data ?? introspection;

try {
  const client = buildClientSchema(data);
  assertValidSchema(client);
  const fromIntrospection = printSchema(client);
  if (fromIntrospection.trimEnd() !== printed.trimEnd()) {
    problems.push(`printSchema(buildClientSchema(${introspectionPath})) differs from ${printedPath}:\n${fromIntrospection}`);
  }
} catch (e) {
  problems.push(`buildClientSchema rejects ${introspectionPath}: ${e.message}`);
}

try {
  const schema = buildSchema(readFileSync(sdlPath, 'utf8'));
  assertValidSchema(schema);
  const fromSdl = printSchema(schema);
  if (fromSdl.trimEnd() !== printed.trimEnd()) {
    problems.push(`printSchema(buildSchema(${sdlPath})) differs from ${printedPath}:\n${fromSdl}`);
  }
  const expected = JSON.stringify(queryPath
    ? graphqlSync({ schema, source: readFileSync(queryPath, 'utf8') }).data
    : introspectionFromSchema(schema, introspectionOptions));
  if (expected !== JSON.stringify(data)) {
    problems.push(`introspectionFromSchema(buildSchema(${sdlPath})) differs from ${introspectionPath}:\n${expected}`);
  }
} catch (e) {
  problems.push(`buildSchema rejects ${sdlPath}: ${e.message}`);
}

console.log(JSON.stringify({ ok: problems.length === 0, problems }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);
