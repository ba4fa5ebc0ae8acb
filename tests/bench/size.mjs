// Gzipped size of the built extension's bundles: the content script (injected into every page analysed, so its
// budget is enforced) and the side panel. Builds with `wxt build` first when the build is missing or older than
// the sources. Exits 1 when the content script exceeds its budget.
//   node tests/bench/size.mjs [--json] [--no-build]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET = 40 * 1024;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(REPO, '.output/chrome-mv3');
const SOURCES = ['entrypoints', 'extension', 'analyser', 'rules', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newestSource(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

export function buildIfStale({ allowBuild = true } = {}) {
  const manifest = join(OUT, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestSource(join(REPO, s))));
  if (built >= sources) return false;
  if (!allowBuild) throw new Error(`${OUT} is missing or older than the sources: run "npx wxt build"`);
  console.error(built ? 'The build is older than the sources: wxt build…' : 'No build yet: wxt build…');
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The files a page of the build loads: its scripts and styles, and the chunks those scripts import. */
function pageFiles(html) {
  const files = new Set();
  const text = readFileSync(join(OUT, html), 'utf8');
  for (const m of text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) files.add(m[1]);
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.pop();
    const code = readFileSync(join(OUT, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      const dep = join(dirname(file), m[1]).replace(/\\/g, '/');
      if (!files.has(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...files];
}

export function measureSizes() {
  const content = 'content-scripts/content.js';
  if (!existsSync(join(OUT, content))) throw new Error(`No content script in ${OUT}`);
  const panel = pageFiles('sidepanel.html');
  const row = (name, files) => ({
    name,
    files,
    bytes: files.reduce((n, f) => n + statSync(join(OUT, f)).size, 0),
    gzip: files.reduce((n, f) => n + gz(join(OUT, f)), 0),
  });
  return {
    contentScript: row('content script', [content]),
    panel: row('side panel (scripts + styles)', panel),
    background: row('background (service worker)', ['background.js']),
    budget: CONTENT_SCRIPT_BUDGET,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildIfStale({ allowBuild: !process.argv.includes('--no-build') });
    const sizes = measureSizes();
    if (process.argv.includes('--json')) console.log(JSON.stringify(sizes));
    else {
      for (const r of [sizes.contentScript, sizes.panel, sizes.background])
        console.log(`${r.name.padEnd(30)} ${kb(r.bytes).padStart(9)}  gzip ${kb(r.gzip).padStart(8)}  (${r.files.join(', ')})`);
    }
    const over = sizes.contentScript.gzip > sizes.budget;
    console.log(`${over ? 'OVER BUDGET' : 'ok'}: content script ${kb(sizes.contentScript.gzip)} gzipped, budget ${kb(sizes.budget)}`);
    process.exit(over ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
