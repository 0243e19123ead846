// Bundles the explorer with esbuild into src/Graph.Api/wwwroot/explorer/ (generated, never committed): the app, its
// stylesheet and sigma/graphology, served at / with no CDN. The ForceAtlas2 worker is built by graphology at run time
// from a function in the bundle (a blob: URL), so no separate worker file is needed.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../src/Graph.Api/wwwroot/explorer');
const assetsDir = path.join(outDir, 'assets');
/** URL path the API serves the bundle's files under; the page itself is served at /. */
const base = '/explorer/';
/** `--no-minify` keeps names readable, for CPU profiles (bench/run.mjs --profile). */
const minify = !process.argv.includes('--no-minify');

await rm(outDir, { recursive: true, force: true });
await mkdir(assetsDir, { recursive: true });

const result = await build({
  entryPoints: { main: path.join(here, 'src/main.js') },
  bundle: true,
  minify,
  legalComments: 'linked',
  target: ['es2022'],
  format: 'esm',
  logLevel: 'warning',
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  metafile: true,
});

let js;
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  if (info.entryPoint && file.endsWith('.js')) js = path.basename(file);
}
const css = await build({
  entryPoints: { style: path.join(here, 'src/explorer.css') },
  bundle: true,
  minify: true,
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  logLevel: 'warning',
  metafile: true,
});
const cssFile = path.basename(Object.keys(css.metafile.outputs).find((f) => f.endsWith('.css')));
if (!js || !cssFile) throw new Error('esbuild produced no script or stylesheet');

const template = await readFile(path.join(here, 'index.html'), 'utf8');
await writeFile(path.join(outDir, 'index.html'), template.replaceAll('%MAIN_JS%', `${base}assets/${js}`).replaceAll('%MAIN_CSS%', `${base}assets/${cssFile}`));
console.log(`explorer: wrote ${js}, ${cssFile} and index.html to ${path.relative(process.cwd(), outDir) || outDir}`);
