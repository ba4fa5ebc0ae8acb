// What the content script does in a page: read it, analyse it, highlight the findings, report to the
// background, answer the panel's commands, and refresh when the article really changes. It reads the page;
// it never rewrites it.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readArticleSteps } from '../analyser/read';
import { finishInSlices } from '../analyser/steps';
import type { ArticleText } from '../analyser/article';
import { articleFindingsSchema, parsePageMessage, type HighlightedFinding, type PageMessage, type PageState } from './page-messages';
import { onMessage, sendMessage } from './messaging';
import { PageHighlights } from './highlights';
import { t } from './i18n';
import { articleSignature } from './text-signature';

/** Quiet time after the last DOM change before the article is looked at again. */
export const MUTATION_DEBOUNCE_MS = 1000;
/** A page that never stops changing (a ticker, a clock) is still looked at this often at most. */
export const MUTATION_MAX_WAIT_MS = 5000;
/** After an in-app navigation the new article usually renders a moment later. */
export const LOCATION_CHANGE_DELAY_MS = 600;

/**
 * The extractor's visibility hook: text the reader cannot see is neither scored nor highlighted, so what is shown
 * and what is scored agree. The extractor walks down the tree and skips a hidden element's subtree, so each element
 * is judged on its own box. Reads only (computed style and boxes, one layout for the whole walk); never writes.
 */
export function isHidden(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  if (typeof element.checkVisibility === 'function') {
    // Both spellings: the options were renamed (checkOpacity → opacityProperty) and browsers read either.
    const options = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
    if (!element.checkVisibility(options as CheckVisibilityOptions)) return true;
  }
  const style = view.getComputedStyle(element);
  if (style.display === 'contents') return false; // No box of its own: its children are judged.
  if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return true;
  // Text shrunk, scaled or clipped to nothing, or content the browser skips: pages can hide markers these ways too.
  if (parseFloat(style.fontSize) === 0 || style.contentVisibility === 'hidden') return true;
  if (/^matrix(?:3d)?\(0, 0, 0, 0[,)]/.test(style.transform) || /^inset\((?:50|100)%\)$/.test(style.clipPath)) return true;
  const box = element.getBoundingClientRect();
  // A box that clips its content to (almost) nothing: "visually hidden" text, collapsed containers.
  const clips = style.overflowX !== 'visible' && style.overflowY !== 'visible';
  if (clips && (box.width <= 1 || box.height <= 1)) return true;
  // Text pushed out of its own clipping box (text-indent: -9999px image replacement).
  if (clips && parseFloat(style.textIndent) <= -999) return true;
  // Pushed out of the page to the left or above the top (text-indent or left: -9999px tricks).
  if (box.width > 0 && box.right + view.scrollX <= 0) return true;
  if (box.height > 0 && box.bottom + view.scrollY <= 0) return true;
  return false;
}

/**
 * Longest stretch of page reading before the main thread is handed back. Well under a 50 ms long task: a garbage
 * collection pause (10–35 ms on a long page, two busy cores) can land in any slice.
 */
export const READ_SLICE_MS = 10;

