// @vitest-environment happy-dom
// A page that changes while Sourcier reads it: the content script must not keep a report (and highlights) of a
// text that is no longer the page's. The reading is asynchronous (slices, then a round trip to the background), so
// a change can land in the middle; the next look at the page must then analyse again, even when the article's
// text ends up with the same signature. (The browser-level test is in tests/e2e/security.e2e.ts.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MUTATION_DEBOUNCE_MS, startPageAnalysis } from '../../extension/page-analysis';
import { makeReport } from '../helpers/report';

const PARAGRAPH = 'Selon nos sources, le ministre aurait démissionné hier soir après une longue réunion au ministère. ';

let ctx: ContentScriptContext;
let duringRead: (() => void) | null;
let reads: number;

beforeEach(() => {
  fakeBrowser.reset();
  // happy-dom has no layout: every element counts as visible here, with a box of its own.
  vi.spyOn(Element.prototype, 'checkVisibility').mockReturnValue(true);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 600,
    bottom: 20,
    width: 600,
    height: 20,
    toJSON: () => ({}),
  } as DOMRect);
  document.body.innerHTML = `<main><article><h1>Un titre</h1><p id="p1">${PARAGRAPH.repeat(3)}</p><p id="p2">${PARAGRAPH.repeat(2)}</p></article></main><aside id="ad">Publicité</aside>`;
  reads = 0;
  duringRead = null;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    if (message.type === 'may-read') return { ok: true };
    if (message.type !== 'analyse-article') return undefined;
    reads++;
    // The page changes while the background works on what was read.
    duringRead?.();
    duringRead = null;
    await new Promise((done) => setTimeout(done, 10));
    return makeReport();
  }) as never);
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a page that changes while it is read', () => {
  it('is read again after the change, even if its text ends up the same as after the first read', async () => {
    const p1 = document.getElementById('p1')!;
    const original = p1.textContent!;
    // Changed during the first read, then back to a text the signature cannot tell from the one read at the end.
    duringRead = () => {
      p1.firstChild!.textContent = 'Un tout autre texte, sans aucune source.';
      queueMicrotask(() => (p1.firstChild!.textContent = original));
    };
    startPageAnalysis(ctx, document);
    await vi.waitFor(() => expect(reads).toBe(1));
    await new Promise((done) => setTimeout(done, MUTATION_DEBOUNCE_MS + 300));
    expect(reads).toBe(2);
  });

  it('is not read again when nothing changed during the read and the article stays the same', async () => {
    startPageAnalysis(ctx, document);
    await vi.waitFor(() => expect(reads).toBe(1));
    // A change outside the article.
    document.getElementById('ad')!.textContent = 'Une autre publicité';
    await new Promise((done) => setTimeout(done, MUTATION_DEBOUNCE_MS + 300));
    expect(reads).toBe(1);
  });
});

describe('highlights after the page re-renders its text', () => {
  it('know when their ranges no longer cover what they were made on', async () => {
    const { PageHighlights } = await import('../../extension/highlights');
    const win = document.defaultView as unknown as Record<string, unknown>;
    win.Highlight = class extends Set<Range> {
      priority = 0;
    };
    Object.defineProperty(win, 'CSS', { value: { highlights: new Map() }, configurable: true, writable: true });
    const text = document.getElementById('p1')!.firstChild as Text;
    const highlights = new PageHighlights(document);
    const article = {
      text: text.data,
      title: '',
      blocks: [],
      pieces: [{ node: text, nodeOffset: 0, start: 0, end: text.data.length }],
      posts: 1,
      roots: [],
      truncatedAt: null,
    };
    const finding = {
      id: 'f1',
      ruleId: 'r',
      category: 'anonymous-source' as const,
      text: 'Selon nos sources',
      sentence: 'Selon nos sources',
      start: 0,
      end: 17,
      sentenceStart: 0,
      explanation: '',
      trainerNote: '',
      qualifiers: [],
    };
    expect(highlights.show([finding], article)).toBe(1);
    expect(highlights.intact()).toBe(true);
    // Same text in a new node (a framework re-rendering): the range is stranded in the old one.
    text.replaceWith(document.createTextNode(text.data));
    expect(highlights.intact()).toBe(false);
    // Shown again on the new node: intact.
    const fresh = document.getElementById('p1')!.firstChild as Text;
    highlights.show([finding], { ...article, pieces: [{ node: fresh, nodeOffset: 0, start: 0, end: fresh.data.length }] });
    expect(highlights.intact()).toBe(true);
  });
});
