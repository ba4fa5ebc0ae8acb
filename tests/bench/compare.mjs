// `npm run bench:compare -- --base REV`: this tree's analysis against another commit's, page by page, in one process.
// Separate runs of `npm run bench` on this machine disagree by up to ±25 % on a page (other machines' load, CPU
// frequency): a change of a few per cent is lost in them. Here both analysers are bundled into one program, read the
// same parsed document and take turns (A B, then B A), so whatever slows the machine slows both alike, and the ratio
// of their medians is the figure. The base is checked out once into node_modules/.cache/sourcier/compare/REV.
// Options: --base REV (default HEAD), --rounds N (timed analyses per page and analyser, default 40), --only=corpus|synthetic.
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(REPO, 'node_modules/.cache/sourcier/compare');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  return args[at].includes('=') ? args[at].slice(name.length + 3) : args[at + 1];
};
const git = (...a) => execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim();

const rev = option('base', 'HEAD');
const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
const baseTree = join(CACHE, commit.slice(0, 12));
if (!existsSync(join(baseTree, 'analyser'))) {
  mkdirSync(CACHE, { recursive: true });
  git('worktree', 'add', '--detach', '--force', baseTree, commit);
}

// The harness imports both trees' analyser; the base tree has no node_modules of its own and borrows this one's.
const harness = join(CACHE, 'harness.ts');
writeFileSync(
  harness,
  `import { analyseDocument as base } from ${JSON.stringify(join(baseTree, 'analyser/index'))};
import { analyseDocument as current } from ${JSON.stringify(join(REPO, 'analyser/index'))};
export { base, current };
`,
);
const out = join(CACHE, 'harness.mjs');
await build({
  entryPoints: [harness],
  outfile: out,
  ...NODE_BUNDLE,
  nodePaths: [join(REPO, 'node_modules')],
});
const runner = join(CACHE, 'runner.mjs');
await build({
  entryPoints: [join(REPO, 'tests/bench/compare-run.ts')],
  outfile: runner,
  ...NODE_BUNDLE,
  packages: 'external',
});
console.error(
  `Comparing ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''} with ${rev} (${commit.slice(0, 12)})…`,
);
const result = spawnSync(process.execPath, [runner, out, option('rounds', '40'), option('only', 'corpus,synthetic')], { stdio: 'inherit', cwd: REPO });
process.exit(result.status ?? 1);
