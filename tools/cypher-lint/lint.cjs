#!/usr/bin/env node
// Lints Cypher with Neo4j's own linter (@neo4j-cypher/language-support, lintCypherQuery) against Neo4j 5.
//
// Input (a file path argument, or stdin), either
//   [{ "name", "cypher", "parameters", "consoleCommands"? }, ...]                   -> checked against schema.json here
//   { "schema": { labels, relationshipTypes, propertyKeys }, "statements": [...] } -> checked against that schema
// Every statement's parameters are declared, so an undeclared $parameter is a diagnostic; the schema's labels,
// relationship types and property keys make a misspelt one a diagnostic too.
// Output (stdout): { "statements": n, "diagnostics": [{ name, severity, message, line, column, offset, excerpt }] }
// Exit code: 0 when there are no diagnostics, 1 when there are, 2 when the input is unusable.
'use strict';

const fs = require('fs');
const path = require('path');
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

function readInput() {
  const file = process.argv[2];
  try {
    return JSON.parse(file && file !== '-' ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8'));
  } catch (e) {
    fail(`cannot read the input as JSON (${e.message}). Expected [{name, cypher, parameters}] or {schema, statements}.`);
  }
}

const input = readInput();
const statements = Array.isArray(input) ? input : input.statements;
if (!Array.isArray(statements)) {
  fail('the input has no statement list. Expected [{name, cypher, parameters}] or {schema, statements}.');
}

const schema = Array.isArray(input) || !input.schema
  ? JSON.parse(fs.readFileSync(path.join(__dirname, 'schema.json'), 'utf8'))
  : input.schema;

const severities = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const diagnostics = [];
statements.forEach((statement, index) => {
  const name = statement.name || `statement ${index + 1}`;
  if (typeof statement.cypher !== 'string' || statement.cypher.trim() === '') {
    diagnostics.push({ name, severity: 'error', message: 'The statement has no Cypher text.' });
    return;
  }

  const dbSchema = {
    labels: schema.labels || [],
    relationshipTypes: schema.relationshipTypes || [],
    propertyKeys: schema.propertyKeys || [],
    parameters: statement.parameters || {},
    defaultLanguage: 'CYPHER 5',
  };
  const result = lintCypherQuery(statement.cypher, dbSchema, { consoleCommandsEnabled: statement.consoleCommands === true });
  for (const d of result.diagnostics) {
    const start = d.offsets ? d.offsets.start : undefined;
    const end = d.offsets ? d.offsets.end : undefined;
    diagnostics.push({
      name,
      severity: severities[d.severity] || String(d.severity),
      message: d.message,
      line: d.range ? d.range.start.line + 1 : undefined,
      column: d.range ? d.range.start.character + 1 : undefined,
      offset: start,
      excerpt: start === undefined ? undefined : statement.cypher.slice(Math.max(0, start - 30), Math.min(statement.cypher.length, (end ?? start) + 30)),
    });
  }
});

process.stdout.write(JSON.stringify({ statements: statements.length, diagnostics }, null, 2) + '\n');
process.exit(diagnostics.length === 0 ? 0 : 1);
