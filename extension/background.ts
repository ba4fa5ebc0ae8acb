// The background's work: open the panel on a click or the shortcut, inject and run the content script in the
// tab, keep each tab's state and badge, and pass the panel's commands on to the tab's content script.
import { browser } from 'wxt/browser';
import { parseMessage, type Message, type PanelReading, type TabState } from './messages';
import { pageStateSchema, type ArticleFindings, type PageState } from './page-messages';
import { broadcast, onMessage, sendToTab, type CommandResult, type MessageSender } from './messaging';
import { TabStateStore, badgeFor } from './tab-state';
import { t } from './i18n';
import { syncAutoSites } from './auto-sites';
import { loadAnalyseOptions, onAnalyseOptionsChanged } from './settings';
import { analyseExtracted, type ExtractedArticle } from '../analyser';
import type { Report } from '../analyser/report';
import type { Lang } from '../analyser/taxonomy';
import { readingForPanel, whatWasRead } from '../analyser/reading';

/** The content script bundle WXT builds from entrypoints/content/ (registration: 'runtime'). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
/** A page that takes longer than this to analyse is reported as an error rather than "analysing" forever. */
export const ANALYSIS_TIMEOUT_MS = 30_000;

/** Pages no extension may script: browser pages, other extensions, the stores. */
export function unsupportedReason(url: string | undefined): 'browser-page' | 'store' | null {
  if (!url) return null; // Unknown without a grant: try, and report what the browser says.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return 'browser-page';
  const storePage =
    parsed.hostname === 'chromewebstore.google.com' ||
    (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) ||
    parsed.hostname === 'microsoftedge.microsoft.com' ||
    parsed.hostname === 'addons.mozilla.org';
  return storePage ? 'store' : null;
}

/** What the browser says when it refuses a page to every extension (its own pages, the stores). */
const CLOSED_PAGE_ERROR = /chrome:\/\/|edge:\/\/|about:|extensions gallery|cannot be scripted|chrome-extension:\/\/|moz-extension:\/\//i;

/**
 * The state to show when the browser refused to inject the content script. `afterClick`: the reader has just
 * clicked the button (or pressed the shortcut), so activeTab was granted and a refusal means the page is closed
 * to extensions — the browser does not even tell us a browser page's address.
 */
