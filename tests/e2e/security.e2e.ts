// Security and privacy in a real browser: Debian's Chromium with the built extension (the shell's harness in
// ./browser.ts), hostile pages generated in code (tests/hardening/pages.ts) and served on 127.0.0.1.
// - A page full of XSS payloads: nothing executes in the page or the panel, the panel shows the text literally,
//   the page's DOM is left as it was, and the panel's CSP refuses eval and remote scripts.
// - A page that tries to talk to the extension (postMessage, DOM events, forged WXT events, runtime APIs): ignored.
// - Text hidden by stylesheets is neither scored nor highlighted: the browser's report equals the Node report of
//   the same page with the hidden elements removed.
// - A page that changes while it is analysed, and one nested 5,000 elements deep.
// - NO NETWORK: Chromium's own network log, from launch (install) to the end (analyses, panel, exports, settings
//   changes), holds no request by the extension; and the page server saw only what the test asked for.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument } from '../../analyser';
import { reportSchema, type Report } from '../../analyser/report';
import type { TabState } from '../../extension/messages';
import { PAYLOADS, STYLESHEET_HIDING, deepPage, hiddenByStylesheetPage, mutatingPage, talkingPage, xssPage } from '../hardening/pages';
import { clickToolbarButton, launchWithExtension, recordRequests, tabIdOf, type ExtensionBrowser, type RecordedRequest } from './browser';
import type { browser as extensionApi } from '@wxt-dev/browser';

declare const chrome: typeof extensionApi;

/** Chromium's own renderer crashes on 5,000 nested elements (Node's tests go to 20,000): as deep as it renders. */
const BROWSER_DEPTH = 2000;

const PAGES: Record<string, string> = {
  '/xss.html': xssPage(),
  '/talk.html': talkingPage(),
  '/hidden.html': hiddenByStylesheetPage(),
  '/mutating.html': mutatingPage(),
  '/deep.html': deepPage(BROWSER_DEPTH),
};

/** A script the test tries to load into the panel: the CSP must refuse it before any request. */
const REMOTE_CODE = '/remote-code.js';

const work = mkdtempSync(join(tmpdir(), 'sourcier-security-'));
const NETLOG = join(work, 'netlog.json');

let origin = '';
let server: http.Server;
/** Every path the page server was asked for, and the paths the test itself asked for. */
const hits: string[] = [];
const expected: string[] = [];
let browser: ExtensionBrowser;
let recorder: Awaited<ReturnType<typeof recordRequests>>;
let closed = false;
const dialogs: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const html = PAGES[path];
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The network log starts with the browser: it covers the extension's install and first start.
  browser = await launchWithExtension({ args: [`--log-net-log=${NETLOG}`, '--net-log-capture-mode=Default'] });
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  recorder = await recordRequests(browser);
  browser.context.on('page', (page) => page.on('dialog', (dialog: Dialog) => void (dialogs.push(`${page.url()}: ${dialog.message()}`), dialog.dismiss())));
}, 120_000);

