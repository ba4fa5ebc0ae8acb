// Property-based tests (fast-check): whatever HTML or text a page holds — malformed markup, lone surrogates,
// bidi controls, markers everywhere — the analyser never throws, its report passes the report schema, and
// every offset points at the text it reports. Run counts are moderate: CI has two cores.
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { analyseDocument, analyseExtracted, analyseText, rangeFor } from '../../analyser';
import type { ExtractedArticle } from '../../analyser/read';
import { expectFindingsPointAtText, expectPiecesExact, expectSound, expectValidReport, html, parse, serialize, show, text, tree } from './generators';

const RUNS = Number(process.env.HARDENING_RUNS ?? 150);
/** Generous: a bound on pathological slowness, not a speed target. */
const TIMEOUT = 120_000;

describe('analyseDocument on random and malformed HTML', { timeout: TIMEOUT }, () => {
  it('never throws, returns a valid report, and every offset points at its text', () => {
    fc.assert(
      fc.property(html, (source) => {
        const analysis = analyseDocument(parse(source), { url: 'https://news.example/a' });
        try {
          expectSound(analysis);
        } catch (e) {
          throw new Error(`${(e as Error).message}\ninput: ${show(source)}`, { cause: e });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the invariants when the article is cut to a maximum length, and says where it was cut', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 3000 }), (nodes, maxChars) => {
        const source = `<html><body><article>${serialize(nodes)}</article></body></html>`;
        const full = analyseDocument(parse(source));
        const cut = analyseDocument(parse(source), { maxChars });
        expectSound(cut, { maxChars });
        if (full.article.text.length > maxChars) {
          expect(cut.report.article.truncatedAt).toBe(cut.article.text.length);
          expect(full.article.text.startsWith(cut.article.text)).toBe(true);
        } else {
          expect(cut.report.article.truncatedAt).toBeNull();
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('gives the same report for the same page (no hidden state between analyses)', () => {
    fc.assert(
      fc.property(html, (source) => {
        const a = analyseDocument(parse(source)).report;
        const b = analyseDocument(parse(source)).report;
        expect(b).toEqual(a);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('never reads text from hidden elements, scripts or templates', () => {
    const SENTINEL = 'Zqxjkv';
    const hiders = [' hidden', ' style="display:none"', ' style="DISPLAY : none ; color:red"', ' style="visibility:hidden"', ' class="sr-only"'];
    const hostile = fc.constantFrom(
      ...hiders.map((attrs) => ({ tag: 'span', attrs })),
      ...hiders.map((attrs) => ({ tag: 'p', attrs })),
      ...hiders.map((attrs) => ({ tag: 'div', attrs })),
      { tag: 'script', attrs: '' },
      { tag: 'template', attrs: '' },
      { tag: 'noscript', attrs: '' },
      { tag: 'style', attrs: '' },
      { tag: 'textarea', attrs: '' },
    );
    fc.assert(
      fc.property(tree, tree, hostile, fc.nat(), (before, after, hider, depth) => {
        const hidden = `<${hider.tag}${hider.attrs}>${SENTINEL} selon nos sources ${SENTINEL}. <b>${SENTINEL}</b></${hider.tag}>`;
        // The hidden element sits inside a paragraph, or wrapped in a few divs, between random content.
        const wraps = depth % 4;
        const source =
          `<html><body><article><h1>Titre</h1><p>${'Le conseil a voté le budget mardi après un long débat. '.repeat(3)}</p>` +
          `${serialize(before)}${'<div>'.repeat(wraps)}<p>Texte visible ${hidden} et la suite du paragraphe, qui est assez longue pour compter.</p>${'</div>'.repeat(wraps)}${serialize(after)}` +
          `</article></body></html>`;
        const { article, report } = analyseDocument(parse(source));
        expect(article.text).not.toContain(SENTINEL);
        for (const f of report.findings) expect(f.sentence).not.toContain(SENTINEL);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('analyseText on random text', { timeout: TIMEOUT }, () => {
  it('never throws, returns a valid report, and every offset points at its text (UTF-16 code units)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('fr' as const, 'en' as const), (input, lang) => {
        const report = analyseText(input, lang);
        try {
          expectValidReport(report);
          expect(report.article.length).toBe(input.length);
          expectFindingsPointAtText(report, input);
        } catch (e) {
          throw new Error(`${(e as Error).message}\ninput: ${show(input)}`, { cause: e });
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('survives arbitrary UTF-16, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (input) => {
        const report = analyseText(`Selon nos sources, ${input} aurait ${input}.`, 'fr');
        expectValidReport(report);
        expectFindingsPointAtText(report, `Selon nos sources, ${input} aurait ${input}.`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('analyseExtracted on articles that crossed runtime messaging', { timeout: TIMEOUT }, () => {
  // The background analyses what a content script read. Messages are checked with zod, but the schema cannot
  // say that blocks lie inside the text: the analysis must hold whatever offsets it receives.
  const block = fc.record({
    kind: fc.constantFrom(
      'headline' as const,
      'standfirst' as const,
      'label' as const,
      'paragraph' as const,
      'quote' as const,
      'list-item' as const,
      'heading' as const,
    ),
    start: fc.nat({ max: 5000 }),
    end: fc.nat({ max: 5000 }),
    post: fc.nat({ max: 3 }),
  });
  const extracted = fc.record({
    source: fc.string(),
    lang: fc.constantFrom('fr' as const, 'en' as const),
    title: fc.string(),
    text,
    blocks: fc.array(block, { maxLength: 12 }),
    posts: fc.nat({ max: 5 }),
    truncatedAt: fc.option(fc.nat({ max: 5000 })),
    page: fc.constant({ byline: null, published: null, links: [], unnamedSourcesPolicy: null, correctionsPolicy: null }),
    siteNames: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  });

  it('never throws, returns a valid report, and every offset points at the text it received', () => {
    fc.assert(
      fc.property(extracted, (article) => {
        const report = analyseExtracted(article as unknown as ExtractedArticle);
        expectValidReport(report);
        expectFindingsPointAtText(report, article.text);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('rangeFor in a real DOM (happy-dom)', { timeout: TIMEOUT }, () => {
  // linkedom has no Range.setStart: the DOM ranges the extension highlights are checked in happy-dom.
  // (Ranges over a DOMParser document are empty in happy-dom: the window's own document is used.)
  const window = new Window();

  it('covers exactly the characters of every piece, and each finding starts and ends on its own characters', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const doc = window.document as unknown as Document;
        doc.body.innerHTML = `<article><h1>Un titre</h1><p>Selon nos sources, le ministre aurait démissionné. ${'Le conseil a voté le budget mardi après un long débat. '.repeat(2)}</p>${serialize(nodes)}</article>`;
        const analysis = analyseDocument(doc);
        expectSound(analysis);
        const { article, report } = analysis;
        expectPiecesExact(article);
        for (const p of article.pieces) {
          expect(rangeFor(article, p.start, p.end)?.toString()).toBe(article.text.slice(p.start, p.end));
        }
        for (const f of report.findings) {
          const range = rangeFor(article, f.start, f.end)!;
          const covered = range.toString();
          expect(covered[0]).toBe(f.text[0]);
          expect(covered.at(-1)).toBe(f.text.at(-1));
          // Every character of the marker is inside its range. (The range may also span text the analyser did
          // not read, such as a hidden <span> inside the marker: hidden text shows nothing when highlighted.)
          for (const p of article.pieces) {
            if (p.end <= f.start || p.start >= f.end) continue;
            const from = Math.max(p.start, f.start);
            const to = Math.min(p.end, f.end);
            expect(range.isPointInRange(p.node, p.nodeOffset + (from - p.start))).toBe(true);
            expect(range.isPointInRange(p.node, p.nodeOffset + (to - p.start))).toBe(true);
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
