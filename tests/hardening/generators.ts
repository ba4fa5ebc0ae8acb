// Generators of hostile and malformed input for the hardening tests, and the invariants every analysis
// must keep whatever the input. Fixtures are built in code: nothing large is committed.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import { domPosition, type ArticleText } from '../../analyser/article';
import type { Analysis } from '../../analyser';
import { reportSchema, type Report } from '../../analyser/report';

/** Sourcing markers the built-in packs know (French and English): random text should often contain some. */
export const MARKERS = [
  'Selon nos sources',
  'selon des sources proches du dossier',
  'Exclusif',
  'EXCLUSIF :',
  'aurait démissionné',
  'rapporte le quotidien Le Monde',
  'a déclaré Jean Dupont, ministre de la Défense',
  'dans un communiqué publié lundi',
  'selon un rapport de la Cour des comptes',
  'il est évident que',
  'certains estiment que',
  'according to people familiar with the matter',
  'a source told',
  'Exclusive:',
  'reportedly',
  'told Reuters',
  'said John Smith, the minister',
  'it is clear that',
  'some say',
  'our sources',
];

/** Characters and strings that break naive code: surrogates, combining marks, bidi controls, odd spaces, markup-looking text. */
export const TRICKY = [
  '👩‍👩‍👧',
  '🇫🇷',
  '😀',
  'e\u0301',
  'n\u0303\u0323',
  '\u202e',
  '\u200f',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u00a0',
  '\u202f',
  '\u2028',
  '\t',
  '\r\n',
  '\n\n',
  'قال مصدر مطلع',
  'לפי מקורות',
  '据消息人士称',
  'Ǆ',
  'İ',
  'ß',
  '«',
  '»',
  '“',
  '”',
  '"',
  '’',
  '…',
  '. ',
  '! ',
  '? ',
  'M. ',
  'U.S. ',
  '&amp;',
  '&lt;script&gt;',
  '&#0;',
  '&#xD800;',
  '<img src=x onerror=alert(1)>',
  ']]>',
  '<!--',
];

const FILLER = 'Le gouvernement a présenté mardi un plan de réforme qui doit entrer en vigueur au printemps, après plusieurs mois de concertation. ';
const FILLER_EN = 'The council approved the budget on Tuesday after a long debate that lasted most of the afternoon. ';

/** A word-ish token: prose, markers, tricky characters, punctuation, random Unicode. */
export const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 3, arbitrary: fc.constantFrom(FILLER, FILLER_EN, 'le ministre', 'the minister', ' ', ', ', '. ', ' « ', ' » ') },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Free text built of tokens, joined with or without spaces. */
export const text = fc.array(token, { maxLength: 40 }).chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')));

const TAGS = [
  'p',
  'p',
  'p',
  'div',
  'div',
  'article',
  'section',
  'main',
  'span',
  'a',
  'em',
  'b',
  'h1',
  'h2',
  'blockquote',
  'ul',
  'li',
  'br',
  'table',
  'td',
  'script',
  'style',
  'template',
  'svg',
  'iframe',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'time',
  'q',
  'pre',
  'header',
  'figure',
  'figcaption',
  'noscript',
  'textarea',
  'select',
  'img',
  'x-custom',
];

const ATTRS = fc.constantFrom(
  '',
  '',
  '',
  ' class="article-body"',
  ' class="comments"',
  ' class="sidebar content"',
  ' class="chapo"',
  ' id="comments"',
  ' hidden',
  ' hidden="until-found"',
  ' aria-hidden="true"',
  ' style="display:none"',
  ' style="visibility: hidden"',
  ' role="navigation"',
  ' role="main"',
  ' href="javascript:alert(1)"',
  ' href="https://example.org/source"',
  ' itemprop="articleBody"',
  ' itemtype="https://schema.org/NewsArticle"',
  ' dir="rtl"',
  ' lang="ar"',
  ' onclick="alert(1)"',
  ' class="sr-only"',
);

export type HtmlNode = string | { tag: string; attrs: string; children: HtmlNode[] };

/** A random HTML tree. */
export const tree: fc.Arbitrary<HtmlNode[]> = fc.letrec<{ node: HtmlNode; nodes: HtmlNode[] }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, fc.record({ tag: fc.constantFrom(...TAGS), attrs: ATTRS, children: tie('nodes') })),
  nodes: fc.array(tie('node'), { maxLength: 6 }),
})).nodes;