export function injectionFailureState(url: string | undefined, afterClick = false, error?: unknown): TabState {
  const reason = unsupportedReason(url);
  if (reason) return { status: 'unsupported', reason: t(reason === 'store' ? 'unsupportedStore' : 'unsupportedBrowserPage') };
  if (url?.startsWith('file:')) return { status: 'unsupported', reason: t('unsupportedFileAccess') };
  if (url && /\.pdf(?:$|[?#])/i.test(url)) return { status: 'unsupported', reason: t('unsupportedPdf') };
  const message = error instanceof Error ? error.message : String(error ?? '');
  if (afterClick || CLOSED_PAGE_ERROR.test(message)) return { status: 'unsupported', reason: t('unsupportedBrowserPage') };
  // A web page that refused us: activeTab was not granted for it (the panel was used on a tab that was never
  // clicked, or the tab moved to another site since). Not an error: the panel says how to grant access.
  return { status: 'idle', needsClick: true };
}

type ActionApi = typeof browser.action;

function actionApi(): ActionApi | undefined {
  // MV2 (Firefox) calls the toolbar button browserAction.
  return browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction;
}

export class Background {
  readonly store = new TabStateStore();
  /** Analyses started by an injection: resolved by the content script's first `tab-report`. */
  private readonly pendingReports = new Map<number, (state: TabState) => void>();
  /**
   * The last report computed for each tab's page. The content script gets only what its highlights need, and
   * its `tab-report` says "analysed" without sending the report back: the state is made from this one.
   */
  private readonly reports = new Map<number, Report>();
  /**
   * The page the reader asked about in each tab (its address without the fragment): the only page a script injected
   * for that request may read. A tab that navigates while the script is being injected gets it in the next page,
   * which nobody clicked on (the browser keeps activeTab across a same-site navigation).
   */
  private readonly askedPages = new Map<number, string>();
  /**
   * The document each tab's script was allowed to read (Chrome's documentId): a copy of the script started again in
   * that same document (WXT's restart) may read it even if the page changed its address in place since the click.
   */
  private readonly allowedDocuments = new Map<number, string>();
  /** Navigations seen in each tab: an analysis that outlives one was about a page the tab no longer shows. */
  private readonly navigations = new Map<number, number>();
  /** What was read of each tab's page, for the panel's "What Sourcier read". */
  private readonly readings = new Map<number, PanelReading>();

  start(): void {
    actionApi()?.onClicked.addListener((tab) => {
      // Why onClicked rather than sidePanel.setPanelBehavior({ openPanelOnActionClick: true }): with that behaviour
      // Chrome opens the panel itself and never fires onClicked, so the analysis would have to start from the panel,
      // outside the click; here the click both grants activeTab for this tab and opens the panel.
      // Must stay the first, synchronous call: opening the panel is only allowed inside the click's user gesture.
      openPanel(tab.windowId);
      if (tab.id === undefined) return;
      if (tab.url) this.askedPages.set(tab.id, pageKey(tab.url));
      void this.analyseTab(tab.id, tab.url, true);
    });
    onMessage(parseMessage, (message, sender) => this.handle(message, sender));
    browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
      // A new page in the tab: the old report and badge are about something no longer shown.
      if (changeInfo.status === 'loading') void this.reset(tabId);
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      this.pendingReports.delete(tabId);
      this.askedPages.delete(tabId);
      this.allowedDocuments.delete(tabId);
      this.navigations.delete(tabId);
      this.reports.delete(tabId);
      this.readings.delete(tabId);
      void this.store.delete(tabId);
    });
    // A site permission revoked from the browser's own settings stops its automatic analysis too.
    browser.permissions?.onRemoved?.addListener(() => void syncAutoSites());
    browser.runtime.onStartup?.addListener(() => void syncAutoSites());
    browser.runtime.onInstalled?.addListener(() => void syncAutoSites());
    // New settings or rules: the analysed tabs show their report again under them.
    onAnalyseOptionsChanged(() => void this.refreshAnalysedTabs());
  }

  /** The rules and the score, with the user's settings and rules, over an article a content script read. */
  async analyseArticle(article: ExtractedArticle): Promise<Report> {
    // One panel, one language: the report speaks the interface's language, whatever the article's.
    return analyseExtracted(article, { ...(await loadAnalyseOptions()), reportLang: interfaceLang() });
  }

  /** Re-runs the analysis in every tab that shows a report (after a change of settings or rules). */
  async refreshAnalysedTabs(): Promise<void> {
    const tabs = await browser.tabs.query({}).catch(() => []);
    await Promise.all(
      tabs.map(async ({ id }) => {
        if (id === undefined) return;
        const { status } = await this.store.get(id);
        if (status !== 'ready' && status !== 'no-article') return;
        const state = await this.askContentScript(id);
        if (state) await this.setState(id, state);
      }),
    );
  }

  /** Answers a validated message; undefined leaves it to other listeners (the panel's own). */
  handle(message: Message, sender: MessageSender): Promise<unknown> | undefined {
    switch (message.type) {
      case 'analyse-tab':
        return this.analyseTab(message.tabId);
      case 'get-tab-state':
        return this.store.get(message.tabId).then((state) => (state.status === 'idle' ? this.idleState(message.tabId) : state));
      case 'may-read': {
        const tabId = topFrameTab(sender);
        if (tabId === undefined) return undefined;
        const sameDocument = sender.documentId !== undefined && this.allowedDocuments.get(tabId) === sender.documentId;
        return (sameDocument ? Promise.resolve(true) : this.mayRead(tabId, sender.url)).then((ok) => {
          if (ok && sender.documentId !== undefined) this.allowedDocuments.set(tabId, sender.documentId);
          // The script landed in a page nobody asked about: the analysis that injected it ends without a report.
          if (!ok) this.pendingReports.get(tabId)?.({ status: 'idle' });
          return { ok };
        });
      }
      case 'scroll-to-finding':
        return this.forward(message.tabId, { type: 'content-scroll-to-finding', findingId: message.findingId });
      case 'set-highlights-visible':
        return this.forward(message.tabId, { type: 'content-set-highlights-visible', visible: message.visible });
      case 'analyse-article': {
        // Only a content script in a tab's top frame asks for the analysis of what it read (extension pages have
        // no sender.tab).
        const tabId = topFrameTab(sender);
        if (tabId === undefined) return undefined;
        return this.analyseArticle(message.article).then((report) => {
          this.reports.set(tabId, report);
          this.readings.set(tabId, readingForPanel(whatWasRead(message.article)));
          return findingsForPage(report);
        });
      }
      case 'tab-report': {
        const tabId = topFrameTab(sender);
        if (tabId === undefined) return undefined;
        const state = this.stateFrom(tabId, message.state);
        const pending = this.pendingReports.get(tabId);
        if (pending) pending(state);
        else void this.setState(tabId, state);
        return Promise.resolve();
      }
      default:
        return undefined;
    }
  }

  /** Runs (or re-runs) the analysis in a tab and resolves with the tab's new state. */
  async analyseTab(tabId: number, knownUrl?: string, afterClick = false): Promise<TabState> {
    const navigation = this.navigations.get(tabId) ?? 0;
    const url = knownUrl ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    // The panel's button: the browser shows a tab's address only to an extension that may read it (activeTab
    // after a click on this site, or a site chosen for automatic analysis). Without it, injecting would fail.
    if (!afterClick && !url) return this.setState(tabId, { status: 'idle', needsClick: true });
    const reason = unsupportedReason(url);
    if (reason) return this.setState(tabId, injectionFailureState(url));
    if (!afterClick && url) this.askedPages.set(tabId, pageKey(url));
    await this.setState(tabId, { status: 'analysing' });
    const state = (await this.askContentScript(tabId)) ?? (await this.injectAndWait(tabId, url, afterClick));
    // The tab went to another page meanwhile: whatever happened was about a page it no longer shows (a refusal
    // there is not "this page cannot be analysed"), and the new page was not asked about.
    if ((this.navigations.get(tabId) ?? 0) !== navigation) return this.setState(tabId, await this.idleState(tabId));
    return this.setState(tabId, state);
  }

  /** Whether a content script may read the page it was injected into: the page asked about, or an automatic site. */
  async mayRead(tabId: number, url: string | undefined): Promise<boolean> {
    if (!url) return false;
    if (this.askedPages.get(tabId) === pageKey(url)) return true;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return false;
    }
    if (!/^https?:/.test(origin)) return false;
    // A site the reader chose for automatic analysis (its host permission; activeTab does not count here).
    return browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  }

  /** "Not analysed", saying whether the button can work: the browser hides the address of a page we may not read. */
  private async idleState(tabId: number): Promise<TabState> {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return tab?.url ? { status: 'idle' } : { status: 'idle', needsClick: true };
  }

  /** The already injected content script re-analyses; null when there is none (or it answers nonsense). */
  private async askContentScript(tabId: number): Promise<TabState | null> {
    try {
      const reply = pageStateSchema.safeParse(await sendToTab(tabId, { type: 'run-analysis' }));
      return reply.success ? this.stateFrom(tabId, reply.data) : null;
    } catch {
      return null;
    }
  }

  /** The tab's state after its content script's word: an analysed page shows the report computed for it here. */
  private stateFrom(tabId: number, state: PageState): TabState {
    if (state.status !== 'analysed') return state;
    const report = this.reports.get(tabId);
    // None: the worker was restarted between the analysis and the content script's word (or the page never asked).
    if (!report) return { status: 'error', message: t('errorAnalysis', ['no report from the extension']) };
    const reading = this.readings.get(tabId);
    return report.article.found ? { status: 'ready', report, ...(reading ? { reading } : {}) } : { status: 'no-article', report };
  }

  private async injectAndWait(tabId: number, url: string | undefined, afterClick: boolean): Promise<TabState> {
    const report = new Promise<TabState>((resolve) => {
      const timer = setTimeout(() => finish({ status: 'error', message: t('errorTimeout') }), ANALYSIS_TIMEOUT_MS);
      const finish = (state: TabState) => {
        clearTimeout(timer);
        if (this.pendingReports.get(tabId) === finish) this.pendingReports.delete(tabId);
        resolve(state);
      };
      this.pendingReports.set(tabId, finish);
    });
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    } catch (error) {
      this.pendingReports.get(tabId)?.(injectionFailureState(url, afterClick, error));
    }
    return report;
  }

  private async forward(tabId: number, message: Message): Promise<CommandResult> {
    try {
      const reply = (await sendToTab(tabId, message)) as CommandResult | undefined;
      return { ok: reply?.ok === true };
    } catch {
      return { ok: false };
    }
  }

  private async reset(tabId: number): Promise<void> {
    this.navigations.set(tabId, (this.navigations.get(tabId) ?? 0) + 1);
    this.reports.delete(tabId);
    this.readings.delete(tabId);
    // An analysis waiting on the old page ends as "not analysed" rather than timing out.
    this.pendingReports.get(tabId)?.({ status: 'idle' });
    const current = await this.store.get(tabId);
    // Saying at once whether the new page can be analysed from the panel: no button flashing up that could not work.
    if (current.status !== 'idle') await this.setState(tabId, await this.idleState(tabId));
  }

  async setState(tabId: number, state: TabState): Promise<TabState> {
    await this.store.set(tabId, state);
    await showBadge(tabId, state);
    await broadcast({ type: 'tab-state-changed', tabId, state });
    return state;
  }
}

