// Regenerates the graphql-js side of the fixtures in tests/Graph.GraphQL.Tests/Utilities/Fixtures/:
// kitchen-sink.printed.graphql (printSchema of buildSchema of kitchen-sink.graphql) and
// kitchen-sink.introspection.json (introspection-query.graphql run on that schema, with the descriptions of built-in
// types and directives blanked: their wording is graphql-js's own text, which our engine does not copy; and with
// graphql-js 17's additions beyond the September 2025 specification left out, see below).
// Usage: node tools/graphql-js/fixtures.mjs [--write]   (without --write, prints what would change)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphqlSync, printSchema } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', '..', 'tests', 'Graph.GraphQL.Tests', 'Utilities', 'Fixtures');
const read = (name) => readFileSync(join(fixtures, name), 'utf8');

const schema = buildSchema(read('kitchen-sink.graphql'));
const printed = printSchema(schema);

const result = graphqlSync({ schema, source: read('introspection-query.graphql') });
if (result.errors) {
  throw new Error(JSON.stringify(result.errors));
}

const builtInScalars = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const builtInDirectives = new Set(['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf']);
for (const type of result.data.__schema.types) {
  if (!type.name.startsWith('__') && !builtInScalars.has(type.name)) continue;
  type.description = null;
  for (const field of type.fields ?? []) {
    field.description = null;
    for (const arg of field.args) arg.description = null;
  }
  for (const value of type.enumValues ?? []) value.description = null;
}
for (const directive of result.data.__schema.directives) {
  if (!builtInDirectives.has(directive.name)) continue;
  directive.description = null;
  for (const arg of directive.args) arg.description = null;
}
// graphql-js 17 goes beyond the September 2025 specification with deprecated directives (__Directive.isDeprecated and
// deprecationReason, __Schema.directives(includeDeprecated:), @deprecated on DIRECTIVE_DEFINITION) and fragment
// arguments (FRAGMENT_VARIABLE_DEFINITION); the fixture keeps the specification's introspection, as our engine does.
const beyondSpecLocations = new Set(['FRAGMENT_VARIABLE_DEFINITION', 'DIRECTIVE_DEFINITION']);
for (const type of result.data.__schema.types) {
  if (type.name === '__Schema') {
    for (const field of type.fields) if (field.name === 'directives') field.args = [];
  } else if (type.name === '__Directive') {
    type.fields = type.fields.filter((field) => field.name !== 'isDeprecated' && field.name !== 'deprecationReason');
  } else if (type.name === '__DirectiveLocation') {
    type.enumValues = type.enumValues.filter((value) => !beyondSpecLocations.has(value.name));
  }
}
for (const directive of result.data.__schema.directives) {
  directive.locations = directive.locations.filter((location) => !beyondSpecLocations.has(location));
}
const introspection = JSON.stringify(result);

const outputs = { 'kitchen-sink.printed.graphql': printed, 'kitchen-sink.introspection.json': introspection };
for (const [name, text] of Object.entries(outputs)) {
  const same = read(name) === text;
  console.log(`${name}: ${same ? 'unchanged' : 'differs'}`);
  if (!same && process.argv.includes('--write')) writeFileSync(join(fixtures, name), text);
}
