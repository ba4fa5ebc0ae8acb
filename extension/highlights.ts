// In-page highlights with the CSS Custom Highlight API: the page's DOM is never touched. One `Highlight` per
// category, registered in `CSS.highlights` as `sourcier-<category>`, styled by one stylesheet (adopted, or a
// single <style> where adopting fails) — the only thing Sourcier adds to a page.
import { rangeFor, type ArticleText, type Finding } from '../analyser';
import { RED_FLAG_CATEGORIES, SENTENCE_CATEGORIES, type Category } from '../analyser/taxonomy';

export const HIGHLIGHT_PREFIX = 'sourcier-';
/** The highlight that briefly marks the finding the reader jumped to from the panel. */
export const FLASH_HIGHLIGHT = 'sourcier-flash';
export const FLASH_MS = 1600;

export function highlightName(category: Category): string {
  return HIGHLIGHT_PREFIX + category;
}

export type Underline = 'solid' | 'wavy' | 'dotted';

/**
 * Colour and underline per category, shared with the panel's legend. The underline style repeats the meaning
 * so that colour is not its only carrier: solid = who says it, wavy = red flag, dotted = framing.
 */
export const CATEGORY_STYLES: Record<Category, { colour: string; underline: Underline }> = {
  'named-source': { colour: '#2E7D32', underline: 'solid' },
  'official-document': { colour: '#1565C0', underline: 'solid' },
  'media-relay': { colour: '#6A1B9A', underline: 'solid' },
  'anonymous-source': { colour: '#C62828', underline: 'wavy' },
  'vague-attribution': { colour: '#EF6C00', underline: 'wavy' },
  'self-reference': { colour: '#AD1457', underline: 'wavy' },
  'exclusive-claim': { colour: '#F9A825', underline: 'dotted' },
  'hedged-claim': { colour: '#6D4C41', underline: 'wavy' },
  'unsourced-certainty': { colour: '#D84315', underline: 'wavy' },
};

/** `#RRGGBB` at an opacity, for a background that keeps the page's own text colour readable. */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function highlightCss(): string {
  const rules = SENTENCE_CATEGORIES.map((category) => {
    const { colour, underline } = CATEGORY_STYLES[category];
    const alpha = RED_FLAG_CATEGORIES.includes(category) ? 0.26 : 0.18;
    return (
      `::highlight(${highlightName(category)}) { background-color: ${translucent(colour, alpha)}; ` +
      `text-decoration: underline ${underline} ${colour}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`
    );
  });
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: #FFE500; color: #000; }`);
  return rules.join('\n');
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
  /** Finding id → its range in the live page. */
  private readonly ranges = new Map<string, Range>();
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

  /** Replaces the page's highlights with those of a new report. Returns how many findings got a range. */
  show(findings: readonly Finding[], article: ArticleText): number {
    this.unregister();
    this.ranges.clear();
    this.byCategory.clear();
    if (!this.globals) return 0;
    for (const finding of findings) {
      const range = rangeFor(article, finding.start, finding.end);
      if (!range || range.collapsed) continue;
      this.ranges.set(finding.id, range);
      let highlight = this.byCategory.get(finding.category);
      if (!highlight) {
        highlight = new this.globals.Highlight();
        this.byCategory.set(finding.category, highlight);
      }
      highlight.add(range);
    }
    if (this.ranges.size) this.ensureStyles();
    if (this.visible) this.register();
    return this.ranges.size;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.register();
    else this.unregister();
  }

  /** Scrolls the page so that the finding is in the middle of the viewport, then flashes it. */
  scrollTo(findingId: string): boolean {
    const range = this.ranges.get(findingId);
    const element = range?.startContainer.parentElement;
    if (!range || !element?.isConnected) return false;
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
    this.unregister();
    this.ranges.clear();
    this.byCategory.clear();
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
    const steps: [number, () => void][] = steady ? [[FLASH_MS, off]] : [[400, off], [650, on], [FLASH_MS, off]];
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

  private ensureStyles(): void {
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