const escapeText = (s: string) => s.replace(/&(?![#\w]+;)/g, '&amp;').replace(/</g, '&lt;');

export function serialize(nodes: HtmlNode[], raw = false): string {
  return nodes.map((n) => (typeof n === 'string' ? (raw ? n : escapeText(n)) : `<${n.tag}${n.attrs}>${serialize(n.children, raw)}</${n.tag}>`)).join('');
}

/** Well-formed pages, pages with raw (unescaped) text, and pages cut or spliced at random points. */
export const html = fc.oneof(
  tree.map((nodes) => `<!doctype html><html lang="fr"><head><title>Titre | Site</title></head><body>${serialize(nodes)}</body></html>`),
  tree.map((nodes) => `<html><body><article><h1>Titre</h1>${serialize(nodes, true)}</article></body></html>`),
  fc
    .tuple(tree, fc.nat(), fc.constantFrom('<', '</', '<p', '>', '"', '<!--', '<![CDATA[', '</body>', '<script>', '<template>', '&', ''))
    .map(([nodes, at, junk]) => {
      const s = `<html><body>${serialize(nodes)}</body></html>`;
      const cut = s.length ? at % (s.length + 1) : 0;
      return s.slice(0, cut) + junk + s.slice(cut);
    }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.oneof(token, fc.constantFrom('<p>', '</p>', '<div class="comments">', '</div>', '<br>', '<h1>', '</h1>', '<article>', '<span hidden>')), {
      maxLength: 60,
    })
    .map((parts) => parts.join('')),
);

export function parse(source: string): Document {
  return parseHTML(source).document as unknown as Document;
}

/**
 * What must hold for every analysis, whatever the page: the report passes its schema, every finding's
 * offsets point at its text in the article text, its sentence holds it, pieces map text back to the DOM
 * exactly, and domPosition finds each piece's characters again.
 */
export function expectSound({ report, article }: Analysis, options: { maxChars?: number } = {}): void {
  expectValidReport(report);
  expect(report.article.length).toBe(article.text.length);
  expect(report.article.truncatedAt).toBe(article.truncatedAt);
  if (article.truncatedAt !== null) expect(article.truncatedAt).toBe(article.text.length);
  if (options.maxChars !== undefined) expect(article.text.length).toBeLessThanOrEqual(options.maxChars);
  expectFindingsPointAtText(report, article.text);
  expectPiecesExact(article);
  for (const f of report.findings) {
    // Markers never start or end with white space, so both ends lie inside a piece of a real text node.
    const a = domPosition(article, f.start, 'start');
    const b = domPosition(article, f.end, 'end');
    expect(a && a.node.data[a.offset]).toBe(article.text[f.start]);
    expect(b && b.node.data[b.offset - 1]).toBe(article.text[f.end - 1]);
  }
}

export function expectValidReport(report: Report): void {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success)
    throw new Error(
      `report refused by its schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  // A score (finite) and a band exactly when an article was found; none otherwise (no verdict on nothing).
  if (report.article.found) expect(Number.isFinite(report.score) && report.band !== null).toBe(true);
  else expect([report.score, report.band]).toEqual([null, null]);
  expect(new Set(report.findings.map((f) => f.id)).size).toBe(report.findings.length);
}

export function expectFindingsPointAtText(report: Report, text: string): void {
  for (const f of report.findings) {
    expect(f.end).toBeGreaterThan(f.start);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.sentence).toContain(f.text);
    expect(text.slice(f.sentenceStart, f.sentenceStart + f.sentence.length)).toBe(f.sentence);
    expect(f.start).toBeGreaterThanOrEqual(f.sentenceStart);
    expect(f.end).toBeLessThanOrEqual(f.sentenceStart + f.sentence.length);
  }
}

/** Pieces are sorted, disjoint, and each one is a verbatim copy of its text node's characters. */
export function expectPiecesExact(article: ArticleText, sample = Infinity): void {
  let previousEnd = 0;
  const step = Math.max(1, Math.floor(article.pieces.length / sample));
  article.pieces.forEach((p, i) => {
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(p.end).toBeGreaterThan(p.start);
    previousEnd = p.end;
    if (i % step !== 0) return;
    expect(article.text.slice(p.start, p.end)).toBe(p.node.data.slice(p.nodeOffset, p.nodeOffset + (p.end - p.start)));
    // domPosition round trip at both ends of the piece and inside it.
    expect(domPosition(article, p.start, 'start')).toEqual({ node: p.node, offset: p.nodeOffset });
    expect(domPosition(article, p.end, 'end')).toEqual({ node: p.node, offset: p.nodeOffset + (p.end - p.start) });
    const mid = p.start + ((p.end - p.start) >> 1);
    const at = domPosition(article, mid, 'start');
    expect(at?.node.data[at.offset]).toBe(article.text[mid]);
  });
  expect(previousEnd).toBeLessThanOrEqual(article.text.length);
}

/** A readable reproduction when a property fails: the input, shortened. */
export const show = (s: string) => JSON.stringify(s.length > 2000 ? `${s.slice(0, 2000)}…` : s);
