// In the browser: Debian's Chromium with the built extension (the E2E tests' launcher), pages served from
// 127.0.0.1, the analysis started by a real click on the toolbar button. The content script records
// performance measures around its phases ('sourcier:*'); the content script's isolated world and the page share
// one performance timeline in Chromium, so the page reads them. The longest main-thread task during the analysis
// comes from Chromium's own trace (every task, whichever world ran it); a PerformanceObserver installed before any
// page script also records the Long Tasks API's entries and long animation frames (both ≥ 50 ms only).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, clickToolbarButton, launchWithExtension, type ExtensionBrowser } from '../e2e/browser';

export interface BrowserPage {
  name: string;
  html: string;
}

export interface PhaseTimes {
  /** Duration per measure name ('sourcier:extract', 'sourcier:analyse', 'sourcier:highlight', …). */
  phases: Record<string, number>;
  /** From the first phase's start to the last phase's end. */
  total: number;
  /** Longest task (Long Tasks API, ≥ 50 ms only) overlapping the analysis; 0 when none. */
  longestTask: number;
  /** Longest task on the page's main thread from the click to the end of the analysis (Chromium's trace). */
  longestTracedTask: number;
  /**
   * Time the page's main thread was busy from the click until the highlights were drawn (plus the frame that paints
   * them): the sum of its tasks in Chromium's trace, whichever world ran them. What the analysis costs the page's
   * frames; the wait for the background, where the rules run, is not in it.
   */
  mainThreadBusy: number;
  /** Longest animation frame (≥ 50 ms only) overlapping the analysis; 0 when none. */
  longestFrame: number;
}

export interface BrowserResult {
  name: string;
  /** First analysis after the click in a fresh tab (script injected, then run). */
  cold: PhaseTimes[];
  /** Later analyses in the same tab (the button clicked again). */
  warm: PhaseTimes[];
}

export function browserAvailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return `no build in ${EXTENSION_DIR}`;
  return null;
}

