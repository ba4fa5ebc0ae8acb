// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALL_AT_ONCE, FLASH_HIGHLIGHT, PageHighlights, WINDOW, highlightName } from '../extension/highlights';
import { articleSignature, textSignature } from '../extension/text-signature';
import type { ArticleText, TextPiece } from '../analyser/article';
import type { Finding } from '../analyser/report';
import type { Category } from '../analyser/taxonomy';

// happy-dom has no CSS Custom Highlight API: a registry and a Highlight with the standard's shape.
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = new Map();
  // The page's own window (happy-dom's), which the highlighter reads through document.defaultView.
  const win = document.defaultView as unknown as Record<string, unknown>;
  win.Highlight = FakeHighlight;
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  document.body.innerHTML =
    '<article><p id="a">Selon nos sources, le ministre <b>aurait</b> démissionné.</p><p id="b">Le porte-parole a déclaré que rien n’était décidé.</p></article>' +
    '<aside id="comments"><p>Selon mes sources, tout est faux.</p></aside>';
});

afterEach(() => {
  document.head.innerHTML = '';
  document.adoptedStyleSheets = [];
  vi.useRealTimers();
});

/** The article as the extractor maps it: one piece per text node of the article's paragraphs. */
function articleOf(doc: Document): ArticleText {
  let text = '';
  const pieces: TextPiece[] = [];
  for (const p of Array.from(doc.querySelectorAll('article p'))) {
    if (text) text += '\n\n';
    const walker = doc.createTreeWalker(p, 4);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      pieces.push({ node, nodeOffset: 0, start: text.length, end: text.length + node.data.length });
      text += node.data;
    }
  }
  return { text, title: '', blocks: [], pieces, posts: 1, roots: [doc.querySelector('article')!], truncatedAt: null };
}

function finding(article: ArticleText, id: string, category: Category, marker: string): Finding {
  const start = article.text.indexOf(marker);
  if (start < 0) throw new Error(`no "${marker}"`);
  return {
    id,
    ruleId: 'test',
    category,
    text: marker,
    sentence: marker,
    start,
    end: start + marker.length,
    sentenceStart: start,
    explanation: '',
    trainerNote: '',
    qualifiers: [],
  };
}

describe('page highlights', () => {
  it('registers one highlight per category, with one range per finding covering the marker', () => {
    const article = articleOf(document);
    const findings = [
      finding(article, 'f1', 'anonymous-source', 'Selon nos sources'),
      finding(article, 'f2', 'hedged-claim', 'aurait'),
      finding(article, 'f3', 'named-source', 'Le porte-parole a déclaré'),
      finding(article, 'f4', 'anonymous-source', 'nos sources'),
    ];
    const highlights = new PageHighlights(document);
    expect(highlights.show(findings, article)).toBe(4);

    expect([...registry.keys()].sort()).toEqual(['sourcier-anonymous-source', 'sourcier-hedged-claim', 'sourcier-named-source']);
    const anonymous = [...registry.get(highlightName('anonymous-source'))!];
    expect(anonymous.map((range) => range.toString())).toEqual(['Selon nos sources', 'nos sources']);
    const hedge = [...registry.get(highlightName('hedged-claim'))!][0]!;
    expect(hedge.toString()).toBe('aurait');
    expect(hedge.startContainer.parentElement!.tagName).toBe('B');
    // Nothing outside the article.
    for (const highlight of registry.values())
      for (const range of highlight) expect(document.getElementById('comments')!.contains(range.startContainer)).toBe(false);
  });

  it('adds exactly one stylesheet and leaves the page markup alone', () => {
    const before = document.body.innerHTML;
    const article = articleOf(document);
    const highlights = new PageHighlights(document);
    highlights.show([finding(article, 'f1', 'anonymous-source', 'Selon nos sources')], article);
    highlights.show([finding(article, 'f1', 'hedged-claim', 'aurait')], article);
    expect(document.body.innerHTML).toBe(before);
    const sheets = document.adoptedStyleSheets.length + document.querySelectorAll('style').length;
    expect(sheets).toBe(1);
    // A new report replaces the old highlights.
    expect([...registry.keys()]).toEqual(['sourcier-hedged-claim']);
  });

  it('hides and shows again without losing the ranges', () => {
    const article = articleOf(document);
    const highlights = new PageHighlights(document);
    highlights.show([finding(article, 'f1', 'anonymous-source', 'Selon nos sources')], article);
    highlights.setVisible(false);
    expect(registry.size).toBe(0);
    highlights.show([finding(article, 'f1', 'anonymous-source', 'Selon nos sources')], article);
    expect(registry.size).toBe(0); // Stays hidden on a refreshed report.
    highlights.setVisible(true);
    expect(registry.get('sourcier-anonymous-source')!.size).toBe(1);
  });

  it('scrolls to a finding and flashes it briefly', () => {
    vi.useFakeTimers();
    const article = articleOf(document);
    const highlights = new PageHighlights(document);
    highlights.show([finding(article, 'f2', 'named-source', 'Le porte-parole a déclaré')], article);
    const scrollIntoView = vi.fn();
    document.getElementById('b')!.scrollIntoView = scrollIntoView;
    const scrollBy = vi.spyOn(document.defaultView!, 'scrollBy').mockImplementation(() => {});

    expect(highlights.scrollTo('f2')).toBe(true);
    expect(scrollIntoView).toHaveBeenCalled();
    expect(scrollBy).toHaveBeenCalled();
    expect([...registry.get(FLASH_HIGHLIGHT)!][0]!.toString()).toBe('Le porte-parole a déclaré');
    vi.advanceTimersByTime(5000);
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);
    expect(highlights.scrollTo('f99')).toBe(false);
  });

  it('removes everything it added on clear', () => {
    const article = articleOf(document);
    const highlights = new PageHighlights(document);
    highlights.show([finding(article, 'f1', 'anonymous-source', 'Selon nos sources')], article);
    highlights.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length + document.querySelectorAll('style').length).toBe(0);
  });

  it('does nothing, without failing, where the Highlight API is missing', () => {
    Object.assign((document.defaultView as unknown as { CSS: object }).CSS, { highlights: undefined });
    const article = articleOf(document);
    const highlights = new PageHighlights(document);
    expect(highlights.supported).toBe(false);
    expect(highlights.show([finding(article, 'f1', 'anonymous-source', 'Selon nos sources')], article)).toBe(0);
    expect(highlights.scrollTo('f1')).toBe(false);
  });
});

