// One colour, one shape and one underline style per category: the panel (legend, chart, findings)
// and the in-page highlights (CSS Custom Highlight API) read them from here so they always agree.
// Colour never carries meaning alone: every category also has a shape, an underline style and its name.
// Pure data and strings, no browser API: the content script can import it.
import type { Band, Category } from '../../analyser/taxonomy';
import { SENTENCE_CATEGORIES } from '../../analyser/taxonomy';

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'ring' | 'triangle-down' | 'star' | 'cross' | 'hexagon';
export type Underline = 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';

export interface CategoryStyle {
  /** Text, icons and bars on the light theme (≥ 4.5:1 on white). */
  ink: string;
  /** Text, icons and bars on the dark theme (≥ 4.5:1 on #1b1b1f). */
  inkDark: string;
  /** Highlight background behind dark text (#111: ≥ 7:1): in-page highlights and the panel's light theme. */
  wash: string;
  /** Highlight background behind light text (#ececf1: ≥ 7:1): the panel's dark theme. */
  washDark: string;
  shape: Shape;
  /** Red flags get a wavy underline, like a spelling mistake; the other categories a calmer line. */
  underline: Underline;
}

export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
  'named-source': { ink: '#17703a', inkDark: '#6fd48f', wash: '#bfeccb', washDark: '#1d4a2b', shape: 'circle', underline: 'solid' },
  'official-document': { ink: '#006c69', inkDark: '#5cd0c9', wash: '#b0e7e3', washDark: '#0f4644', shape: 'square', underline: 'double' },
  'media-relay': { ink: '#1f5bb8', inkDark: '#94b9ff', wash: '#c6daf8', washDark: '#1c3760', shape: 'triangle', underline: 'dotted' },
  'anonymous-source': { ink: '#b3202a', inkDark: '#ff8f8f', wash: '#ffc9c9', washDark: '#66191f', shape: 'diamond', underline: 'wavy' },
  'vague-attribution': { ink: '#a34700', inkDark: '#ffad66', wash: '#ffd6ad', washDark: '#5e3210', shape: 'ring', underline: 'wavy' },
  'self-reference': { ink: '#7137ad', inkDark: '#cba6ff', wash: '#e0ccf7', washDark: '#442566', shape: 'triangle-down', underline: 'wavy' },
  'exclusive-claim': { ink: '#a81f67', inkDark: '#ff94c8', wash: '#f9c7e1', washDark: '#5f173c', shape: 'star', underline: 'dashed' },
  'hedged-claim': { ink: '#6e5a00', inkDark: '#e6cc4d', wash: '#f8e889', washDark: '#4d4108', shape: 'cross', underline: 'wavy' },
  'unsourced-certainty': { ink: '#8a4522', inkDark: '#e0a582', wash: '#ebd3c1', washDark: '#52301d', shape: 'hexagon', underline: 'wavy' },
};

export interface BandStyle {
  ink: string;
  inkDark: string;
  /** Toolbar badge background, behind the browser's white badge text (≥ 4.5:1). */
  badge: string;
}

export const BAND_STYLES: Record<Band, BandStyle> = {
  weak: { ink: '#b3202a', inkDark: '#ff8f8f', badge: '#b3202a' },
  mixed: { ink: '#8a5300', inkDark: '#ffc266', badge: '#8a5300' },
  strong: { ink: '#17703a', inkDark: '#6fd48f', badge: '#17703a' },
};

/** The name registered in `CSS.highlights` for a category's findings. */
export function highlightName(category: Category): string {
  return `sourcier-${category}`;
}

/** The name registered in `CSS.highlights` for the finding the reader just jumped to. */
export const FLASH_HIGHLIGHT = 'sourcier-flash';

/**
 * The `::highlight()` rules for the page. The text colour is forced dark on a light wash so that
 * the marker stays readable on light and dark sites alike.
 */
export function highlightCss(): string {
  const rules = SENTENCE_CATEGORIES.map((category) => {
    const style = CATEGORY_STYLES[category];
    return `::highlight(${highlightName(category)}) { background-color: ${style.wash}; color: #111; text-decoration: underline ${style.underline} ${style.ink}; text-decoration-thickness: 2px; }`;
  });
  rules.push(
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: #ffe14d; color: #111; text-decoration: underline solid #111; text-decoration-thickness: 3px; }`,
  );
  return rules.join('\n');
}

/** Class names `.cat-<category>` setting `--cat-ink` and `--cat-wash` for the panel's theme. */
export function categoryClassCss(): string {
  const light = SENTENCE_CATEGORIES.map(
    (c) => `.cat-${c} { --cat-ink: ${CATEGORY_STYLES[c].ink}; --cat-wash: ${CATEGORY_STYLES[c].wash}; --cat-underline: ${CATEGORY_STYLES[c].underline}; }`,
  );
  const dark = SENTENCE_CATEGORIES.map((c) => `.cat-${c} { --cat-ink: ${CATEGORY_STYLES[c].inkDark}; --cat-wash: ${CATEGORY_STYLES[c].washDark}; }`);
  const bands = Object.entries(BAND_STYLES).map(([band, s]) => `.band-${band} { --band-ink: ${s.ink}; }`);
  const bandsDark = Object.entries(BAND_STYLES).map(([band, s]) => `.band-${band} { --band-ink: ${s.inkDark}; }`);
  return [...light, ...bands, '@media (prefers-color-scheme: dark) {', ...dark, ...bandsDark, '}'].join('\n');
}
