// In-page highlights with the CSS Custom Highlight API: the page's DOM is never touched. One `Highlight` per
// category, registered in `CSS.highlights` as `sourcier-<category>`, styled by one stylesheet (adopted, or a
// single <style> where adopting fails) — the only thing Sourcier adds to a page.
//
// A very long report (thousands of findings) is registered around the viewport only: Chromium's pre-paint walks
// every registered range in the frame after a change (40–55 ms for the 2,700 findings of a 1 MB page, one long
// task), while a reader only ever sees a screenful of them. The window follows the reader's scrolling.
import { rangeFor, type ArticleText } from '../analyser/article';
import type { HighlightedFinding } from './page-messages';
import { SENTENCE_CATEGORIES, type Category } from '../analyser/taxonomy';
import { FLASH_HIGHLIGHT, highlightCss, highlightName } from '../components/panel/palette';

export const HIGHLIGHT_PREFIX = 'sourcier-';
/** How long the finding the reader jumped to from the panel stays marked. */
export const FLASH_MS = 1600;
/** Up to this many findings, all are registered at once (what any news article has). */
export const ALL_AT_ONCE = 400;
/** On a longer report, the findings registered around the one at the top of the viewport. */
export const WINDOW = 300;
/** How far ahead of the viewport the window reaches: more below (reading goes down) than above. */
const WINDOW_ABOVE = 100;
/** The window moves once the viewport's first finding is this close to one of its ends. */
const WINDOW_MARGIN = 50;

// Names and styles come from the panel's palette so that the page and the panel's legend always agree.
export { FLASH_HIGHLIGHT, highlightCss, highlightName };

interface Highlighted {
  id: string;
  category: Category;
  /** The finding's range in the live page. */
  range: Range;
  /** What the range covered when it was made: a page that rewrites text nodes moves live ranges. */
  covered: string;
}

interface HighlightGlobals {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

function highlightGlobals(doc: Document): HighlightGlobals | null {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight }) | null;
  const registry = win?.CSS?.highlights;
  return registry && win.Highlight ? { registry, Highlight: win.Highlight } : null;
}

export class PageHighlights {
  /** Every highlighted finding, in the order of the text (so, down the page). */
  private ordered: Highlighted[] = [];
  /** The registered part of `ordered`: [from, to). All of it on an ordinary report. */
  private window: [number, number] = [0, 0];
  private following: { stop(): void } | null = null;
  private readonly byCategory = new Map<Category, Highlight>();
  private visible = true;
  private sheet: CSSStyleSheet | null = null;
  private styleElement: HTMLStyleElement | null = null;
  private flashTimers: number[] = [];
  private readonly globals: HighlightGlobals | null;

  constructor(private readonly doc: Document = document) {
    this.globals = highlightGlobals(doc);
  }

  /** False in a browser without the CSS Custom Highlight API: the panel still works, the page shows nothing. */
  get supported(): boolean {
    return this.globals !== null;
  }

  get highlightsVisible(): boolean {
    return this.visible;
  }

  /**
   * Replaces the page's highlights with those of a new report, whose findings come in text order (as the report
   * lists them). Returns how many findings got a range.
   */
  show(findings: readonly HighlightedFinding[], article: ArticleText): number {
    this.reset();
    if (!this.globals) return 0;
    for (const finding of findings) {
      const range = rangeFor(article, finding.start, finding.end);
      if (!range || range.collapsed) continue;
      this.ordered.push({ id: finding.id, category: finding.category, range, covered: range.toString() });
    }
    if (this.ordered.length > ALL_AT_ONCE) {
      this.fill(this.windowAround(this.firstInView()));
      this.followScrolling();
    } else {
      this.fill([0, this.ordered.length]);
    }
    if (this.ordered.length) this.ensureStyles();
    return this.ordered.length;
  }

  /** Registers the findings of `window` (and only them), one highlight per category. */
  private fill(window: [number, number]): void {
    this.window = window;
    this.byCategory.clear();
    if (!this.globals) return;
    for (let i = window[0]; i < window[1]; i++) {
      const { category, range } = this.ordered[i]!;
      let highlight = this.byCategory.get(category);
      if (!highlight) {
        highlight = new this.globals.Highlight();
        this.byCategory.set(category, highlight);
      }
      highlight.add(range);
    }
    if (this.visible) {
      this.unregister();
      this.register();
    }
  }

  private windowAround(index: number): [number, number] {
    const from = Math.max(0, Math.min(index - WINDOW_ABOVE, this.ordered.length - WINDOW));
    return [from, Math.min(this.ordered.length, from + WINDOW)];
  }

