import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Background, CONTENT_SCRIPT_FILE, injectionFailureState, unsupportedReason } from '../extension/background';
import { BAND_COLOURS, TabStateStore, badgeFor } from '../extension/tab-state';
import type { TabState } from '../extension/messages';
import { makeReport } from './helpers/report';
import type { Report } from '../analyser/report';
import { readingForPanel, whatWasRead } from '../analyser/reading';
import { REPORT } from './panel-fixture';
import { SENT_ARTICLE } from './helpers/article';

const t = (key: string, subs?: (string | number)[]) => (subs ? `${key}(${subs.join(',')})` : key);
type Mock = ReturnType<typeof vi.fn>;

/** The APIs fakeBrowser leaves unimplemented, replaced by spies. */
function stubApis() {
  const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  const executeScript = vi.fn(async () => []);
  api.scripting = {
    executeScript,
    getRegisteredContentScripts: vi.fn(async () => []),
    registerContentScripts: vi.fn(async () => {}),
    unregisterContentScripts: vi.fn(async () => {}),
  };
  api.permissions = {
    contains: vi.fn(async () => true),
    request: vi.fn(async () => true),
    remove: vi.fn(async () => true),
    onRemoved: { addListener: vi.fn() },
  };
  const open = vi.fn(async () => {});
  api.sidePanel = { open };
  const sendToTab = vi.fn(async (): Promise<unknown> => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  api.tabs!.sendMessage = sendToTab;
  return { executeScript, open, sendToTab };
}

async function newsTab(url = 'https://news.example/article'): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

/** Delivers a raw runtime message to the background's listener(s) and returns the reply. */
async function deliver(raw: unknown, sender: object = {}): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(raw, sender, () => {});
  return replies.find((reply) => reply !== undefined);
}

let apis: ReturnType<typeof stubApis>;
let background: Background;

const READING = readingForPanel(whatWasRead({ ...SENT_ARTICLE, lang: 'fr' }));

/**
 * The content script's side of an analysis: it asks the background to analyse what it read (here the analysis
 * returns `report`), then says the page is analysed. Returns the background's answer to the first message.
 */
async function contentScriptAnalyses(tabId: number, report: Report, sender: object = { tab: { id: tabId }, frameId: 0 }): Promise<unknown> {
  vi.spyOn(background, 'analyseArticle').mockResolvedValue(report);
  const answer = await deliver({ type: 'analyse-article', article: SENT_ARTICLE }, sender);
  await deliver({ type: 'tab-report', state: { status: 'analysed' } }, sender);
  return answer;
}

