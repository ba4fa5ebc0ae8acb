// Reading a page: the part of the analysis that needs the DOM. It returns the article as plain data
// (`ExtractedArticle`, which crosses runtime messaging) and the DOM map the highlights need. The
// extension's content script runs only this part, so that what it injects into every analysed page
// stays small; the rules and the score run on the data, in the background (extension) or in the same
// process (CLI, tests): analyseDocument() = analyseExtracted(readArticle()).
import type { ArticleText, Block, Leftovers } from './article';
import { extractArticleSteps } from './extract';
import { detectLanguage } from './language';
import { pageMetadata, readPageSignals } from './page-signals';
import type { PageSignals } from './report';
import type { Lang } from './taxonomy';
import type { MetadataElements } from './metadata-elements';
import { finish, type Steps } from './steps';

export const DEFAULT_MAX_CHARS = 2_000_000;

/** The article as data: everything the rules and the score need, nothing tied to the DOM. */
export interface ExtractedArticle {
  /** File path or URL shown in the report. */
  source: string;
  lang: Lang;
  title: string;
  text: string;
  blocks: Block[];
  posts: number;
  truncatedAt: number | null;
  page: PageSignals;
  /** The names the page's own outlet goes by (self-references are told from relays with them). */
  siteNames: string[];
  /** What the page showed around the article and was left out, counted (the panel's "What Sourcier read"). */
  leftovers?: Leftovers;
}

export interface ReadOptions {
  source?: string;
  url?: string;
  lang?: Lang;
  isHidden?: (el: Element) => boolean;
  maxChars?: number;
}

const NO_SIGNALS: PageSignals = { byline: null, published: null, links: [], unnamedSourcesPolicy: null, correctionsPolicy: null };

export function readArticle(doc: Document, options: ReadOptions = {}): { extracted: ExtractedArticle; article: ArticleText } {
  return finish(readArticleSteps(doc, options));
}

/** readArticle in steps, so that the content script can read a very long page without freezing it. */
export function* readArticleSteps(doc: Document, options: ReadOptions = {}): Steps<{ extracted: ExtractedArticle; article: ArticleText }> {
  const source = options.source ?? options.url ?? '';
  // No root element (linkedom's parse of a text-only input; a page script that removed <html>): there is
  // nothing to read, and some DOM getters (body, title) throw on such a document.
  if (!doc.documentElement) {
    const article: ArticleText = { text: '', title: '', blocks: [], pieces: [], posts: 0, roots: [], truncatedAt: null };
    return {
      article,
      extracted: { source, lang: options.lang ?? 'fr', title: '', text: '', blocks: [], posts: 0, truncatedAt: null, page: NO_SIGNALS, siteNames: [] },
    };
  }
  // The page's metadata elements, gathered once: the headline's search, the page's signals and its names ask about them.
  const metadata = pageMetadata(doc);
  const article = yield* extractArticleSteps(doc, {
    metadata,
    maxChars: options.maxChars ?? DEFAULT_MAX_CHARS,
    ...(options.isHidden ? { isHidden: options.isHidden } : {}),
  });
  yield;
  const lang = options.lang ?? detectLanguage(doc, article.text);
  yield;
  const page = readPageSignals(doc, article, options.url, metadata);
  yield;
  const extracted: ExtractedArticle = {
    source,
    lang,
    title: article.title,
    text: article.text,
    blocks: article.blocks,
    posts: article.posts,
    truncatedAt: article.truncatedAt,
    page,
    siteNames: siteNames(doc, options.url, metadata),
    ...(article.leftovers ? { leftovers: article.leftovers } : {}),
  };
  return { extracted, article };
}

/**
 * The names the page's own outlet goes by, so that « Algérie Part avait révélé » on Algérie Part reads
 * as a self-reference and "(Reuters)" on reuters.com is not a relay: og:site_name, the <title>'s
 * suffix (« … | Algérie Part »), application-name, and the host's main label (tmz, reuters).
 */
export function siteNames(doc: Document, url?: string, metadata?: MetadataElements): string[] {
  const first = (selector: string) => (metadata ? metadata.first(selector) : doc.querySelector(selector));
  const names = new Set<string>();
  const add = (s: string | null | undefined) => {
    const v = s?.trim();
    if (v && v.length <= 60 && !/^https?:/i.test(v) && !/^[A-Z]\.[A-Z]\.?$/.test(v)) names.add(v);
  };
  add(first('meta[property="og:site_name"]')?.getAttribute('content'));
  add(first('meta[name="application-name"]')?.getAttribute('content'));
  const title = doc.querySelector('title')?.textContent ?? '';
  const suffix = title.split(/\s[|\u2013\u2014-]\s/).pop();
  if (suffix && suffix !== title) add(suffix.replace(/\.(?:com|fr|net|org|co\.uk)$/i, ''));
  const href =
    url ??
    first('link[rel="canonical"]')?.getAttribute('href') ??
    first('meta[property="og:url"]')?.getAttribute('content') ??
    first('meta[property="og:site_name"]')?.getAttribute('content') ??
    '';
  try {
    const host = new URL(href).hostname.replace(/^www\d?\.|^m\.|^mobile\./, '');
    const label = host.split('.').slice(-2, -1)[0];
    if (label) add(label);
  } catch {
    /* no usable URL */
  }
  return [...names];
}
