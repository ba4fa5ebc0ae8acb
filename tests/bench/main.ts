// The benchmark: Node per page (Sourcier vs Readability), scaling to 10 MB, the browser, the bundle sizes; writes
// the figures into BENCHMARKS.md (between its result markers, the written analysis around them is kept) and the
// scaling plot into tests/bench/scaling.svg. Run through tests/bench/run.mjs:
//   npm run bench            full run, writes BENCHMARKS.md
//   npm run bench:quick      one size, few repetitions: proves the benchmark works, writes nothing tracked
// Options: --no-browser, --no-build (use .output/chrome-mv3 as it is), --quick, --only=node,scaling,browser
// (some parts only: for a look at one of them, it does not write BENCHMARKS.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_MAX_CHARS } from '../../analyser';
import { benchPage, type PageResult } from './node-bench';
import { PAINT_SLACK_MS as PAINT_SLACK, benchInBrowser, browserAvailable, readPage, type BrowserResult, type PhaseTimes } from './browser-bench';
import { logLogSvg } from './plot';
import { corpusPages, corpusParagraphs, KB, MB, sizeLabel, syntheticPage } from './synthetic';
import { median, mib, ms } from './stats';
// @ts-expect-error plain ES module without types
import { buildIfStale, measureSizes } from './size.mjs';

const REPO = process.cwd();
const PAGES_DIR = resolve(REPO, '../shared/corpus/pages');
const HERE = join(REPO, 'tests/bench');
const CACHE = join(REPO, 'node_modules/.cache/sourcier/bench');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const part = (name: string) => !only || only.includes(name);
const withBrowser = !args.has('--no-browser') && part('browser');
const log = (line: string) => console.error(line);

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
const TARGETS = { contentScriptGzip: 40 * KB, seedMedianMs: 16, longTaskMs: 50, nodeRatio: 1 };