  /**
   * The first finding that ends below the top of the viewport, by binary search (a dozen range boxes read, not
   * thousands): the text runs down the page, so its findings' boxes do too, near enough for a window.
   */
  private firstInView(): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ordered[mid]!.range.getBoundingClientRect().bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, this.ordered.length - 1);
  }

  /** Moves the window when the viewport nears one of its ends; at most once a frame, whatever the scrolling. */
  private recentre(index = this.firstInView()): void {
    const [from, to] = this.window;
    const nearStart = from > 0 && index < from + WINDOW_MARGIN;
    const nearEnd = to < this.ordered.length && index > to - WINDOW_MARGIN;
    if (nearStart || nearEnd) this.fill(this.windowAround(index));
  }

  private followScrolling(): void {
    const win = this.doc.defaultView;
    if (!win || this.following) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), this.recentre()));
    };
    // Capture: scrolling inside a scrolling box of the page counts too (scroll events do not bubble).
    const options = { capture: true, passive: true };
    win.addEventListener('scroll', onScroll, options);
    this.following = {
      stop: () => {
        win.removeEventListener('scroll', onScroll, options);
        if (frame) win.cancelAnimationFrame(frame);
      },
    };
  }

  /** Forgets the current report's highlights (not the stylesheet). */
  private reset(): void {
    this.unregister();
    this.following?.stop();
    this.following = null;
    this.byCategory.clear();
    this.ordered = [];
    this.window = [0, 0];
  }

  /**
   * Whether every highlight still covers the text it was made on, in the page. A page that re-renders its text
   * (same text, new or rewritten text nodes) keeps the article's text, and strands or moves the live ranges.
   */
  intact(): boolean {
    for (const { range, covered } of this.ordered) {
      if (!range.startContainer.isConnected || !range.endContainer.isConnected || range.toString() !== covered) return false;
    }
    return true;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.register();
    else this.unregister();
  }

  /** Scrolls the page so that the finding is in the middle of the viewport, then flashes it. */
  scrollTo(findingId: string): boolean {
    const index = this.ordered.findIndex((h) => h.id === findingId);
    const range = this.ordered[index]?.range;
    const element = range?.startContainer.parentElement;
    if (!range || !element?.isConnected) return false;
    // A finding outside the registered window (a very long report) gets its neighbours registered first.
    if (index < this.window[0] || index >= this.window[1]) this.fill(this.windowAround(index));
    const win = this.doc.defaultView;
    const reducedMotion = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    // First bring the element into view (this also scrolls any scrolling box it sits in), then centre the
    // marker itself: a long paragraph may be taller than the window.
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = range.getBoundingClientRect();
    if (win) win.scrollBy({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior: reducedMotion ? 'instant' : 'smooth' });
    this.flash(range, reducedMotion);
    return true;
  }

  /** Removes everything Sourcier added to the page (on a new injection or when the extension goes away). */
  clear(): void {
    this.reset();
    this.stopFlash();
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    this.styleElement?.remove();
    this.sheet = null;
    this.styleElement = null;
  }

  private flash(range: Range, steady: boolean): void {
    if (!this.globals) return;
    this.stopFlash();
    const { registry, Highlight } = this.globals;
    const highlight = new Highlight(range);
    highlight.priority = 1; // Above the category colours.
    const on = () => registry.set(FLASH_HIGHLIGHT, highlight);
    const off = () => registry.delete(FLASH_HIGHLIGHT);
    on();
    const win = this.doc.defaultView;
    if (!win) return;
    // Two pulses draw the eye after a long scroll; one steady mark when the reader asked for less motion.
    const steps: [number, () => void][] = steady
      ? [[FLASH_MS, off]]
      : [
          [400, off],
          [650, on],
          [FLASH_MS, off],
        ];
    this.flashTimers = steps.map(([delay, step]) => win.setTimeout(step, delay));
  }

  private stopFlash(): void {
    const win = this.doc.defaultView;
    for (const timer of this.flashTimers) win?.clearTimeout(timer);
    this.flashTimers = [];
    this.globals?.registry.delete(FLASH_HIGHLIGHT);
  }

  private register(): void {
    if (!this.globals) return;
    for (const [category, highlight] of this.byCategory) this.globals.registry.set(highlightName(category), highlight);
  }

  private unregister(): void {
    if (!this.globals) return;
    for (const category of SENTENCE_CATEGORIES) this.globals.registry.delete(highlightName(category));
  }

  /**
   * Adds the highlight stylesheet now (once). Adding a sheet makes the browser recompute the whole page's style
   * (15–25 ms on a 1 MB page): done while the background analyses, that work gets a frame of its own instead of
   * landing in the frame that paints the highlights.
   */
  ensureStyles(): void {
    if (!this.globals) return;
    if (this.sheet || this.styleElement) return;
    const css = highlightCss();
    const win = this.doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null;
    // A constructed sheet is not subject to the page's Content-Security-Policy, unlike an inline <style>.
    try {
      if (win?.CSSStyleSheet) {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
        this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
        if (this.doc.adoptedStyleSheets.includes(sheet)) {
          this.sheet = sheet;
          return;
        }
      }
    } catch {
      // Firefox content scripts cannot always adopt a sheet across the Xray boundary: fall back to <style>.
    }
    const style = this.doc.createElement('style');
    style.setAttribute('data-sourcier', '');
    style.textContent = css;
    (this.doc.head ?? this.doc.documentElement).append(style);
    this.styleElement = style;
  }
}
