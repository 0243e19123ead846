// Bundles the playground with esbuild into src/Graph.Api/wwwroot/playground/ (generated, never committed):
// the React/GraphiQL app, Monaco's three web workers, fonts and CSS, all served from /playground/ with no CDN.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../src/Graph.Api/wwwroot/playground');
const assetsDir = path.join(outDir, 'assets');
/** URL path the API serves the bundle under; index.html and examples.json live right there. */
const base = '/playground/';

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  target: ['es2022'],
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Output file of each entry point, by entry name and extension ({ main: { js, css } }), from esbuild's metafile. */
function entryOutputs(metafile) {
  const names = {};
  for (const [file, info] of Object.entries(metafile.outputs)) {
    if (!info.entryPoint) continue;
    const entry = path.basename(file).replace(/-[A-Z0-9]+\.js$/, '');
    names[entry] = { js: path.basename(file), css: info.cssBundle ? path.basename(info.cssBundle) : undefined };
  }
  return names;
}

await rm(outDir, { recursive: true, force: true });
await mkdir(assetsDir, { recursive: true });

// Monaco runs its language services in web workers; each is its own classic-script bundle.
const workers = await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  format: 'iife',
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  metafile: true,
});
const workerFiles = entryOutputs(workers.metafile);
const monacoWorkers = {
  editor: workerFiles['editor.worker'].js,
  json: workerFiles['json.worker'].js,
  graphql: workerFiles['graphql.worker'].js,
};

const app = await build({
  ...common,
  entryPoints: { main: path.join(here, 'src/main.jsx') },
  // One script and one stylesheet: without splitting, the lazily imported Monaco language modes and their CSS
  // are bundled in too, so no stylesheet of a lazy chunk is left unloaded (esbuild does not inject those).
  format: 'esm',
  jsx: 'automatic',
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  define: { ...common.define, __MONACO_WORKERS__: JSON.stringify(monacoWorkers) },
  metafile: true,
});
const main = entryOutputs(app.metafile).main;
if (!main?.js || !main?.css) {
  throw new Error(`esbuild produced no main script or stylesheet: ${JSON.stringify(main)}`);
}

const template = await readFile(path.join(here, 'index.html'), 'utf8');
const html = template
  .replaceAll('%MAIN_JS%', `${base}assets/${main.js}`)
  .replaceAll('%MAIN_CSS%', `${base}assets/${main.css}`);
await writeFile(path.join(outDir, 'index.html'), html);

const files = Object.keys(app.metafile.outputs).length + Object.keys(workers.metafile.outputs).length;
console.log(`playground: wrote ${files} files to ${path.relative(process.cwd(), outDir) || outDir}`);
