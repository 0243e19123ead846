#!/usr/bin/env node
// Runs graphql-http's GraphQL-over-HTTP server audits against a live endpoint and prints a JSON summary.
// Usage: node audit.mjs <url>      e.g. node audit.mjs http://127.0.0.1:5000/graphql
// Exit codes: 0 every MUST and SHOULD audit passed; 1 at least one MUST or SHOULD failed; 2 bad usage or unreachable.
import { serverAudits } from 'graphql-http';

const usage = 'usage: node audit.mjs <url>   (the GraphQL endpoint, such as http://127.0.0.1:5000/graphql)';

function fail(message, code = 2) {
  process.stderr.write(`graphql-http audit: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  fail(args.length === 0 ? `no URL given\n${usage}` : `expected exactly one argument, got ${args.length}\n${usage}`);
}

let url;
try {
  url = new URL(args[0]);
} catch {
  fail(`"${args[0]}" is not an absolute URL\n${usage}`);
}
if (url.protocol !== 'http:' && url.protocol !== 'https:') {
  fail(`"${args[0]}" uses ${url.protocol}; only http: and https: are allowed\n${usage}`);
}

// One plain request first, so an endpoint that is down is reported once rather than as dozens of failed audits.
try {
  await fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
} catch (e) {
  fail(`cannot reach ${url.href}: ${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? e}`);
}

/** MUST, SHOULD or MAY: graphql-http puts the requirement level first in every audit's name. */
function requirementOf(name) {
  const word = name.split(' ', 1)[0];
  return word === 'MUST' || word === 'SHOULD' || word === 'MAY' ? word : 'UNKNOWN';
}

const results = [];
for (const audit of serverAudits({ url: url.href })) {
  const requirement = requirementOf(audit.name);
  let result;
  try {
    result = await audit.fn();
  } catch (e) {
    result = { status: 'error', reason: `the audit threw: ${e?.message ?? e}` };
  }
  const ok = result.status === 'ok';
  results.push({
    id: audit.id,
    name: audit.name,
    requirement,
    ok,
    reason: ok ? null : String(result.reason ?? result.status),
  });
}

const failed = (level) => results.filter((r) => !r.ok && r.requirement === level).length;
const summary = {
  url: url.href,
  total: results.length,
  passed: results.filter((r) => r.ok).length,
  failed: { MUST: failed('MUST'), SHOULD: failed('SHOULD'), MAY: failed('MAY') },
};
const blocking = summary.failed.MUST + summary.failed.SHOULD + failed('UNKNOWN');
summary.ok = blocking === 0;

process.stdout.write(`${JSON.stringify({ summary, audits: results }, null, 2)}\n`);
if (!summary.ok) {
  process.stderr.write(
    `graphql-http audit: ${summary.failed.MUST} MUST and ${summary.failed.SHOULD} SHOULD audit(s) failed against ${url.href}\n`,
  );
}
process.exit(summary.ok ? 0 : 1);