interface ScalingPoint {
  targetBytes: number;
  textBytes: number;
  htmlBytes: number;
  maxChars: number;
  analysedChars: number;
  truncatedAt: number | null;
  findings: number;
  runs: number;
  parseMs: number;
  analyseMs: number;
  rssAfterParse: number;
  heapAfterParse: number;
  peakRssBeforeAnalysis: number;
  peakRss: number;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

function scalingPoint(targetBytes: number, runs: number, maxChars: number | 'default'): ScalingPoint {
  const child = join(CACHE, 'scaling-child.mjs');
  const result = spawnSync(process.execPath, ['--expose-gc', child, String(targetBytes), String(runs), String(maxChars), PAGES_DIR], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) throw new Error(`scaling ${sizeLabel(targetBytes)} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as ScalingPoint;
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not installed';
  }
}

const phaseNames = ['sourcier:extract', 'sourcier:analyse', 'sourcier:highlight'];
function phaseMedians(runs: PhaseTimes[]) {
  const out: Record<string, number> = {};
  for (const name of phaseNames) {
    const values = runs.map((r) => r.phases[name]).filter((v): v is number => v !== undefined);
    if (values.length) out[name] = median(values);
  }
  return {
    phases: out,
    total: median(runs.map((r) => r.total)),
    busy: median(runs.map((r) => r.mainThreadBusy)),
    longestTraced: Math.max(0, ...runs.map((r) => r.longestTracedTask)),
    longestTask: Math.max(0, ...runs.map((r) => r.longestTask)),
    longestFrame: Math.max(0, ...runs.map((r) => r.longestFrame)),
  };
}

async function main() {
  const started = new Date();
  const loadAtStart = loadAverage();
  const pages = corpusPages(PAGES_DIR);
  const paragraphs = corpusParagraphs(pages);
  mkdirSync(CACHE, { recursive: true });
  let failures = 0;

  // 1. Node, per page.
  log(`Node, per page (load ${loadAtStart})…`);
  const nodeInputs = quick
    ? pages.filter((p) => p.name === 'seed-000' || p.name === 'rd-telegraph').map((p) => ({ name: p.name, html: p.html, kind: 'corpus' }))
    : pages.map((p) => ({ name: p.name, html: p.html, kind: 'corpus' }));
  const synthetic = quick
    ? []
    : [100 * KB, MB].map((size) => ({ name: `synthetic-${sizeLabel(size).replace(' ', '')}`, html: syntheticPage(paragraphs, size).html, kind: 'synthetic' }));
  const perPage: PageResult[] = [];
  for (const input of part('node') ? [...nodeInputs, ...synthetic] : []) {
    const big = input.html.length > 500 * KB;
    const r = benchPage(input, quick ? { warmup: 1, runs: 3 } : big ? { warmup: 1, runs: 5 } : { warmup: 5, runs: 21 });
    log(`  ${r.name}: Sourcier ${ms(r.sourcierMs)} ms, Readability ${ms(r.readabilityMs)} ms, ratio ${r.ratio.toFixed(2)}, parse ${ms(r.parseMs)} ms`);
    if (!(r.findings > 0 && Number.isFinite(r.ratio))) {
      failures++;
      log(`  ✗ ${r.name}: no findings or no timing`);
    }
    perPage.push(r);
  }
  const corpusRatio = !part('node') ? NaN : median(perPage.filter((r) => r.kind === 'corpus').map((r) => r.ratio));

  // 2. Scaling, one process per point.
  log('Scaling…');
  const plan: Array<[number, number]> = quick
    ? [[100 * KB, 1]]
    : [
        [KB, 41],
        [10 * KB, 21],
        [100 * KB, 7],
        [MB, 3],
        [10 * MB, 1],
      ];
  const scaling: ScalingPoint[] = [];
  for (const [size, runs] of part('scaling') ? plan : []) {
    // The full run: no cap, so that the whole text is analysed at every size.
    const p = scalingPoint(size, runs, Number.MAX_SAFE_INTEGER);
    log(`  ${sizeLabel(size)}: ${ms(p.analyseMs)} ms, ${p.findings} findings, peak RSS ${mib(p.peakRss)} MiB`);
    scaling.push(p);
  }
  const capped = quick || !part('scaling') ? null : scalingPoint(10 * MB, 1, 'default');
  if (capped) log(`  10 MB with the default cap (${DEFAULT_MAX_CHARS} chars): ${ms(capped.analyseMs)} ms`);
  if (scaling.some((p) => !(p.findings > 0 && p.analyseMs > 0))) failures++;

  const svg = !scaling.length
    ? ''
    : logLogSvg(
        'Sourcier in Node: time against article text size (log-log)',
        'article text (UTF-8 bytes)',
        'milliseconds (median)',
        [
          { name: 'analysis (no cap)', colour: '#1f6feb', points: scaling.map((p) => ({ x: p.textBytes, y: p.analyseMs })) },
          { name: 'linkedom parse', colour: '#d97706', points: scaling.map((p) => ({ x: p.textBytes, y: p.parseMs })) },
        ],
        (x) => sizeLabel(x),
        (y) => `${y}`,
        plan.map(([size]) => size),
      );
  const svgPath = quick ? join(CACHE, 'scaling.svg') : join(HERE, 'scaling.svg');
  if (scaling.length) writeFileSync(svgPath, svg);

  // 3. The browser.
  let browser: { results: BrowserResult[]; chromium: string; sharedTimeline: boolean } | null = null;
  let browserSkipped: string | null = withBrowser ? null : 'skipped (--no-browser)';
  if (withBrowser) {
    if (!quick && !args.has('--no-build')) buildIfStale();
    browserSkipped = browserAvailable();
    if (!browserSkipped) {
      log('Chromium…');
      const bigPage = { name: 'synthetic-1MB', html: syntheticPage(paragraphs, MB).html };
      const seedPages = (quick ? ['seed-000'] : SEEDS).map((name) => readPage(PAGES_DIR, name));
      browser = await benchInBrowser(seedPages, { tabs: quick ? 1 : 5, warmRuns: quick ? 1 : 5, log });
      if (!quick) {
        const big = await benchInBrowser([bigPage], { tabs: 3, warmRuns: 1, timeoutMs: 120_000, log });
        browser.results.push(...big.results);
      }
    } else log(`Chromium skipped: ${browserSkipped}`);
  }

  // 4. Sizes (the build as it is; `npm run size` is the budget check).
  let sizes: ReturnType<typeof measureSizes> | null = null;
  if (!quick && existsSync(join(REPO, '.output/chrome-mv3/manifest.json'))) sizes = measureSizes();

  const markdown = report({ started, loadAtStart, perPage, corpusRatio, scaling, capped, browser, browserSkipped, sizes, quick });
  if (quick || only) {
    const file = join(CACHE, quick ? 'BENCHMARKS.quick.md' : 'BENCHMARKS.part.md');
    writeFileSync(file, markdown);
    log(`Written to ${file}${quick ? ' (no timing is asserted)' : ''}.`);
  } else {
    const file = join(REPO, 'BENCHMARKS.md');
    const START = '<!-- bench:results:start -->';
    const END = '<!-- bench:results:end -->';
    const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
    const [before, rest] = current.includes(START) ? current.split(START) : [current + '\n', `\n${END}\n`];
    const after = rest!.includes(END) ? rest!.split(END)[1] : '\n';
    writeFileSync(file, `${before}${START}\n${markdown}${END}${after}`);
    log(`Written: BENCHMARKS.md, ${svgPath}`);
  }
  if (failures) {
    log(`${failures} part(s) of the benchmark did not work`);
    process.exit(1);
  }
}

interface ReportInput {
  started: Date;
  loadAtStart: string;
  perPage: PageResult[];
  corpusRatio: number;
  scaling: ScalingPoint[];
  capped: ScalingPoint | null;
  browser: { results: BrowserResult[]; chromium: string; sharedTimeline: boolean } | null;
  browserSkipped: string | null;
  sizes: ReturnType<typeof measureSizes> | null;
  quick: boolean;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');

function report(r: ReportInput): string {
  const lines: string[] = [];
  const cpu = os.cpus();
  lines.push(`_Generated by \`npm run bench${r.quick ? ':quick' : ''}\` on ${r.started.toISOString().slice(0, 16).replace('T', ' ')} UTC._`, '');
  lines.push('| Machine | |', '|---|---|');
  lines.push(`| CPU | ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores |`);
  lines.push(`| Memory | ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB |`);
  lines.push(`| OS | ${os.type()} ${os.release()} |`);
  lines.push(`| Node | ${process.version} (V8 ${process.versions.v8}) |`);
  lines.push(`| Chromium | ${r.browser?.chromium ?? chromiumVersion()} (headless, the extension loaded from a copy of \`.output/chrome-mv3\`) |`);
  lines.push(`| DOM in Node | linkedom ${pkgVersion('linkedom')} for both Sourcier and Readability ${pkgVersion('@mozilla/readability')} |`);
  lines.push(`| Load average (1, 5, 15 min) | ${r.loadAtStart} at the start, ${loadAverage()} at the end |`, '');

  // Targets first.
  const seeds = r.browser?.results.filter((b) => SEEDS.includes(b.name)) ?? [];
  const big = r.browser?.results.find((b) => b.name === 'synthetic-1MB');
  const seedCold = seeds.map((b) => median(b.cold.map((x) => x.total)));
  const seedWarm = seeds.map((b) => median(b.warm.map((x) => x.total)));
  const seedColdBusy = seeds.map((b) => median(b.cold.map((x) => x.mainThreadBusy)));
  const seedWarmBusy = seeds.map((b) => median(b.warm.map((x) => x.mainThreadBusy)));
  const worstSeedColdBusy = Math.max(...seedColdBusy);
  const worstSeedCold = Math.max(...seedCold);
  const bigLongest = big ? Math.max(...[...big.cold, ...big.warm].map((x) => x.longestTracedTask)) : NaN;
  const bigTotal = big ? median(big.cold.map((x) => x.total)) : NaN;
  const full = r.scaling;
  const per = full.map((p) => p.analyseMs / p.textBytes);
  const growth =
    full.length > 1 ? Math.log(full[full.length - 1]!.analyseMs / full[1]!.analyseMs) / Math.log(full[full.length - 1]!.textBytes / full[1]!.textBytes) : NaN;
  lines.push('## Targets', '', '| Target | Measured | |', '|---|---|---|');
  if (r.sizes)
    lines.push(`| Content script ≤ 40 KB gzipped | ${kb(r.sizes.contentScript.gzip)} | ${verdict(r.sizes.contentScript.gzip <= TARGETS.contentScriptGzip)} |`);
  // The target is the page's frame budget: the page's main-thread time is what is compared with 16 ms. The wall-clock
  // time until the report is ready (which includes the rules running in the background worker) is shown beside it.
  if (seeds.length)
    lines.push(
      `| Chromium, seed pages: full analysis median ≤ 16 ms of the page's main thread | main thread, first click: ${seedColdBusy.map(ms).join(', ')} ms (worst ${ms(worstSeedColdBusy)}); again: ${seedWarmBusy.map(ms).join(', ')} ms. Wall clock until the report is ready, first click: ${seedCold.map(ms).join(', ')} ms (worst ${ms(worstSeedCold)}); again: ${seedWarm.map(ms).join(', ')} ms | ${verdict(worstSeedColdBusy <= TARGETS.seedMedianMs)} |`,
    );
  if (big)
    lines.push(
      `| Chromium, 1 MB page: no main-thread task > 50 ms | longest main-thread task ${ms(bigLongest)} ms (analysis ${ms(bigTotal)} ms in all) | ${verdict(bigLongest <= TARGETS.longTaskMs)} |`,
    );
  if (r.perPage.length)
    lines.push(
      `| Node: Sourcier / Readability \`parse()\` ≤ 1.0 at the corpus median | ${r.corpusRatio.toFixed(2)} | ${verdict(r.corpusRatio <= TARGETS.nodeRatio)} |`,
    );
  if (full.length > 2)
    lines.push(
      `| Linear growth to 10 MB, no out-of-memory | slope ${growth.toFixed(2)} on log-log from 10 KB to 10 MB; ${ms(full[full.length - 1]!.analyseMs)} ms and ${mib(full[full.length - 1]!.peakRss)} MiB peak RSS at 10 MB | ${verdict(growth <= 1.15)} |`,
    );
  lines.push('');

  lines.push('## 1. Node, per page', '');
  lines.push(
    'Median of repeated runs after warm-up (21 runs after 5 warm-up runs; 5 after 1 for the 1 MB page), Sourcier and Readability interleaved in one process. Sourcier: `analyseDocument` (extraction + rules + score) on a parsed document; Readability: `new Readability(doc).parse()` alone, each run on its own fresh parse (it rewrites its document). Parsing (linkedom `parseHTML`) is timed on its own.',
    '',
  );
  lines.push(
    '| Page | HTML | Article text | Findings | Parse (ms) | Sourcier (ms) | Readability parse() (ms) | Ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const p of r.perPage)
    lines.push(
      `| ${p.name} | ${kb(p.htmlBytes)} | ${p.articleChars.toLocaleString('en')} chars | ${p.findings} | ${ms(p.parseMs)} | ${ms(p.sourcierMs)} | ${ms(p.readabilityMs)} | ${p.ratio.toFixed(2)} |`,
    );
  lines.push('', `Median ratio over the ${r.perPage.filter((p) => p.kind === 'corpus').length} corpus pages: **${r.corpusRatio.toFixed(2)}**.`, '');

  lines.push('## 2. Scaling', '');
  lines.push(
    "Synthetic French articles built from the corpus's own article paragraphs (seeded shuffle, same page every run), inside ordinary page chrome. One Node process per size (`--expose-gc`); time is the median of the runs; peak RSS is the process's maximum resident memory (`process.resourceUsage().maxRSS`), which includes building the page and parsing it (shown apart).",
    '',
  );
  lines.push(
    '| Text | HTML | Findings | Runs | Parse (ms) | Analysis (ms) | µs per KB | Heap after parse (MiB) | Peak RSS before analysis (MiB) | Peak RSS (MiB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  full.forEach((p, i) =>
    lines.push(
      `| ${sizeLabel(p.textBytes)} | ${sizeLabel(p.htmlBytes)} | ${p.findings} | ${p.runs} | ${ms(p.parseMs)} | ${ms(p.analyseMs)} | ${(per[i]! * KB * 1000).toFixed(0)} | ${mib(p.heapAfterParse)} | ${mib(p.peakRssBeforeAnalysis)} | ${mib(p.peakRss)} |`,
    ),
  );
  if (r.capped)
    lines.push(
      '',
      `With the default cap (\`DEFAULT_MAX_CHARS\` = ${DEFAULT_MAX_CHARS.toLocaleString('en')} characters, what the extension and the CLI use), the 10 MB page analyses its first ${r.capped.analysedChars.toLocaleString('en')} characters in ${ms(r.capped.analyseMs)} ms, ${r.capped.findings} findings, peak RSS ${mib(r.capped.peakRss)} MiB; the report says the text was cut.`,
    );
  lines.push('', `![Time against text size, log-log](${r.quick ? 'scaling.svg' : 'tests/bench/scaling.svg'})`, '');

  lines.push('## 3. In Chromium', '');
  if (!r.browser) lines.push(`Not run: ${r.browserSkipped}.`, '');
  else {
    lines.push(
      `${r.browser.chromium}, headless, the built extension loaded; pages served from 127.0.0.1; the analysis started by a click on the toolbar button (DevTools \`Extensions.triggerAction\`, as in the E2E tests). The content script's \`performance.measure\` entries are read from the page (content scripts and the page share one performance timeline in Chromium: ${r.browser.sharedTimeline ? 'verified, the page saw them' : 'not verified'}). "First click": a fresh tab, the script injected then run (median over 5 tabs); "again": the button clicked again in the same tab (median of 5 per tab). The longest main-thread task is read from Chromium's trace (\`RunTask\` events of the page's renderer main thread, from the click to the end of the highlights; the worst over all runs). Two times are given for an analysis. **Main thread**: how long the page's renderer main thread was busy from the click until the highlights were drawn, plus ${PAINT_SLACK} ms for the frame that paints them (the sum of its \`RunTask\` events in the trace: injecting the script, reading the page, receiving the findings, highlighting, painting) — what the analysis costs the page's frames, and the figure the 16 ms target is compared with. **Wall clock**: from the start of the reading to the end of the highlights (\`performance.measure\`), which also includes waiting for the background service worker, where the rules and the score run off the page's main thread (\`analyse\`). The Long Tasks API and long animation frames, observed from before the page's own scripts, report only entries of 50 ms or more (the Long Tasks API did not report the content script's tasks in every run, hence the trace).`,
      '',
    );
    const veryFirst = r.browser.results[0]?.cold[0];
    if (veryFirst)
      lines.push(
        `The very first analysis after the browser started (${r.browser.results[0]!.name}, first tab) took ${ms(veryFirst.total)} ms, of which ${ms(veryFirst.phases['sourcier:analyse'] ?? NaN)} ms waiting for the background: a service worker that has just started loads the rule packs and compiles their patterns. That happens again whenever Chrome has stopped the idle worker (after about 30 s); it runs in the worker, not on the page's main thread.`,
        '',
      );
    lines.push(
      '| Page | Main thread, first click (ms) | Main thread, again (ms) | First click: wall clock (ms) | extract | analyse | highlight | Again: wall clock (ms) | Longest main-thread task (trace, ms) | Long Tasks API | Long animation frame |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const b of r.browser.results) {
      const cold = phaseMedians(b.cold);
      const warm = phaseMedians(b.warm);
      const all = phaseMedians([...b.cold, ...b.warm]);
      const cell = (n: string) => (cold.phases[n] === undefined ? '—' : ms(cold.phases[n]!));
      lines.push(
        `| ${b.name} | ${ms(cold.busy)} | ${b.warm.length ? ms(warm.busy) : '—'} | ${ms(cold.total)} | ${cell('sourcier:extract')} | ${cell('sourcier:analyse')} | ${cell('sourcier:highlight')} | ${b.warm.length ? ms(warm.total) : '—'} | ${ms(all.longestTraced)} | ${all.longestTask ? ms(all.longestTask) : 'none'} | ${all.longestFrame ? ms(all.longestFrame) : 'none'} |`,
      );
    }
    lines.push('');
  }

  lines.push('## 4. Bundle sizes', '');
  if (!r.sizes) lines.push('Not measured (no build, or quick mode): `npm run size`.', '');
  else {
    lines.push("From `.output/chrome-mv3` after `wxt build`, gzip level 9 (`npm run size` fails above the content script's budget).", '');
    lines.push('| Bundle | Files | Size | Gzipped |', '|---|---|---:|---:|');
    for (const s of [r.sizes.contentScript, r.sizes.panel, r.sizes.background])
      lines.push(`| ${s.name} | ${s.files.map((f: string) => `\`${f}\``).join(', ')} | ${kb(s.bytes)} | ${kb(s.gzip)} |`);
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