afterAll(async () => {
  if (!closed) {
    await recorder?.stop();
    await browser?.close();
  }
  await new Promise((done) => server?.close(done));
  rmSync(work, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expected.push(path);
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return page;
}

async function storedState(tabId: number): Promise<TabState | null> {
  return (await browser.worker.evaluate(
    (id) => chrome.storage.session.get(`tab-state:${id}`).then((items) => items[`tab-state:${id}`] ?? null),
    tabId,
  )) as TabState | null;
}

/** A real click on the toolbar button, then the tab's state once the analysis is over. */
async function analyse(page: Page): Promise<{ tabId: number; state: TabState }> {
  await clickToolbarButton(browser, page);
  const tabId = await tabIdOf(browser, page.url());
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await storedState(tabId);
    if (state && state.status !== 'analysing') return { tabId, state };
    if (Date.now() > deadline) throw new Error(`No report for ${page.url()} after 30 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** The analyser's report for some HTML, in Node. */
function nodeReport(html: string, url: string, prune?: (doc: Document) => void): Report {
  const { document } = parseHTML(html);
  prune?.(document as unknown as Document);
  return analyseDocument(document as unknown as Document, { url, source: url }).report;
}

const facts = (report: Report) => report.findings.map((f) => `${f.category}: ${f.text}`);

/** Highlights registered in the page, as the text each range covers. */
const highlightedTexts = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('sourcier-') && name !== 'sourcier-flash')
      .flatMap(([, highlight]) => [...(highlight as unknown as Set<Range>)].map((range) => range.toString())),
  );

describe('a page full of XSS payloads', () => {
  let page: Page;
  let panel: Page;
  let report: Report;
  let bodyBefore: string;

  beforeAll(async () => {
    page = await open('/xss.html');
    bodyBefore = await page.evaluate(() => document.body.innerHTML);
    const { tabId, state } = await analyse(page);
    if (state.status !== 'ready') throw new Error(`xss page not analysed: ${JSON.stringify(state).slice(0, 300)}`);
    report = state.report;
    panel = await openPanel(tabId);
    await panel.locator('[data-finding-id]').first().waitFor({ timeout: 15_000 });
    // Every disclosure opened, so that all page text is in the panel's DOM.
    await panel.evaluate(() => document.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((button) => button.click()));
  }, 90_000);

  it('the report carries the payloads as text', () => {
    expect(report.title).toContain(PAYLOADS[0]);
    expect(report.findings.map((f) => f.sentence).join('\n')).toContain(PAYLOADS[2]);
  });

  it('the panel shows them literally', async () => {
    const text = await panel.evaluate(() => document.body.innerText);
    expect(text).toContain(PAYLOADS[0]);
    expect(text).toContain(PAYLOADS[2]);
  });

  it('the panel made no element, handler or script URL out of page text', async () => {
    const found = await panel.evaluate(() => {
      const problems: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('img, iframe, object, embed, frame, script, base, form, link')))
        problems.push(el.outerHTML.slice(0, 100));
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name) || /^\s*(?:javascript|data|vbscript):/i.test(attr.value))
            problems.push(`${el.localName} ${attr.name}=${attr.value.slice(0, 60)}`);
        }
      }
      // The panel's own scripts are the package's files.
      for (const script of Array.from(document.scripts))
        if (!script.src.startsWith(location.origin)) problems.push(`script ${script.src || script.textContent?.slice(0, 60)}`);
      return problems;
    });
    expect(found).toEqual([]);
  });

  it('clicking every finding scrolls the page and runs nothing', async () => {
    for (const button of await panel.locator('[data-finding-id]').all()) await button.click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __sourcierXss?: unknown }).__sourcierXss)).toBeUndefined();
    expect(await panel.evaluate(() => (window as unknown as { __sourcierXss?: unknown }).__sourcierXss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('the page’s DOM is left as it was (highlights use the CSS Custom Highlight API)', async () => {
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(bodyBefore);
    expect((await highlightedTexts(page)).length).toBe(report.findings.length);
  });

  it('the panel’s content security policy refuses inline and remote scripts', async () => {
    // (eval cannot be tried from here: DevTools' evaluation is exempt from CSP. The manifest test checks the policy.)
    const outcome = await panel.evaluate(async (remote) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.body.append(inline);
      const script = document.createElement('script');
      script.src = remote;
      const loaded = new Promise<string>((done) => {
        script.onload = () => done('loaded');
        script.onerror = () => done('blocked');
      });
      document.body.append(script);
      const result = await loaded;
      await new Promise((done) => setTimeout(done, 100));
      return { remote: result, inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations };
    }, `${origin}${REMOTE_CODE}`);
    expect(outcome.inline).toBe(false);
    expect(outcome.remote).toBe('blocked');
    expect(outcome.violations.some((v) => v.startsWith('script-src') && v.includes(REMOTE_CODE))).toBe(true);
    expect(outcome.violations.some((v) => v.startsWith('script-src') && v.endsWith('inline'))).toBe(true);
    // Refused before any request: the page server never saw it.
    expect(hits).not.toContain(REMOTE_CODE);
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });
});

describe('a page that tries to talk to the extension', () => {
  let page: Page;
  let tabId: number;
  let genuine: Report;

  beforeAll(async () => {
    page = await open('/talk.html');
    const analysed = await analyse(page);
    tabId = analysed.tabId;
    if (analysed.state.status !== 'ready') throw new Error('talk page not analysed');
    genuine = analysed.state.report;
  }, 60_000);

  it('sees no extension API: no externally_connectable, no runtime to message', async () => {
    const probe = await page.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
    expect(probe.chromeRuntime).toBe('undefined');
    expect(probe.browserGlobal).toBe('undefined');
  });

  const analysesSoFar = () => page.evaluate(() => performance.getEntriesByName('sourcier:analyse').length);
  const attack = (forgeWxtEvents: boolean) =>
    page.evaluate(([id, forge]) => (window as unknown as { __attack(id: string | null): void }).__attack(forge ? id : null), [
      browser.extensionId,
      forgeWxtEvents,
    ] as const);

  it('its postMessage calls and DOM events reach nothing: same report, same content script, no extra analysis', async () => {
    const before = await analysesSoFar();
    for (let i = 0; i < 3; i++) await attack(false);
    const probe = await page.evaluate(() => (window as unknown as { __probe: Record<string, unknown> }).__probe);
    expect(probe.sent).toBeUndefined();
    expect(probe.connected).toBeUndefined();
    // Long enough for any refresh an event could have scheduled (location change 600 ms, DOM debounce 1 s).
    await page.waitForTimeout(2500);
    expect(await analysesSoFar()).toBe(before);
    const state = await storedState(tabId);
    if (state?.status !== 'ready') throw new Error(`state changed: ${JSON.stringify(state).slice(0, 200)}`);
    // Still the genuine report (not the forged score of 100), equal to the analyser's in Node.
    expect(state.report).toEqual(genuine);
    expect(facts(state.report)).toEqual(facts(nodeReport(PAGES['/talk.html']!, page.url())));
    // The content script is still there and answers the panel.
    const panel = await openPanel(tabId);
    expect(await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'scroll-to-finding', tabId: id, findingId: 'f1' }), tabId)).toEqual({ ok: true });
    expect((await highlightedTexts(page)).length).toBe(genuine.findings.length);
    await panel.close();
  });

  it('WXT’s own events forged with the real extension id do not stop the content script for long, nor change the report', async () => {
    // A page that knows the extension's id (store ids are public) can dispatch WXT's "a newer copy started" event.
    // The content script sees that no newer copy started and starts again (a few times at most).
    await attack(true);
    await page.waitForTimeout(2500);
    // (The state also keeps what was read, for the panel: the report is what must not change.)
    expect(await storedState(tabId)).toMatchObject({ status: 'ready', report: genuine });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBe(genuine.findings.length);
    const panel = await openPanel(tabId);
    expect(await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'scroll-to-finding', tabId: id, findingId: 'f1' }), tabId)).toEqual({ ok: true });
    await panel.close();
    // A page that keeps forging wins after a few restarts; the report stays, and a click analyses afresh.
    for (let i = 0; i < 5; i++) {
      await attack(true);
      await page.waitForTimeout(300);
    }
    const again = await analyse(page);
    expect(again.state).toMatchObject({ status: 'ready', report: genuine });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: 10_000 }).toBe(genuine.findings.length);
  });

  afterAll(async () => {
    await page?.close();
  });
});

describe('text hidden by stylesheets', () => {
  it('is neither scored nor highlighted: the report equals the one of the page without the hidden elements', async () => {
    const page = await open('/hidden.html');
    const { state } = await analyse(page);
    if (state.status !== 'ready') throw new Error(`not analysed: ${JSON.stringify(state).slice(0, 300)}`);
    const selector = [...Object.keys(STYLESHEET_HIDING).map((c) => `.${c}`), 'article > section:nth-of-type(2)'].join(', ');
    const shown = nodeReport(PAGES['/hidden.html']!, page.url(), (doc) => doc.querySelectorAll(selector).forEach((el) => el.remove()));
    expect(facts(state.report)).toEqual(facts(shown));
    expect(state.report.score).toBe(shown.score);
    // Nothing of a hidden element is highlighted.
    const leaks = await page.evaluate((sel) => {
      const out: string[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('sourcier-')) continue;
        for (const range of highlight as unknown as Set<Range>) {
          const node = range.startContainer;
          const element = node instanceof Element ? node : node.parentElement;
          if (element?.closest(sel)) out.push(range.toString());
        }
      }
      return out;
    }, selector);
    expect(leaks).toEqual([]);
    await page.close();
  });
});

describe('a page that changes while it is analysed', () => {
  it('gives a sound report, keeps the page running, and settles on the final article', async () => {
    const page = await open('/mutating.html');
    const { tabId, state } = await analyse(page);
    expect(['ready', 'no-article']).toContain(state.status);
    if (state.status === 'ready') reportSchema.parse(state.report);
    // The page was not broken: its own script still runs.
    const ticks = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks)).toBeGreaterThan(ticks);
    // Once it stops changing, the report settles on what the page shows.
    await page.evaluate(() => (window as unknown as { __stop(): void }).__stop());
    const html = await page.content();
    const final = nodeReport(html, page.url());
    await expect
      .poll(
        async () => {
          const s = await storedState(tabId);
          return s?.status === 'ready' ? facts(s.report) : [];
        },
        { timeout: 15_000, interval: 250 },
      )
      .toEqual(facts(final));
    // The highlights cover the findings again, although this page rewrote its text nodes with the same text (which
    // moves live ranges while the article's text, and so its signature, stays the same).
    await expect
      .poll(
        async () => {
          const s = await storedState(tabId);
          return s?.status === 'ready' && JSON.stringify((await highlightedTexts(page)).sort()) === JSON.stringify(s.report.findings.map((f) => f.text).sort());
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe(true);
    await page.close();
  });
});

describe(`a page nested ${BROWSER_DEPTH} elements deep`, () => {
  it('is analysed (no stack overflow in the content script)', async () => {
    const page = await open('/deep.html');
    expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBe(BROWSER_DEPTH);
    const { state } = await analyse(page);
    expect(state.status).toBe('ready');
    if (state.status === 'ready') expect(state.report.counts['anonymous-source']).toBeGreaterThan(0);
    await page.close();
  });
});

describe('privacy', () => {
  it('settings changes on the options page make no request either', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const box = options.locator('input[type="checkbox"]').first();
    await box.waitFor({ timeout: 15_000 });
    const read = () => browser.worker.evaluate(() => chrome.storage.sync.get('settings').then((items) => JSON.stringify(items.settings ?? null)));
    const before = await read();
    await box.click();
    await expect.poll(read).not.toBe(before);
    await box.click();
    await options.close();
  });

  it('panel exports (copy, Markdown, JSON) make no request', async () => {
    const page = await open('/talk.html');
    const { tabId } = await analyse(page);
    const panel = await openPanel(tabId);
    await panel.locator('[data-finding-id]').first().waitFor({ timeout: 15_000 });
    for (const button of await panel.locator('.export button').all()) await button.click();
    await panel.waitForTimeout(500);
    await panel.close();
    await page.close();
  });

  it('the extension made no network request, from install to the end (Chromium’s network log)', async () => {
    // The log must see what the extension's worker would fetch, or it proves nothing: a probe it must catch.
    const probe = `${origin}/netlog-probe`;
    expected.push('/netlog-probe');
    await browser.worker.evaluate(
      (url) =>
        fetch(url).then(
          () => 0,
          () => 0,
        ),
      probe,
    );
    await expect.poll(() => hits.includes('/netlog-probe')).toBe(true);
    await expect.poll(() => recorder.requests.some((r) => r.url === probe && r.from === 'service-worker')).toBe(true);

    const fromExtension = recorder.requests.filter(
      (r: RecordedRequest) =>
        r.url !== probe &&
        !r.url.endsWith(REMOTE_CODE) && // the test's own attempt, refused by the CSP (checked above)
        (r.from !== 'page' || !r.url.startsWith(origin)) &&
        !/^(?:chrome-extension:\/\/[a-p]{32}\/|data:|blob:)/.test(r.url),
    );

    await recorder.stop();
    await browser.close();
    closed = true;
    expect(existsSync(NETLOG)).toBe(true);
    const requests = netLogRequests(readFileSync(NETLOG, 'utf8'));
    if (process.env.E2E_DEBUG) console.log('DEBUG netlog', JSON.stringify(requests, null, 1));
    expect(fromExtension).toEqual([]);
    // The log saw the probe, made by the extension's service worker…
    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    expect(requests.filter((r) => r.url === probe).map((r) => r.initiator)).toContain(extensionOrigin);
    // …and no other request made by the extension, from install to now.
    expect(requests.filter((r) => r.url !== probe && r.initiator === extensionOrigin)).toEqual([]);
    // Requests to anywhere but the page server are the browser's own (update checks, account probes), never the extension's.
    for (const r of requests.filter((r) => !r.url.startsWith(`${origin}/`))) expect(r.initiator, r.url).not.toContain('chrome-extension:');
    // The page server saw only what the test asked for (the probe included): nothing fetched by the extension.
    expect([...new Set(hits)].sort()).toEqual([...new Set(expected)].sort());
  });
});

/** The URL requests of a Chromium network log (--log-net-log), with who initiated each (an origin, or null for the browser). */
function netLogRequests(text: string): Array<{ url: string; initiator: string | null }> {
  const log = JSON.parse(
    text
      .trim()
      .replace(/,\s*$/, '')
      .replace(/,?\s*\]?\s*\}?\s*$/, '') + ']}',
  ) as {
    constants: { logEventTypes: Record<string, number> };
    events: Array<{ type: number; source: { id: number }; params?: { url?: string; initiator?: string } }>;
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const out: Array<{ url: string; initiator: string | null }> = [];
  for (const event of log.events) {
    if (event.type !== start || !event.params?.url || !/^(?:https?|wss?):/.test(event.params.url)) continue;
    out.push({ url: event.params.url, initiator: event.params.initiator ?? null });
  }
  return out;
}
