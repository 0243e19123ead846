#!/usr/bin/env node
// Compares two SDL files with graphql-js's findBreakingChanges and prints what would break clients.
// Usage: node breaking-changes.mjs <committed.graphql> <current.graphql>
// Exit codes: 0 nothing breaking; 1 breaking changes found (listed on stdout as JSON); 2 bad usage or unreadable SDL.
import { readFile } from 'node:fs/promises';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

const usage = 'usage: node breaking-changes.mjs <committed.graphql> <current.graphql>';
const [oldPath, newPath, ...rest] = process.argv.slice(2);
if (!oldPath || !newPath || rest.length > 0) {
  process.stderr.write(`breaking-changes: expected two SDL files\n${usage}\n`);
  process.exit(2);
}

async function load(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    process.stderr.write(`breaking-changes: cannot read ${path}: ${e.message}\n`);
    process.exit(2);
  }
  try {
    return buildSchema(text);
  } catch (e) {
    process.stderr.write(`breaking-changes: ${path} is not a valid schema: ${e.message}\n`);
    process.exit(2);
  }
}

const before = await load(oldPath);
const after = await load(newPath);
const breaking = findBreakingChanges(before, after);
const dangerous = findDangerousChanges(before, after);
process.stdout.write(`${JSON.stringify({ breaking, dangerous }, null, 2)}\n`);
process.exit(breaking.length === 0 ? 0 : 1);