describe('a very long report', () => {
  // happy-dom lays nothing out: each paragraph is given a box 100 px tall, one under the other, and the page
  // scrolls by `scrolled` pixels.
  const PARAGRAPHS = 1000;
  let scrolled = 0;
  let highlights: PageHighlights;
  let article: ArticleText;

  beforeEach(() => {
    document.body.innerHTML = `<article>${Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-i="${i}">Selon nos sources, paragraphe ${i}.</p>`).join('')}</article>`;
    scrolled = 0;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      const top = Number(this.startContainer.parentElement!.dataset.i) * 100 - scrolled;
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    article = articleOf(document);
    const findings = Array.from({ length: PARAGRAPHS }, (_, i) => finding(article, `f${i}`, i % 2 ? 'anonymous-source' : 'hedged-claim', `paragraphe ${i}.`));
    highlights = new PageHighlights(document);
    expect(highlights.show(findings, article)).toBe(PARAGRAPHS);
  });
  afterEach(() => {
    highlights.clear();
    vi.restoreAllMocks();
  });

  const registered = () => new Set([...registry.values()].flatMap((h) => [...h].map((range) => Number(range.startContainer.parentElement!.dataset.i))));
  const scrollTo = async (y: number) => {
    scrolled = y;
    window.dispatchEvent(new Event('scroll'));
    await new Promise((done) => requestAnimationFrame(() => done(null)));
  };

  it('registers only the findings around the viewport, not all of them', () => {
    expect(PARAGRAPHS).toBeGreaterThan(ALL_AT_ONCE);
    const shown = registered();
    expect(shown.size).toBe(WINDOW);
    for (const i of [0, 1, 10, WINDOW - 1]) expect(shown.has(i)).toBe(true);
    expect(shown.has(WINDOW)).toBe(false);
    // Still one highlight per category.
    expect([...registry.keys()].sort()).toEqual(['sourcier-anonymous-source', 'sourcier-hedged-claim']);
  });

  it('follows the reader: scrolled down, the findings on screen and below are registered', async () => {
    await scrollTo(600 * 100);
    const shown = registered();
    expect(shown.size).toBe(WINDOW);
    for (let i = 600; i < 620; i++) expect(shown.has(i)).toBe(true);
    expect(shown.has(0)).toBe(false);
    await scrollTo((PARAGRAPHS - 5) * 100);
    expect(registered().has(PARAGRAPHS - 1)).toBe(true);
    await scrollTo(0);
    expect(registered().has(0)).toBe(true);
  });

  it('does not move the window for a small scroll', async () => {
    const before = registered();
    await scrollTo(20 * 100);
    expect(registered()).toEqual(before);
  });

  it('registers the neighbours of a finding the panel scrolls to, and stops following the scrolling once cleared', async () => {
    vi.spyOn(document.defaultView!, 'scrollBy').mockImplementation(() => {});
    document.querySelector('p[data-i="900"]')!.scrollIntoView = () => {};
    expect(highlights.scrollTo('f900')).toBe(true);
    expect(registered().has(900)).toBe(true);
    // Cleared, then a short report: nothing follows the scrolling any more.
    highlights.clear();
    expect(registry.size).toBe(0);
    highlights.show([finding(article, 'f1', 'anonymous-source', 'paragraphe 1.')], article);
    const boxes = vi.mocked(Range.prototype.getBoundingClientRect);
    boxes.mockClear();
    await scrollTo(0);
    expect(boxes).not.toHaveBeenCalled();
    expect(registered()).toEqual(new Set([1]));
  });

  it('keeps a hidden window hidden while the reader scrolls, and shows the current one again', async () => {
    highlights.setVisible(false);
    await scrollTo(700 * 100);
    expect(registry.size).toBe(0);
    highlights.setVisible(true);
    expect(registered().has(700)).toBe(true);
  });
});

describe('article text signature', () => {
  it('changes when the article text changes, not otherwise', () => {
    const root = document.querySelector('article')!;
    const before = articleSignature([root]);
    document.getElementById('comments')!.append(document.createElement('p'));
    expect(articleSignature([root])).toBe(before);
    document.getElementById('a')!.append(' Démenti.');
    expect(articleSignature([root])).not.toBe(before);
  });

  it('is null once the article left the page (an app swapped it)', () => {
    const root = document.querySelector('article')!;
    root.remove();
    expect(articleSignature([root])).toBeNull();
    expect(articleSignature([])).toBeNull();
  });

  it('tells apart texts of the same length', () => {
    expect(textSignature(['abc'])).not.toBe(textSignature(['abd']));
    expect(textSignature(['ab', 'c'])).toBe(textSignature(['abc']));
  });
});
