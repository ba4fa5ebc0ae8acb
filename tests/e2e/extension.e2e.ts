// End to end in Debian's Chromium with the built extension: a click on the toolbar button analyses a seed page,
// the page gets its highlights (and nothing outside the article does), the panel shows the same report as the
// analyser computes in Node, a click on a finding scrolls the page to it, and the extension makes no request.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument } from '../../analyser';
import type { Report } from '../../analyser/report';
import type { TabState } from '../../extension/messages';
import {
  PAGES_DIR,
  REPO,
  clickToolbarButton,
  launchWithExtension,
  recordRequests,
  servePages,
  tabIdOf,
  type ExtensionBrowser,
  type PageServer,
  type RecordedRequest,
} from './browser';
import type { browser as extensionApi } from '@wxt-dev/browser';

/** The extension API inside the worker and extension pages, where the tests evaluate code. */
declare const chrome: typeof extensionApi;

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
/** Page chrome the seed pages share: nothing in there may be highlighted. */
const OUTSIDE_ARTICLE = '#comments, .comments, aside, nav, .td-sidebar, .td-footer-wrapper, .td-header-wrap';
const SCREENSHOTS = join(REPO, 'tests/e2e/screenshots');

let server: PageServer;
let browser: ExtensionBrowser;
let recorder: Awaited<ReturnType<typeof recordRequests>>;
/** Page loads the test itself asked for, with how many times: the only hits the page server may see. */
const expectedHits = new Map<string, number>();
const expectHit = (path: string) => expectedHits.set(path, (expectedHits.get(path) ?? 0) + 1);

/** The analyser's own report for a page, computed in Node on the same HTML. */
function nodeReport(name: string, url: string): Report {
  const { document } = parseHTML(readFileSync(join(PAGES_DIR, `${name}.html`), 'utf8'));
  return analyseDocument(document as unknown as Document, { url, source: url }).report;
}

/** Findings as comparable facts (the browser's DOM and linkedom must read the same article). */
const facts = (report: Report) => report.findings.map((f) => `${f.id} ${f.category} ${f.start}-${f.end} ${f.text}`);

async function openSeed(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  // Instant scrolling: a click on a finding is checked without waiting for an animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expectHit(`/${name}.html`);
  await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'load' });
  return page;
}

