// The category palette shared by the panel and the in-page highlights: readable (WCAG AA) in both
// themes, and never colour alone (each category has its own shape; red flags a wavy underline).
import { describe, expect, it } from 'vitest';
import { RED_FLAG_CATEGORIES, SENTENCE_CATEGORIES } from '../analyser/taxonomy';
import { BAND_STYLES, CATEGORY_STYLES, FLASH_HIGHLIGHT, categoryClassCss, highlightCss, highlightName } from '../components/panel/palette';

function luminance(hex: string): number {
  const [r, g, b] = hex
    .match(/[0-9a-f]{2}/gi)!
    .map((h) => parseInt(h, 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// The panel's own backgrounds and text colours (panel.css).
const LIGHT = { bg: '#ffffff', surface: '#f3f3f6', text: '#1b1b1f' };
const DARK = { bg: '#1b1b1f', surface: '#27272d', text: '#ececf1' };

describe('palette', () => {
  it('gives category colours AA contrast for text in the light and dark themes', () => {
    for (const category of SENTENCE_CATEGORIES) {
      const s = CATEGORY_STYLES[category];
      for (const bg of [LIGHT.bg, LIGHT.surface]) expect(contrast(s.ink, bg), `${category} ink on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const bg of [DARK.bg, DARK.surface]) expect(contrast(s.inkDark, bg), `${category} inkDark on ${bg}`).toBeGreaterThanOrEqual(4.5);
      // Marked text: the page's highlight forces #111; the panel uses its theme's text colour.
      expect(contrast('#111111', s.wash), `${category} page highlight`).toBeGreaterThanOrEqual(7);
      expect(contrast(LIGHT.text, s.wash), `${category} light mark`).toBeGreaterThanOrEqual(7);
      expect(contrast(DARK.text, s.washDark), `${category} dark mark`).toBeGreaterThanOrEqual(7);
    }
    for (const [band, s] of Object.entries(BAND_STYLES)) {
      expect(contrast(s.ink, LIGHT.bg), band).toBeGreaterThanOrEqual(4.5);
      expect(contrast(s.inkDark, DARK.bg), band).toBeGreaterThanOrEqual(4.5);
      expect(contrast('#ffffff', s.badge), `${band} badge`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('tells categories apart without colour: one shape each, wavy underlines for red flags only', () => {
    const shapes = SENTENCE_CATEGORIES.map((c) => CATEGORY_STYLES[c].shape);
    expect(new Set(shapes).size).toBe(SENTENCE_CATEGORIES.length);
    for (const category of SENTENCE_CATEGORIES) {
      expect(CATEGORY_STYLES[category].underline === 'wavy', category).toBe(RED_FLAG_CATEGORIES.includes(category));
    }
  });

  it('writes one ::highlight rule per category plus the flash, with readable text', () => {
    const css = highlightCss();
    for (const category of SENTENCE_CATEGORIES) {
      expect(css).toContain(`::highlight(${highlightName(category)}) { background-color: ${CATEGORY_STYLES[category].wash}; color: #111;`);
    }
    expect(css).toContain(`::highlight(${FLASH_HIGHLIGHT})`);
    expect(categoryClassCss()).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });
});
