// A page is read only after a click on it, and the panel offers only what can work (issue 11, points 1 and 2).
// Real toolbar clicks (CDP Extensions.triggerAction) in Debian's Chromium: the tab navigates while the click's
// analysis is starting, to the same site (where the browser keeps activeTab) and to another site (where it does
// not); the panel is opened on a tab nobody clicked on, and after a link to another site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../extension/messages';
import { REPO, clickToolbarButton, launchWithExtension, servePages, type ExtensionBrowser, type PageServer } from './browser';
import type { browser as extensionApi } from '@wxt-dev/browser';

declare const chrome: typeof extensionApi;

type Messages = Record<string, { message: string }>;
const LOCALES = ['en', 'fr'].map((lang) => JSON.parse(readFileSync(join(REPO, `public/_locales/${lang}/messages.json`), 'utf8')) as Messages);
/** A UI string in either language (the browser's language decides which one the panel shows). */
const either = (key: string) => LOCALES.map((messages) => messages[key]!.message);

const TRIES = 10;
/** Delays between the click and the navigation, denser near 0 ms where the race is tightest, up to 150 ms. */
const DELAYS_MS = [0, 2, 5, 10, 20, 35, 50, 75, 100, 150];

let server: PageServer;
let browser: ExtensionBrowser;
/** The same server under another host name: another site for the browser (and for activeTab). */
let otherSite: string;
/** An extension page to ask the background from. */
let probe: Page;

