// `npm run bench` / `npm run bench:quick`: bundles the TypeScript benchmark with esbuild (as the CLI is built)
// into node_modules/.cache/sourcier/bench and runs it. Options are passed through to tests/bench/main.ts.
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(REPO, 'node_modules/.cache/sourcier/bench');
// Modules that find the repository from their own location: loaded from their place in the tree (Node runs
// TypeScript without types), not copied into the bundle.
const IN_PLACE = [
  [/\/e2e\/browser$/, join(REPO, 'tests/e2e/browser.ts')],
  [/\/size\.mjs$/, join(REPO, 'tests/bench/size.mjs')],
];

await build({
  entryPoints: { main: join(REPO, 'tests/bench/main.ts'), 'scaling-child': join(REPO, 'tests/bench/scaling-child.ts') },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  ...NODE_BUNDLE,
  packages: 'external',
  plugins: [
    {
      name: 'in-place',
      setup(b) {
        for (const [filter, file] of IN_PLACE) b.onResolve({ filter }, () => ({ path: pathToFileURL(file).href, external: true }));
      },
    },
  ],
});

const result = spawnSync(process.execPath, [join(OUT, 'main.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: REPO });
process.exit(result.status ?? 1);
