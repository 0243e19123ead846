// Reads the differential corpus: *.graphql files where each case starts with a header line
// "### name", followed by optional "#! key: value" lines (variables: JSON object,
// operationName: name, schema: kitchen-sink (default) or query-only, expect: "valid", "syntax" or the validation rules that must report).
// The rest, up to the next header, is the document.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export function readCorpus(directory) {
  const cases = [];
  const files = readdirSync(directory).filter((f) => f.endsWith('.graphql')).sort();
  for (const file of files) {
    const group = basename(file, '.graphql');
    const lines = readFileSync(join(directory, file), 'utf8').replace(/\r\n/g, '\n').split('\n');
    let current = null;
    const finish = () => {
      if (!current) return;
      while (current.body.length && current.body[0].trim() === '') current.body.shift();
      while (current.body.length && current.body.at(-1).trim() === '') current.body.pop();
      current.document = current.body.join('\n');
      delete current.body;
      cases.push(current);
    };
    for (const line of lines) {
      const header = /^### (\S+)\s*$/.exec(line);
      if (header) {
        finish();
        current = { name: `${group}/${header[1]}`, schema: 'kitchen-sink', variables: null, operationName: null, expect: ['valid'], body: [] };
        continue;
      }
      if (!current) continue;
      const meta = /^#! (\w+): (.*)$/.exec(line);
      if (meta && current.body.length === 0) {
        const [, key, value] = meta;
        if (key === 'variables') current.variables = JSON.parse(value);
        else if (key === 'operationName') current.operationName = value.trim();
        else if (key === 'schema') current.schema = value.trim();
        else if (key === 'expect') current.expect = value.trim().split(/\s+/);
        else throw new Error(`${current.name}: unknown metadata "${key}"`);
        continue;
      }
      current.body.push(line);
    }
    finish();
  }
  const seen = new Set();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`Duplicate case name ${c.name}`);
    seen.add(c.name);
  }
  return cases;
}