beforeAll(async () => {
  server = await servePages();
  otherSite = server.origin.replace('127.0.0.1', 'localhost');
  browser = await launchWithExtension();
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=999999999`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Ids of every tab the extension can see (ids only: a tab it may not read shows no address). */
const tabIds = () => browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id!));

/** Opens a page in a new tab and returns it with the tab's id, found without needing access to the page. */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds());
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = (await tabIds()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error(`no new tab for ${url}`);
  return { page, tabId };
}

/** The tab's state as the panel gets it (asked from an extension page: the worker cannot message itself). */
const stateOf = (tabId: number) => probe.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId) as Promise<TabState>;

const badgeOf = (tabId: number) => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Sourcier's highlights registered in a page (none on a page it did not read). */
const highlightsIn = (page: Page) => page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('sourcier-')));

/** Whether Sourcier read the page: its reader leaves a performance measure in the page's timeline after each read. */
const readsIn = (page: Page) => page.evaluate(() => performance.getEntriesByName('sourcier:extract').length);

/**
 * Clicks the toolbar button, and has the page itself navigate `delay` ms later (0 to 150 ms: the window in which the
 * click's injection can land in the next page). The page's own timer is set first, so the delay is not at the mercy
 * of the test's round trips.
 */
async function navigateAfterClick(page: Page, url: string, delay: number): Promise<void> {
  // The click first, then the navigation, `delay` ms after it: the order of the issue (a click, then a navigation
  // within ~150 ms). Scheduled before the click, the navigation could win on a busy machine, and the click would then
  // land on the next page, where reading is right.
  await clickToolbarButton(browser, page);
  await page.evaluate(([href, ms]) => void setTimeout(() => location.assign(href), ms), [url, delay] as const);
  await page.waitForURL(url, { waitUntil: 'load' });
}

async function openPanel(tabId: number): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/** The panel's heading once it has settled on a state other than loading or analysing. */
async function settledHeading(panel: Page): Promise<string> {
  await panel.locator('.state:not(.state-loading):not(.state-analysing), .card').first().waitFor({ timeout: 15_000 });
  return (await panel.locator('main h2').first().textContent()) ?? '';
}

describe('navigating while a click’s analysis starts', () => {
  it(`to the same site: the next page is never read, highlighted or badged (${TRIES} tries)`, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      const { page, tabId } = await openTab(`${server.origin}/fixtures/long-article.html`);
      await navigateAfterClick(page, `${server.origin}/seed-001.html`, DELAYS_MS[i]!);
      // Long enough for an analysis of the next page to have finished and shown itself.
      await page.waitForTimeout(1500);
      const state = await stateOf(tabId);
      const highlights = await highlightsIn(page);
      const badge = await badgeOf(tabId);
      if (process.env.E2E_DEBUG) console.log(i, state);
      outcomes.push(`${i}: ${state.status} badge="${badge}" highlights=${highlights.length} reads=${await readsIn(page)}`);
      await page.close();
    }
    // Every try: not analysed, no badge, no highlight, and the page was not even read.
    expect(outcomes).toEqual(outcomes.map((line) => line.replace(/: .*/, ': idle badge="" highlights=0 reads=0')));
  }, 180_000);

  it(`to another site: an ordinary article is never called a page that cannot be analysed (${TRIES} tries)`, async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      const { page, tabId } = await openTab(`${server.origin}/fixtures/long-article.html`);
      await navigateAfterClick(page, `${otherSite}/seed-001.html`, DELAYS_MS[i]!);
      await page.waitForTimeout(1500);
      const state = await stateOf(tabId);
      outcomes.push(
        `${i}: ${state.status}${state.status === 'idle' && state.needsClick ? ' needs-click' : ''} badge="${await badgeOf(tabId)}" highlights=${(await highlightsIn(page)).length}`,
      );
      await page.close();
    }
    // The panel then says how to give access to the new page (see below), not "cannot analyse".
    expect(outcomes).toEqual(outcomes.map((line) => line.replace(/: .*/, ': idle needs-click badge="" highlights=0')));
  }, 180_000);
});

describe('the panel on a page Sourcier may not read', () => {
  it('on a tab whose toolbar button was never clicked: says how to give access, offers no button that would fail', async () => {
    const { page, tabId } = await openTab(`${server.origin}/seed-002.html`);
    const panel = await openPanel(tabId);
    expect(either('panelNeedsClickTitle')).toContain(await settledHeading(panel));
    const buttons = await panel.getByRole('button').allTextContents();
    expect(buttons.filter((label) => [...either('panelAnalyseButton'), ...either('panelTryAgain')].includes(label))).toEqual([]);
    expect(buttons.filter((label) => either('panelChooseSites').includes(label))).toHaveLength(1);
    // Nothing was read meanwhile.
    expect(await highlightsIn(page)).toEqual([]);
    expect(await readsIn(page)).toBe(0);
    expect(await stateOf(tabId)).toEqual({ status: 'idle', needsClick: true });
    // The way the panel points to works: the toolbar button reads the page (shown in front, as a reader would).
    await page.bringToFront();
    await clickToolbarButton(browser, page);
    await expect.poll(async () => (await stateOf(tabId)).status, { timeout: 20_000 }).toBe('ready');
    await panel.locator('.gauge-number').waitFor({ timeout: 20_000 });
    expect((await highlightsIn(page)).length).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('after a link to another site: no "analysis failed", no "cannot analyse", and the button only where it works', async () => {
    const { page, tabId } = await openTab(`${server.origin}/seed-002.html`);
    await clickToolbarButton(browser, page);
    await expect.poll(async () => (await stateOf(tabId)).status, { timeout: 20_000 }).toBe('ready');

    // A link to the same site: activeTab still holds there, so the panel's button is offered, and it works.
    await page.evaluate((href) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: 'next' });
      document.body.append(link);
      link.click();
    }, `${server.origin}/seed-003.html`);
    await page.waitForURL(/seed-003/);
    await page.waitForLoadState('load');
    const panel = await openPanel(tabId);
    expect(either('panelIdleTitle')).toContain(await settledHeading(panel));
    await panel.getByRole('button', { name: new RegExp(either('panelAnalyseButton').join('|')) }).click();
    await panel.locator('.gauge-number').waitFor({ timeout: 20_000 });
    expect((await highlightsIn(page)).length).toBeGreaterThan(0);

    // A link to another site: no access there; the panel says how to give it.
    await page.evaluate((href) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: 'elsewhere' });
      document.body.append(link);
      link.click();
    }, `${otherSite}/seed-004.html`);
    await page.waitForURL(/localhost.*seed-004/);
    await page.waitForLoadState('load');
    await panel.reload();
    const heading = await settledHeading(panel);
    expect(either('panelNeedsClickTitle')).toContain(heading);
    expect([...either('panelErrorTitle'), ...either('panelUnsupportedTitle')]).not.toContain(heading);
    const buttons = await panel.getByRole('button').allTextContents();
    expect(buttons.filter((label) => [...either('panelAnalyseButton'), ...either('panelTryAgain')].includes(label))).toEqual([]);
    expect(await highlightsIn(page)).toEqual([]);
    expect(await readsIn(page)).toBe(0);
    // Sending the panel's request anyway changes nothing and reads nothing.
    expect(await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'analyse-tab', tabId: id }), tabId)).toEqual({ status: 'idle', needsClick: true });
    expect(await highlightsIn(page)).toEqual([]);
    await panel.close();
    await page.close();
  });
});
