// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLASH_HIGHLIGHT, PageHighlights, highlightName } from '../extension/highlights';
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
  return { id, ruleId: 'test', category, text: marker, sentence: marker, start, end: start + marker.length, sentenceStart: start, explanation: '', trainerNote: '', qualifiers: [] };
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
    for (const highlight of registry.values()) for (const range of highlight) expect(document.getElementById('comments')!.contains(range.startContainer)).toBe(false);
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