beforeEach(() => {
  fakeBrowser.reset();
  apis = stubApis();
  background = new Background();
  background.start();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('badge', () => {
  it('shows the number of red flags in the colour of the band, and says both in the title', () => {
    for (const band of ['weak', 'mixed', 'strong'] as const) {
      const badge = badgeFor({ status: 'ready', report: makeReport({ band, redFlags: 4, score: 47.6 }) }, t);
      expect(badge.text).toBe('4');
      expect(badge.colour).toBe(BAND_COLOURS[band]);
      expect(badge.title).toBe(`badgeTitleReady(4,badgeBand_${band},48)`);
    }
    expect(new Set(Object.values(BAND_COLOURS)).size).toBe(3);
  });

  it('is empty before any analysis and distinct for the other states', () => {
    expect(badgeFor({ status: 'idle' }, t).text).toBe('');
    expect(badgeFor({ status: 'no-article', report: makeReport() }, t).title).toBe('badgeTitleNoArticle');
    expect(badgeFor({ status: 'error', message: 'x' }, t).text).toBe('!');
    expect(badgeFor({ status: 'unsupported', reason: 'x' }, t).text).toBe('');
  });
});

describe('message validation', () => {
  it('ignores anything that is not one of our messages', async () => {
    const tabId = await newsTab();
    for (const raw of [
      null,
      'analyse-tab',
      { type: 'analyse-tab' },
      { type: 'analyse-tab', tabId: '1' },
      { type: 'steal-cookies', tabId },
      { type: 'scroll-to-finding', tabId, findingId: 'x'.repeat(100) },
    ]) {
      expect(await deliver(raw)).toBeUndefined();
    }
    expect(apis.executeScript).not.toHaveBeenCalled();
    expect(apis.sendToTab).not.toHaveBeenCalled();
  });

  it('ignores a report whose state does not match the schema', async () => {
    const tabId = await newsTab();
    for (const bogus of [{ status: 'done' }, { status: 'error', message: 42 }, { status: 'unsupported' }]) {
      expect(await deliver({ type: 'tab-report', state: bogus }, { tab: { id: tabId }, frameId: 0 })).toBeUndefined();
    }
    expect(await background.store.get(tabId)).toEqual({ status: 'idle' });
  });

  it('answers the content script with what the highlights need, never the report’s explanations', async () => {
    const tabId = await newsTab();
    const report = REPORT;
    expect(report.findings.length).toBeGreaterThan(0);
    const answer = await contentScriptAnalyses(tabId, report);
    expect(answer).toEqual({ article: { found: true }, findings: report.findings.map(({ id, category, start, end }) => ({ id, category, start, end })) });
    expect(JSON.stringify(answer)).not.toContain(report.findings[0]!.explanation);
    // A page without a tab (an extension page) or in a sub-frame gets no analysis.
    expect(await deliver({ type: 'analyse-article', article: SENT_ARTICLE }, { url: 'chrome-extension://x/sidepanel.html' })).toBeUndefined();
    expect(await deliver({ type: 'analyse-article', article: SENT_ARTICLE }, { tab: { id: tabId }, frameId: 2 })).toBeUndefined();
  });

  it('a content script that says "analysed" without having asked for an analysis gets an error state, not a report', async () => {
    const tabId = await newsTab();
    await deliver({ type: 'tab-report', state: { status: 'analysed' } }, { tab: { id: tabId }, frameId: 0 });
    expect((await background.store.get(tabId)).status).toBe('error');
  });
});

describe('tab state', () => {
  it('answers get-tab-state with idle for a tab never analysed', async () => {
    const tabId = await newsTab();
    expect(await deliver({ type: 'get-tab-state', tabId })).toEqual({ status: 'idle' });
  });

  it('stores a content script report, shows the badge and tells the panel', async () => {
    const tabId = await newsTab();
    const panelMessages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void panelMessages.push(message));
    // With the report, what the content script read, for the panel's "What Sourcier read".
    const state: TabState = { status: 'ready', report: makeReport({ band: 'mixed', redFlags: 2 }), reading: READING };
    await contentScriptAnalyses(tabId, state.report);

    expect(await deliver({ type: 'get-tab-state', tabId })).toEqual(state);
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId })).toEqual([0x8a, 0x53, 0x00, 255]);
    expect(panelMessages).toContainEqual({ type: 'tab-state-changed', tabId, state });
  });

  it('ignores reports from sub-frames and from pages that are not tabs', async () => {
    const tabId = await newsTab();
    await contentScriptAnalyses(tabId, makeReport(), { tab: { id: tabId }, frameId: 3 });
    await contentScriptAnalyses(tabId, makeReport(), { url: 'chrome-extension://x/sidepanel.html' });
    expect(await background.store.get(tabId)).toEqual({ status: 'idle' });
  });

  it('forgets the report and clears the badge when the tab loads a new page', async () => {
    const tabId = await newsTab();
    await contentScriptAnalyses(tabId, makeReport());
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, (await fakeBrowser.tabs.get(tabId)) as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe(''));
    expect(await background.store.get(tabId)).toEqual({ status: 'idle' });
  });

  it('after a navigation to a page it may not read, tells the panel so at once (no button that would fail)', async () => {
    const tabId = await newsTab();
    await contentScriptAnalyses(tabId, makeReport());
    const panelMessages: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void panelMessages.push(message));
    // Another site: the browser hides the tab's address from an extension without access to it.
    const get = vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockResolvedValue({ id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as never);
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId } as never);
    await vi.waitFor(() => expect(panelMessages).toContainEqual({ type: 'tab-state-changed', tabId, state: { status: 'idle', needsClick: true } }));
    get.mockRestore();
  });

  it('survives the service worker being stopped (storage.session)', async () => {
    const tabId = await newsTab();
    const state: TabState = { status: 'ready', report: makeReport(), reading: READING };
    await contentScriptAnalyses(tabId, state.report);
    expect(await new TabStateStore().get(tabId)).toEqual(state);
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await new TabStateStore().get(tabId)).toEqual({ status: 'idle' }));
  });
});