/** Hands the main thread back to the page (input, rendering), then resumes. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Performance timeline unavailable: measuring is a courtesy to the benchmark, never a failure.
  }
}

export function startPageAnalysis(ctx: ContentScriptContext, doc: Document = document): void {
  const highlights = new PageHighlights(doc);
  let analysis: { article: ArticleText; findings: HighlightedFinding[] } | null = null;
  let signature: string | null = null;
  let running: Promise<PageState> | null = null;
  let rerun = false;

  /** The page changed while it was being read: the signature taken after the read does not describe what was read. */
  let changedWhileReading = false;

  async function analyseOnce(): Promise<PageState> {
    changedWhileReading = false;
    if (doc.contentType === 'application/pdf') return { status: 'unsupported', reason: t('unsupportedPdf') };
    try {
      const location = doc.location?.href ?? '';
      // Injected just now, the script's own compilation and start took a task: reading starts in the next one.
      await yieldToPage();
      const start = performance.now();
      // In slices on a very long page: the reader can scroll and type while it is read (no long task).
      const { extracted, article } = await finishInSlices(readArticleSteps(doc, { url: location, source: location, isHidden }), {
        budgetMs: READ_SLICE_MS,
        pause: yieldToPage,
      });
      measure('sourcier:extract', start);
      // The rules and the score run in the background, with the user's rules and settings, on the article
      // read here: the script injected into every analysed page only reads it, and stays small. The background
      // keeps the report (the panel shows it from there) and answers with what the highlights need.
      const analyseStart = performance.now();
      if (extracted.text) highlights.ensureStyles();
      const reply = articleFindingsSchema.safeParse(await sendMessage({ type: 'analyse-article', article: extracted }));
      if (!reply.success) throw new Error('no report from the extension');
      analysis = { article, findings: reply.data.findings };
      measure('sourcier:analyse', analyseStart);
      // Thousands of findings (a very long page) take a while to receive and check: the page gets its main
      // thread back before they are highlighted.
      if (performance.now() - analyseStart >= READ_SLICE_MS) await yieldToPage();
      const highlightStart = performance.now();
      highlights.show(analysis.findings, analysis.article);
      measure('sourcier:highlight', highlightStart);
      if (performance.now() - highlightStart >= READ_SLICE_MS) await yieldToPage();
      signature = articleSignature(analysis.article.roots);
      return { status: 'analysed' };
    } catch (error) {
      highlights.clear();
      return { status: 'error', message: t('errorAnalysis', [error instanceof Error ? error.message : String(error)]) };
    }
  }

  /** One analysis at a time; a request during one runs once more after it, with the latest page. */
  function analyse(): Promise<PageState> {
    if (running) {
      rerun = true;
      return running;
    }
    running = (async () => {
      let state = await analyseOnce();
      while (rerun && ctx.isValid) {
        rerun = false;
        state = await analyseOnce();
      }
      running = null;
      return state;
    })();
    return running;
  }

  function report(state: PageState): void {
    if (ctx.isValid) sendMessage({ type: 'tab-report', state }).catch(() => {});
  }

  async function refresh(force: boolean): Promise<void> {
    // The cheap check first: most DOM changes (ads, comments loading, menus) leave the article's text alone, and
    // its highlights where they were.
    const unchanged = analysis && signature !== null && !changedWhileReading && articleSignature(analysis.article.roots) === signature;
    if (!force && unchanged && highlights.intact()) return;
    report(await analyse());
  }

  // Debounced with a maximum wait; the observer callback itself only moves a timer.
  let timer: number | undefined;
  let firstChange = 0;
  let forceNext = false;
  function scheduleRefresh(delay: number, force: boolean): void {
    forceNext ||= force;
    const now = Date.now();
    if (timer === undefined) firstChange = now;
    else if (now - firstChange >= MUTATION_MAX_WAIT_MS)
      return; // Let the pending one run.
    else clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      const forced = forceNext;
      forceNext = false;
      void refresh(forced);
    }, delay);
  }

  // Nothing below runs until the background confirms that this is the page the reader asked about (see the end).
  const observer = new MutationObserver(() => {
    if (running) changedWhileReading = true;
    scheduleRefresh(MUTATION_DEBOUNCE_MS, false);
  });
  let stopListening = () => {};
  const listen = () => {
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => scheduleRefresh(LOCATION_CHANGE_DELAY_MS, true));
    stopListening = onMessage(parsePageMessage, handleMessage);
  };

  const handleMessage = (message: PageMessage) => {
    switch (message.type) {
      case 'run-analysis':
        return analyse();
      case 'content-scroll-to-finding':
        return Promise.resolve({ ok: highlights.scrollTo(message.findingId) });
      case 'content-set-highlights-visible':
        highlights.setVisible(message.visible);
        return Promise.resolve({ ok: highlights.supported });
    }
  };

  // A newer copy of this script (injected again, or the extension updated) takes over: leave the page as found.
  ctx.onInvalidated(() => {
    observer.disconnect();
    stopListening();
    highlights.clear();
  });

  // Injected on a click, the script can still land in the tab's next page when the tab navigates at that moment:
  // the background says whether this page is the one the reader asked about (or an automatic site) before any read.
  void sendMessage({ type: 'may-read' })
    .then(
      (answer) => answer?.ok === true,
      () => false,
    )
    .then((allowed) => {
      if (!allowed || !ctx.isValid) return;
      listen();
      void analyse().then(report);
    });
}
