// The kitchen-sink schema for graphql-js: kitchen-sink.graphql with the custom scalars' coercion
// and the resolver convention of resolvers.mjs. Our engine builds the same schema in
// tests/Graph.GraphQL.Tests/TestSchema/ and must behave identically.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, specifiedRules } from 'graphql';
import { scalarCoercions } from './resolvers.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export const sdl = readFileSync(join(here, 'kitchen-sink.graphql'), 'utf8');
export const data = JSON.parse(readFileSync(join(here, 'kitchen-sink-data.json'), 'utf8'));

/** Builds the executable kitchen-sink schema. */
export function buildKitchenSinkSchema() {
  const schema = buildSchema(sdl);
  for (const [name, coercion] of Object.entries(scalarCoercions)) {
    const scalar = schema.getType(name);
    const literal = (node) => {
      if (node.kind !== Kind.STRING) {
        throw new Error(`${name} cannot represent a non-string literal.`);
      }
      return coercion.input(node.value);
    };
    // Set both the v17 names and the legacy ones, so every code path uses the same rule.
    scalar.coerceOutputValue = scalar.serialize = coercion.output;
    scalar.coerceInputValue = scalar.parseValue = coercion.input;
    scalar.coerceInputLiteral = scalar.parseLiteral = literal;
  }
  return schema;
}

/**
 * The query-only schema: a second, minimal schema for the rule that an operation's type must
 * exist in the schema (the kitchen sink has all three root types).
 */
export const queryOnlySdl = 'type Query {\n  hello: String\n}\n';
export const queryOnlyData = { nodes: {}, query: { hello: 'world' } };

/** Every schema the corpus can name, with its data. */
export function buildSchemas() {
  return {
    'kitchen-sink': { schema: buildKitchenSinkSchema(), data },
    'query-only': { schema: buildSchema(queryOnlySdl), data: queryOnlyData },
  };
}

// The rules of the specification. graphql-js adds rules for @defer/@stream (not in the
// specification, and not in this schema) and MaxIntrospectionDepthRule (a recommendation):
// they are left out on both sides.
const nonSpecRules = new Set([
  'DeferStreamDirectiveOnRootFieldRule',
  'DeferStreamDirectiveOnValidOperationsRule',
  'DeferStreamDirectiveLabelRule',
  'StreamDirectiveOnListFieldRule',
  'MaxIntrospectionDepthRule',
]);

export const specRules = specifiedRules.filter((rule) => !nonSpecRules.has(rule.name));