describe('analyse-tab', () => {
  it('injects the content script when none is there and resolves with its first report', async () => {
    const tabId = await newsTab();
    const state: TabState = { status: 'ready', report: makeReport(), reading: READING };
    apis.executeScript.mockImplementation(async () => {
      // The injected script reports as soon as it has analysed the page.
      setTimeout(() => void contentScriptAnalyses(tabId, state.report), 5);
      return [];
    });
    expect(await deliver({ type: 'analyse-tab', tabId })).toEqual(state);
    expect(apis.executeScript).toHaveBeenCalledWith({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('3');
  });

  it('asks an already injected content script instead of injecting it again', async () => {
    const tabId = await newsTab();
    const state: TabState = { status: 'no-article', report: makeReport({ article: { found: false, length: 0, posts: 0, truncatedAt: null } }) };
    vi.spyOn(background, 'analyseArticle').mockResolvedValue(state.report!);
    apis.sendToTab.mockImplementation(async () => {
      // The content script re-reads the page, has it analysed, and says so.
      await deliver({ type: 'analyse-article', article: SENT_ARTICLE }, { tab: { id: tabId }, frameId: 0 });
      return { status: 'analysed' };
    });
    expect(await deliver({ type: 'analyse-tab', tabId })).toEqual(state);
    expect(apis.sendToTab).toHaveBeenCalledWith(tabId, { type: 'run-analysis' }, { frameId: 0 });
    expect(apis.executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('–');
  });

  it('reports browser pages and stores as unsupported without trying to inject', async () => {
    for (const url of ['chrome://settings/', 'about:addons', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/fr/firefox/']) {
      const tabId = await newsTab(url);
      const state = (await deliver({ type: 'analyse-tab', tabId })) as TabState;
      expect(state.status).toBe('unsupported');
    }
    expect(apis.executeScript).not.toHaveBeenCalled();
  });

  it('asks for a click when the browser refuses to inject into a web page', async () => {
    const tabId = await newsTab();
    apis.executeScript.mockRejectedValue(new Error('Cannot access contents of the page.'));
    const state = await deliver({ type: 'analyse-tab', tabId });
    expect(state).toEqual({ status: 'idle', needsClick: true });
  });

  it('does not even try from the panel when the browser hides the tab’s address (no access to the page)', async () => {
    const tabId = await newsTab();
    const get = vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockResolvedValue({ id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as never);
    expect(await deliver({ type: 'analyse-tab', tabId })).toEqual({ status: 'idle', needsClick: true });
    expect(await deliver({ type: 'get-tab-state', tabId })).toEqual({ status: 'idle', needsClick: true });
    expect(apis.executeScript).not.toHaveBeenCalled();
    get.mockRestore();
  });

  it('ends idle, not "cannot analyse", when the tab navigated during the injection', async () => {
    const tabId = await newsTab();
    const tab = await fakeBrowser.tabs.get(tabId);
    apis.executeScript.mockImplementation(async () => {
      // The tab went to another site meanwhile: activeTab is gone and the browser refuses.
      await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, tab as never);
      throw new Error('Cannot access contents of url "https://other.example/". Extension manifest must request permission to access this host.');
    });
    await fakeBrowser.action.onClicked.trigger({ ...tab, windowId: 7 } as never);
    await vi.waitFor(async () => expect(apis.executeScript).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect((await background.store.get(tabId)).status).toBe('idle'));
    await new Promise((done) => setTimeout(done, 20));
    expect((await background.store.get(tabId)).status).toBe('idle');
  });
});

describe('no page read without a click', () => {
  const asScript = (tabId: number, url: string) => ({ tab: { id: tabId }, frameId: 0, url });

  it('lets the script read the page that was clicked, and nothing else in that tab', async () => {
    const tabId = await newsTab('https://news.example/article#top');
    const tab = await fakeBrowser.tabs.get(tabId);
    (fakeBrowser as unknown as { permissions: { contains: Mock } }).permissions.contains.mockResolvedValue(false);
    await fakeBrowser.action.onClicked.trigger({ ...tab, windowId: 7 } as never);
    expect(await deliver({ type: 'may-read' }, asScript(tabId, 'https://news.example/article'))).toEqual({ ok: true });
    expect(await deliver({ type: 'may-read' }, asScript(tabId, 'https://news.example/next-article'))).toEqual({ ok: false });
    expect(await deliver({ type: 'may-read' }, asScript(tabId + 1, 'https://news.example/article'))).toEqual({ ok: false });
    // A sub-frame never gets an answer.
    expect(await deliver({ type: 'may-read' }, { tab: { id: tabId }, frameId: 2, url: 'https://news.example/article' })).toBeUndefined();
  });

  it('a script refused in the next page ends the analysis as not analysed, without waiting for the timeout', async () => {
    const tabId = await newsTab('https://news.example/article');
    const tab = await fakeBrowser.tabs.get(tabId);
    (fakeBrowser as unknown as { permissions: { contains: Mock } }).permissions.contains.mockResolvedValue(false);
    apis.executeScript.mockImplementation(async () => {
      setTimeout(() => void deliver({ type: 'may-read' }, asScript(tabId, 'https://news.example/next-article')), 5);
      return [];
    });
    await fakeBrowser.action.onClicked.trigger({ ...tab, windowId: 7 } as never);
    await vi.waitFor(async () => expect(apis.executeScript).toHaveBeenCalled());
    await vi.waitFor(async () => expect((await background.store.get(tabId)).status).toBe('idle'), { timeout: 1000 });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
  });

  it('lets a copy of the script started again in the same document read it, even after the page changed its address in place', async () => {
    const tabId = await newsTab('https://news.example/article');
    const tab = await fakeBrowser.tabs.get(tabId);
    (fakeBrowser as unknown as { permissions: { contains: Mock } }).permissions.contains.mockResolvedValue(false);
    await fakeBrowser.action.onClicked.trigger({ ...tab, windowId: 7 } as never);
    expect(await deliver({ type: 'may-read' }, { ...asScript(tabId, 'https://news.example/article'), documentId: 'doc-1' })).toEqual({ ok: true });
    // history.replaceState to another address, then WXT starts the script again in that document.
    expect(await deliver({ type: 'may-read' }, { ...asScript(tabId, 'https://news.example/article?page=2'), documentId: 'doc-1' })).toEqual({ ok: true });
    // Another document at that address was not clicked.
    expect(await deliver({ type: 'may-read' }, { ...asScript(tabId, 'https://news.example/article?page=2'), documentId: 'doc-2' })).toEqual({ ok: false });
  });

  it('lets a site chosen for automatic analysis be read without a click (its host permission)', async () => {
    const tabId = await newsTab('https://auto.example/a');
    const contains = (fakeBrowser as unknown as { permissions: { contains: Mock } }).permissions.contains;
    contains.mockImplementation(async ({ origins }: { origins: string[] }) => origins[0] === 'https://auto.example/*');
    expect(await deliver({ type: 'may-read' }, asScript(tabId, 'https://auto.example/a'))).toEqual({ ok: true });
    expect(await deliver({ type: 'may-read' }, asScript(tabId, 'https://news.example/a'))).toEqual({ ok: false });
  });

  it('gives up with an error when the content script never reports', async () => {
    vi.useFakeTimers();
    const tabId = await newsTab();
    const pending = deliver({ type: 'analyse-tab', tabId });
    await vi.advanceTimersByTimeAsync(31_000);
    expect(await pending).toEqual({ status: 'error', message: 'errorTimeout' });
  });

  it('opens the panel and analyses the tab on a click of the toolbar button', async () => {
    const tabId = await newsTab();
    const tab = await fakeBrowser.tabs.get(tabId);
    await fakeBrowser.action.onClicked.trigger({ ...tab, windowId: 7 } as never);
    expect(apis.open).toHaveBeenCalledWith({ windowId: 7 });
    await vi.waitFor(() => expect(apis.executeScript).toHaveBeenCalledTimes(1));
  });
});

describe('panel commands', () => {
  it('forwards scroll-to-finding and set-highlights-visible to the top frame of the tab', async () => {
    const tabId = await newsTab();
    apis.sendToTab.mockImplementation(async () => ({ ok: true }));
    expect(await deliver({ type: 'scroll-to-finding', tabId, findingId: 'f3' })).toEqual({ ok: true });
    expect(apis.sendToTab).toHaveBeenLastCalledWith(tabId, { type: 'content-scroll-to-finding', findingId: 'f3' }, { frameId: 0 });
    expect(await deliver({ type: 'set-highlights-visible', tabId, visible: false })).toEqual({ ok: true });
    expect(apis.sendToTab).toHaveBeenLastCalledWith(tabId, { type: 'content-set-highlights-visible', visible: false }, { frameId: 0 });
  });

  it('answers ok: false when the tab has no content script', async () => {
    const tabId = await newsTab();
    expect(await deliver({ type: 'scroll-to-finding', tabId, findingId: 'f1' })).toEqual({ ok: false });
  });
});

describe('pages that cannot be analysed', () => {
  it('tells browser pages, stores and file access apart', () => {
    expect(unsupportedReason('chrome://extensions')).toBe('browser-page');
    expect(unsupportedReason('moz-extension://abc/page.html')).toBe('browser-page');
    expect(unsupportedReason('https://chrome.google.com/webstore/detail/x')).toBe('store');
    expect(unsupportedReason('https://www.lemonde.fr/')).toBeNull();
    expect(unsupportedReason(undefined)).toBeNull();
    expect(injectionFailureState('file:///home/a.html').status).toBe('unsupported');
    // A web page that refused us was not clicked: not an error, the panel says how to give access.
    expect(injectionFailureState('https://www.lemonde.fr/')).toEqual({ status: 'idle', needsClick: true });
    expect(injectionFailureState('https://example.org/report.pdf', true).status).toBe('unsupported');
    // Right after a click activeTab is granted: a refusal means a page closed to extensions, whose address the
    // browser does not even give.
    expect(injectionFailureState(undefined, true).status).toBe('unsupported');
    expect(injectionFailureState(undefined, false, new Error('Cannot access a chrome:// URL')).status).toBe('unsupported');
    expect(injectionFailureState(undefined, false, new Error('Cannot access contents of the page.'))).toEqual({ status: 'idle', needsClick: true });
  });
});

// Keeps the type of vi.fn results visible to readers of the stubs above.
export type { Mock };
