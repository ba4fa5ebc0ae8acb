// Bundles the CLI into dist/sourcier.mjs (run by `npm install` through `postinstall`, and by `npm run build:cli`).
// The bundle runs on Node 20 too, so that `npx sourcier` works wherever npm does.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: [new URL('./main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/sourcier.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __sourcierCreateRequire } from 'node:module';\nconst require = __sourcierCreateRequire(import.meta.url);",
  },
  define: { __SOURCIER_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  legalComments: 'none',
});
chmodSync(new URL('../dist/sourcier.mjs', import.meta.url), 0o755);