/** The extension's interface language (its locale's `panelLang`), which reports are written in. */
export function interfaceLang(): Lang {
  return t('panelLang') === 'fr' ? 'fr' : 'en';
}

/** A page's address without its fragment: moving to an anchor of the page is still the same page. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The tab of a content script in a tab's top frame; undefined for any other sender. */
function topFrameTab(sender: MessageSender): number | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined || (sender.frameId !== undefined && sender.frameId !== 0) ? undefined : tabId;
}

/** What the content script needs of a report: the highlights (not the explanations and sentences). */
export function findingsForPage(report: Report): ArticleFindings {
  return {
    article: { found: report.article.found },
    findings: report.findings.map(({ id, category, start, end }) => ({ id, category, start, end })),
  };
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const action = actionApi();
  if (!action) return;
  const badge = badgeFor(state, t);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
      action.setTitle({ tabId, title: badge.title }),
      // White text on the band colours (Chrome 110+, Firefox 63+); older browsers pick a contrasting colour.
      action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' }),
    ]);
  } catch {
    // The tab closed meanwhile.
  }
}

/** Chrome: the window's side panel; Firefox: the sidebar. Both must be called within the user gesture. */
function openPanel(windowId: number | undefined): void {
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  try {
    if (api.sidePanel?.open && windowId !== undefined) void api.sidePanel.open({ windowId }).catch(() => {});
    else if (api.sidebarAction?.open) void api.sidebarAction.open().catch(() => {});
  } catch {
    // No panel API (an old browser): the badge still shows the result.
  }
}