async function analyse(page: Page): Promise<{ tabId: number; state: TabState }> {
  await clickToolbarButton(browser, page);
  const tabId = await tabIdOf(browser, page.url());
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = (await browser.worker.evaluate(
      (id) => chrome.storage.session.get(`tab-state:${id}`).then((items) => items[`tab-state:${id}`] ?? null),
      tabId,
    )) as TabState | null;
    if (state && state.status !== 'analysing') return { tabId, state };
    if (Date.now() > deadline) throw new Error(`No report for ${page.url()} after 20 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Highlights registered in the page: name → ranges as { text, outside (in page chrome) }. */
async function pageHighlights(page: Page) {
  return page.evaluate((outsideSelector) => {
    const result: Record<string, { text: string; outside: boolean }[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      // The flash comes and goes with clicks in the panel; the category highlights are what is compared.
      if (!name.startsWith('sourcier-') || name === 'sourcier-flash') continue;
      result[name] = [...(highlight as unknown as Set<AbstractRange>)].map((range) => {
        const node = range.startContainer;
        const element = node instanceof Element ? node : node.parentElement;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return { text: live.toString(), outside: !!element?.closest(outsideSelector) };
      });
    }
    return result;
  }, OUTSIDE_ARTICLE);
}

beforeAll(async () => {
  server = await servePages();
  browser = await launchWithExtension();
  // Nothing the extension or the pages do may leave the machine during the test.
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  recorder = await recordRequests(browser);
}, 60_000);

afterAll(async () => {
  await recorder?.stop();
  await browser?.close();
  await server?.close();
});

describe.each(SEEDS)('%s', (name) => {
  let page: Page;
  let tabId: number;
  let state: TabState;
  let expected: Report;

  beforeAll(async () => {
    page = await openSeed(name);
    expected = nodeReport(name, page.url());
    ({ tabId, state } = await analyse(page));
  }, 60_000);

  afterAll(async () => {
    await page.close();
  });

  it('reports in the browser what the analyser reports in Node', () => {
    expect(state.status).toBe(expected.article.found ? 'ready' : 'no-article');
    if (state.status !== 'ready') return;
    expect(facts(state.report)).toEqual(facts(expected));
    if (process.env.E2E_DEBUG)
      console.log(JSON.stringify({ browser: [state.report.page, state.report.contributions], node: [expected.page, expected.contributions] }, null, 1));
    expect(state.report.band).toBe(expected.band);
    expect(state.report.score).toBe(expected.score);
  });

  it('shows the number of red flags on the toolbar badge', async () => {
    const badge = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe(String(expected.redFlags));
  });

  it('registers one highlight per category found, one range per finding, none outside the article', async () => {
    const highlights = await pageHighlights(page);
    const byCategory = new Map<string, string[]>();
    for (const finding of expected.findings)
      byCategory.set(`sourcier-${finding.category}`, [...(byCategory.get(`sourcier-${finding.category}`) ?? []), finding.text]);
    expect(Object.keys(highlights).sort()).toEqual([...byCategory.keys()].sort());
    for (const [highlightName, texts] of byCategory) {
      expect(highlights[highlightName]!.map((range) => range.text).sort()).toEqual([...texts].sort());
    }
    const leaks = Object.values(highlights)
      .flat()
      .filter((range) => range.outside);
    expect(leaks).toEqual([]);
  });
});

describe('seed-001 with the panel', () => {
  let page: Page;
  let panel: Page;
  let tabId: number;
  let report: Report;

  beforeAll(async () => {
    page = await openSeed('seed-001');
    const analysed = await analyse(page);
    tabId = analysed.tabId;
    if (analysed.state.status !== 'ready') throw new Error(`seed-001 not analysed: ${JSON.stringify(analysed.state)}`);
    report = analysed.state.report;
    panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.emulateMedia({ reducedMotion: 'reduce' });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('[data-finding-id]').first().waitFor({ timeout: 15_000 });
  }, 60_000);

  it('is weakly sourced and rests on anonymous sources (stable facts of the corpus)', () => {
    expect(report.band).toBe('weak');
    expect(report.counts['anonymous-source']).toBeGreaterThan(0);
  });

  it('shows the score, the band and every finding', async () => {
    await expect.poll(() => panel.locator('.gauge-number').textContent()).toBe(String(Math.round(report.score!)));
    expect(await panel.locator(`.score.band-${report.band}`).count()).toBe(1);
    const shown = await panel.locator('[data-finding-id]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-finding-id')));
    expect(shown.sort()).toEqual(report.findings.map((f) => f.id).sort());
  });

  it('shows what Sourcier read: the analysed text behind a disclosure, and what was left out counted', async () => {
    const section = panel.getByRole('region', { name: 'What Sourcier read' });
    await section.getByText('Show the text that was analysed').click();
    const blocks = await section.locator('.read-block').allTextContents();
    // Block by block, the very text the rules ran on (its blocks are joined by a blank line).
    expect(blocks.join('\n\n')).toHaveLength(report.article.length);
    expect(blocks[0]).toBe(report.title);
    expect(await section.locator('.read-left li').count()).toBeGreaterThan(0);
  });

  it('scrolls the page to a finding clicked in the panel', async () => {
    const last = [...report.findings].sort((a, b) => b.start - a.start)[0]!;
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.locator(`[data-finding-id="${last.id}"]`).click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(0);
    const inView = await page.evaluate(() => {
      const flash = CSS.highlights.get('sourcier-flash');
      const range = flash && ([...(flash as unknown as Set<Range>)][0] as Range | undefined);
      if (!range) return null;
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), visible: rect.top >= 0 && rect.bottom <= window.innerHeight };
    });
    expect(inView).toEqual({ text: last.text, visible: true });
  });

  it('hides and shows the highlights on request', async () => {
    const names = async () => page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('sourcier-') && n !== 'sourcier-flash'));
    expect(await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'set-highlights-visible', tabId: id, visible: false }), tabId)).toEqual({
      ok: true,
    });
    expect(await names()).toEqual([]);
    await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'set-highlights-visible', tabId: id, visible: true }), tabId);
    expect((await names()).length).toBe(new Set(report.findings.map((f) => f.category)).size);
  });

  it('injecting the content script twice leaves one set of highlights', async () => {
    const before = await pageHighlights(page);
    await browser.worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }), tabId);
    await new Promise((done) => setTimeout(done, 1500));
    expect(await pageHighlights(page)).toEqual(before);
    const sheets = await page.evaluate(() => document.adoptedStyleSheets.length + document.querySelectorAll('style[data-sourcier]').length);
    expect(sheets).toBe(1);
  });

  it('takes the README screenshots: a page with its highlights and the panel beside it', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // 1. The article as it opens, with its highlights, and the panel's score at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.evaluate(() => window.scrollTo(0, 0));
    await sideBySide(page, panel, join(SCREENSHOTS, 'seed-001-panel.png'));
    // 2. A red flag chosen in the panel: the page has scrolled to it and flashes it.
    const anonymous = report.findings.filter((f) => f.category === 'anonymous-source');
    const chosen = anonymous[Math.min(3, anonymous.length - 1)] ?? report.findings[0]!;
    const button = panel.locator(`[data-finding-id="${chosen.id}"]`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.waitForTimeout(200);
    await sideBySide(page, panel, join(SCREENSHOTS, 'seed-001-finding.png'));
  });
});

describe('pages that are not plain articles', () => {
  it('neither scores nor highlights text the reader cannot see', async () => {
    const page = await openSeed('fixtures/hidden-text');
    const { state } = await analyse(page);
    if (state.status !== 'ready') throw new Error(`not analysed: ${JSON.stringify(state)}`);
    const { counts, findings } = state.report;
    // Hidden by a stylesheet (display: none), "visually hidden", pushed off-screen, transparent.
    expect(counts['anonymous-source']).toBe(0);
    expect(findings.filter((f) => /sources|aurait|serait/.test(f.sentence))).toEqual([]);
    // What is visible still counts.
    expect(counts['named-source'] + counts['official-document']).toBeGreaterThan(0);
    const highlighted = Object.values(await pageHighlights(page))
      .flat()
      .map((range) => range.text);
    expect(highlighted.length).toBe(findings.length);
    await page.close();
  });

  it('says so when the page has no article', async () => {
    const page = await openSeed('fixtures/no-article');
    const { tabId, state } = await analyse(page);
    expect(state.status).toBe('no-article');
    expect(await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('–');
    expect(await pageHighlights(page)).toEqual({});
    await page.close();
  });

  it('reports browser pages as unsupported instead of failing', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://version/');
    await clickToolbarButton(browser, page);
    // The extension may not even see a browser page's address: look for the state the click produced.
    const states = async () => browser.worker.evaluate(() => chrome.storage.session.get(null).then((items) => Object.values(items))) as Promise<TabState[]>;
    await expect.poll(async () => (await states()).filter((s) => s.status === 'unsupported').length, { timeout: 10_000 }).toBe(1);
    await page.close();
  });
});

describe('a very long article', () => {
  // Past ALL_AT_ONCE findings, only those around the viewport are registered (extension/highlights.ts): the
  // window must follow the reader down the page.
  /** The paragraphs (data-i) that hold a registered category highlight. */
  const registeredParagraphs = (page: Page) =>
    page.evaluate(() => {
      const found = new Set<number>();
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('sourcier-') || name === 'sourcier-flash') continue;
        for (const range of highlight as unknown as Set<AbstractRange>) found.add(Number(range.startContainer.parentElement?.closest('p')?.dataset.i));
      }
      return [...found].sort((a, b) => a - b);
    });

  it('registers the highlights around the viewport, and those further down once the reader scrolls there', async () => {
    const page = await openSeed('fixtures/long-article');
    const { state } = await analyse(page);
    if (state.status !== 'ready') throw new Error(`not analysed: ${JSON.stringify(state)}`);
    expect(state.report.counts['anonymous-source']).toBe(500);
    const atTop = await registeredParagraphs(page);
    expect(atTop.length).toBeGreaterThan(50);
    expect(atTop.length).toBeLessThan(500);
    expect(atTop[0]).toBe(0);
    expect(atTop).not.toContain(499);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await registeredParagraphs(page)).includes(499), { timeout: 5000 }).toBe(true);
    expect(await registeredParagraphs(page)).not.toContain(0);
    await page.close();
  });
});

describe('dynamic pages (seed-002)', () => {
  let page: Page;
  let tabId: number;
  let before: Report;
  /** Analyses run so far in the page (the content script measures each one). */
  const analyses = () => page.evaluate(() => performance.getEntriesByName('sourcier:analyse').length);
  const storedState = async () =>
    (await browser.worker.evaluate((id) => chrome.storage.session.get(`tab-state:${id}`).then((items) => items[`tab-state:${id}`]), tabId)) as TabState;

  beforeAll(async () => {
    page = await openSeed('seed-002');
    const analysed = await analyse(page);
    tabId = analysed.tabId;
    if (analysed.state.status !== 'ready') throw new Error('seed-002 not analysed');
    before = analysed.state.report;
  }, 60_000);

  it('measures its phases for the benchmark (performance.measure)', async () => {
    const names = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    expect(names).toContain('sourcier:analyse');
    expect(names).toContain('sourcier:highlight');
  });

  it('does not analyse again when only the page around the article changes', async () => {
    const count = await analyses();
    await page.evaluate(() => {
      const aside = document.querySelector('aside')!;
      for (let i = 0; i < 20; i++) aside.append(Object.assign(document.createElement('p'), { textContent: `Selon nos sources, rumeur ${i}` }));
    });
    await page.waitForTimeout(2000);
    expect(await analyses()).toBe(count);
  });

  it('refreshes the report once the article text changes, after the changes settle', async () => {
    const count = await analyses();
    await page.evaluate(() => {
      // seed-002's article body is main > .post > .entry.
      const paragraphs = document.querySelectorAll('.entry p:not(.signature)');
      const last = paragraphs[paragraphs.length - 1]!;
      // Several changes in a row: one analysis after they stop.
      for (let i = 0; i < 5; i++)
        last.after(
          Object.assign(document.createElement('p'), {
            textContent: `Selon nos sources, le convoi numéro ${i} aurait été détourné vers le nord du pays avant la fin de la semaine.`,
          }),
        );
    });
    await expect
      .poll(
        async () => {
          const state = await storedState();
          return state.status === 'ready' ? state.report.findings.length : -1;
        },
        { timeout: 5000 },
      )
      .toBeGreaterThan(before.findings.length);
    expect((await analyses()) - count).toBe(1);
  });

  it('refreshes after an in-app navigation that swaps the article', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/seed-002.html?page=2');
      const article = document.querySelector('#content .post')!;
      const fresh = article.cloneNode(false) as Element;
      fresh.innerHTML =
        '<h1>Un autre article</h1>' +
        Array.from(
          { length: 6 },
          () =>
            '<p>Le ministre de la Défense, Sadio Camara, a déclaré lundi dans un communiqué que les opérations se poursuivaient normalement dans la région.</p>',
        ).join('');
      article.replaceWith(fresh);
    });
    await expect
      .poll(
        async () => {
          const state = await storedState();
          return state.status === 'ready' ? state.report.title : '';
        },
        { timeout: 8000 },
      )
      .toContain('Un autre article');
    const state = await storedState();
    expect(state.status === 'ready' && state.report.counts['anonymous-source']).toBe(0);
  });
});

/** One 1400×900 picture: the page (1000 px) and the panel (400 px), composed in a blank page. */
async function sideBySide(page: Page, panel: Page, file: string): Promise<void> {
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const canvas = await browser.context.newPage();
  await canvas.setViewportSize({ width: 1400, height: 900 });
  await canvas.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${left}" width="1000" height="900">` +
      `<img src="data:image/png;base64,${right}" width="400" height="900" style="border-left:1px solid #ccc"></body>`,
  );
  await canvas.screenshot({ path: file });
  await canvas.close();
}

describe('privacy', () => {
  it('the extension made no network request', async () => {
    // The recorder must see what a service worker fetches, or this test proves nothing: check it with a probe.
    const probe = `${server.origin}/recorder-probe`;
    expectHit('/recorder-probe');
    await browser.worker.evaluate(
      (url) =>
        fetch(url).then(
          () => 0,
          () => 0,
        ),
      probe,
    );
    await expect.poll(() => recorder.requests.some((r) => r.url === probe && r.from === 'service-worker')).toBe(true);

    const fromExtension = recorder.requests.filter(
      (r: RecordedRequest) =>
        r.url !== probe &&
        (r.from !== 'page' || !r.url.startsWith(server.origin)) &&
        !r.url.startsWith(`chrome-extension://${browser.extensionId}/`) &&
        !r.url.startsWith('data:'),
    );
    expect(fromExtension).toEqual([]);
    // The page server saw only the pages the test opened (and their own stylesheet links, which 404).
    const counts = new Map<string, number>();
    for (const path of server.hits) if (!path.startsWith('/wp-content/')) counts.set(path, (counts.get(path) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expectedHits));
  });
});