async function serve(pages: BrowserPage[]): Promise<{ origin: string; close(): Promise<void> }> {
  const byPath = new Map(pages.map((p) => [`/${p.name}.html`, p.html]));
  const server = http.createServer((req, res) => {
    const html = byPath.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

// Runs in the page before its own scripts: long tasks and long animation frames, kept on window.
const OBSERVE_LONG_WORK = `(() => {
  const seen = (window.__benchLong = []);
  for (const type of ['longtask', 'long-animation-frame']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.push({ type: e.entryType, start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: true });
    } catch {}
  }
})();`;

interface Measures {
  measures: Array<{ name: string; start: number; duration: number }>;
  long: Array<{ type: string; start: number; duration: number }>;
}

const readMeasures = (page: Page) =>
  page.evaluate(() => ({
    measures: performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('sourcier:'))
      .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
    long: ((window as unknown as { __benchLong?: Measures['long'] }).__benchLong ?? []).slice(),
  })) as Promise<Measures>;

/** The last phase the content script measures; its appearance means the analysis is done. */
const LAST_PHASE = 'sourcier:highlight';

async function waitForRun(page: Page, runsBefore: number, timeoutMs: number): Promise<Measures> {
  // One evaluation that waits in the page for the measure (a PerformanceObserver), rather than polling: every
  // DevTools evaluation is a task on the page's main thread, which would count in its busy time.
  const done = await page.evaluate(
    ({ name, runs, timeout }) =>
      new Promise<boolean>((resolve) => {
        const count = () => performance.getEntriesByName(name, 'measure').length;
        if (count() > runs) return resolve(true);
        const observer = new PerformanceObserver(() => {
          if (count() > runs) {
            observer.disconnect();
            resolve(true);
          }
        });
        observer.observe({ type: 'measure' });
        setTimeout(() => resolve(count() > runs), timeout);
      }),
    { name: LAST_PHASE, runs: runsBefore, timeout: timeoutMs },
  );
  if (!done) {
    const m = await readMeasures(page);
    throw new Error(`No '${LAST_PHASE}' measure in ${page.url()} after ${timeoutMs} ms (measures: ${m.measures.map((e) => e.name).join(', ') || 'none'})`);
  }
  // Let the observers deliver the entries of the task that just ended.
  await page.waitForTimeout(150);
  return readMeasures(page);
}

/**
 * The longest task the page's renderer main thread ran while tracing: Chromium's own task events
 * ('RunTask', category 'toplevel'), so every task counts, whichever script or world it ran.
 */
function tasksInTrace(trace: Buffer, url: string): { longest: number; busy: number } {
  const { traceEvents: events } = JSON.parse(trace.toString('utf8')) as {
    traceEvents: Array<{
      name: string;
      ph: string;
      pid: number;
      tid: number;
      ts: number;
      dur?: number;
      args?: { name?: string; data?: { frames?: Array<{ url: string; processId: number }> } };
    }>;
  };
  const pids = new Set<number>();
  for (const e of events) for (const f of e.args?.data?.frames ?? []) if (f.url === url) pids.add(f.processId);
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`),
  );
  // From the click on: the page's own loading, layout and paint before it are not Sourcier's.
  const click = events.find((e) => e.name === CLICK_MARK && pids.has(e.pid))?.ts ?? -Infinity;
  // Busy time: until the last highlight measure ends (user timing events), plus PAINT_SLACK_MS for the frame that
  // paints the highlights.
  const lastPhase = events.filter((e) => e.name === LAST_PHASE && pids.has(e.pid)).reduce((end, e) => Math.max(end, e.ts + (e.dur ?? 0)), -Infinity);
  const until = Number.isFinite(lastPhase) ? lastPhase + PAINT_SLACK_MS * 1000 : Infinity;
  let longest = 0;
  let busy = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(`${e.pid}:${e.tid}`) || e.ts + (e.dur ?? 0) <= click) continue;
    longest = Math.max(longest, (e.dur ?? 0) / 1000);
    if (e.ts < until) busy += (Math.min(e.ts + (e.dur ?? 0), until) - Math.max(e.ts, click)) / 1000;
  }
  return { longest, busy };
}

/** After the last phase, the frame that paints the highlights still counts in the main thread's busy time. */
export const PAINT_SLACK_MS = 50;

const CLICK_MARK = 'bench:click';

/** Runs `action` with Chromium tracing the page; the longest main-thread task of the page meanwhile, and its busy time. */
async function traced(browser: Browser, page: Page, action: () => Promise<void>): Promise<{ longest: number; busy: number }> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.evaluate((name) => void performance.mark(name), CLICK_MARK);
  let failure: unknown = null;
  await action().catch((error: unknown) => (failure = error));
  const trace = await browser.stopTracing();
  if (failure) throw failure;
  // BENCH_TRACE_DIR=dir keeps every trace (open them in chrome://tracing or the DevTools Performance panel).
  const keep = process.env.BENCH_TRACE_DIR;
  if (keep) writeFileSync(join(keep, `${new URL(page.url()).pathname.slice(1)}-${Date.now()}.json`), trace);
  return tasksInTrace(trace, page.url());
}

/** The phases of run number `run` (0-based): the measures between the previous run's last phase and this one's. */
function phasesOf(m: Measures, run: number, { longest: longestTracedTask, busy: mainThreadBusy }: { longest: number; busy: number }): PhaseTimes {
  const ends = m.measures.filter((e) => e.name === LAST_PHASE);
  const end = ends[run]!;
  const from = run > 0 ? ends[run - 1]!.start + ends[run - 1]!.duration : -Infinity;
  const own = m.measures.filter((e) => e.start >= from && e.start + e.duration <= end.start + end.duration + 0.001);
  const phases: Record<string, number> = {};
  for (const e of own) phases[e.name] = (phases[e.name] ?? 0) + e.duration;
  const start = Math.min(...own.map((e) => e.start));
  const stop = end.start + end.duration;
  const overlapping = (type: string) => m.long.filter((l) => l.type === type && l.start < stop && l.start + l.duration > start).map((l) => l.duration);
  return {
    phases,
    total: stop - start,
    longestTracedTask,
    mainThreadBusy,
    longestTask: Math.max(0, ...overlapping('longtask')),
    longestFrame: Math.max(0, ...overlapping('long-animation-frame')),
  };
}

export async function benchInBrowser(
  pages: BrowserPage[],
  { tabs, warmRuns, timeoutMs = 60_000, log = () => {} }: { tabs: number; warmRuns: number; timeoutMs?: number; log?: (line: string) => void },
): Promise<{ results: BrowserResult[]; chromium: string; sharedTimeline: boolean }> {
  const server = await serve(pages);
  // A copy of the build: a rebuild of .output during a run of several minutes would change the extension under
  // the browser. The E2E launcher takes it through its extra arguments (the last switch wins).
  const snapshot = mkdtempSync(join(tmpdir(), 'sourcier-bench-extension-'));
  cpSync(EXTENSION_DIR, snapshot, { recursive: true });
  let browser: ExtensionBrowser | null = null;
  try {
    browser = await launchWithExtension({ args: [`--disable-extensions-except=${snapshot}`, `--load-extension=${snapshot}`] });
    const chromium = browser.context.browser()?.version() ?? 'unknown';
    await browser.context.addInitScript({ content: OBSERVE_LONG_WORK });
    const results: BrowserResult[] = [];
    let sharedTimeline = false;
    for (const p of pages) {
      const result: BrowserResult = { name: p.name, cold: [], warm: [] };
      for (let tab = 0; tab < tabs; tab++) {
        const page = await browser.context.newPage();
        await page.goto(`${server.origin}/${p.name}.html`, { waitUntil: 'load', timeout: timeoutMs });
        // The page's own first layout and paint, then a quiet moment: Sourcier is not charged for them (a
        // 1 MB page takes a few hundred ms to lay out, which a reader's tab has done long before the click).
        await page.evaluate(
          () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(void document.body.getBoundingClientRect())))),
        );
        await page.waitForTimeout(200);
        const tracing = browser.context.browser()!;
        let m!: Measures;
        let longest = await traced(tracing, page, async () => {
          await clickToolbarButton(browser!, page);
          m = await waitForRun(page, 0, timeoutMs);
        });
        sharedTimeline = true;
        result.cold.push(phasesOf(m, 0, longest));
        for (let run = 1; run <= warmRuns; run++) {
          longest = await traced(tracing, page, async () => {
            await clickToolbarButton(browser!, page);
            m = await waitForRun(page, run, timeoutMs);
          });
          result.warm.push(phasesOf(m, run, longest));
        }
        await page.close();
      }
      log(`  ${p.name}: ${result.cold.map((r) => r.total.toFixed(1)).join(' ')} | warm ${result.warm.map((r) => r.total.toFixed(1)).join(' ')}`);
      results.push(result);
    }
    return { results, chromium, sharedTimeline };
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
}

export function readPage(dir: string, name: string): BrowserPage {
  return { name, html: readFileSync(join(dir, `${name}.html`), 'utf8') };
}
