// The analyser's public entry: plain TypeScript, no extension API. The content script, the CLI and
// the tests all call these two functions.
import type { ArticleText } from './article';
import { extractArticle } from './extract';
import { detectLanguage } from './language';
import { readPageSignals } from './page-signals';
import type { Report } from './report';
import { findMarkers, type RuleInForce } from './engine';
import { scoreReport } from './score';
import type { Category, Lang } from './taxonomy';
import type { RulePack } from '../rules/schema';
import { builtinPacks } from '../rules/builtin';

export interface AnalyserSettings {
  /** Categories the user turned off: their findings are neither shown nor scored. */
  disabledCategories: Category[];
  /** Rule ids the user turned off. */
  disabledRules: string[];
  /** Multipliers (0–2) applied to a category's points; 1 when absent. */
  categoryWeights: Partial<Record<Category, number>>;
}

export interface AnalyseOptions {
  /** File path or URL shown in the report. */
  source?: string;
  /** The page's URL, to tell outbound links from internal ones. */
  url?: string;
  /** Forces the language instead of detecting it. */
  lang?: Lang;
  /** Packs layered over the built-in ones: a rule with the id of a built-in rule overrides it. */
  packs?: RulePack[];
  settings?: Partial<AnalyserSettings>;
  /** For analyseText: the names the outlet goes by (self-references). */
  siteNames?: string[];
  /**
   * Extra visibility test, for the content script: elements hidden by the page's stylesheets
   * (computed style) are left out, so what is scored is what the reader sees.
   */
  isHidden?: (el: Element) => boolean;
  /** Longest article text analysed, in characters (the rest is left out and the report says so). */
  maxChars?: number;
}

export interface Analysis {
  report: Report;
  article: ArticleText;
}

export const DEFAULT_MAX_CHARS = 2_000_000;

export function analyseDocument(doc: Document, options: AnalyseOptions = {}): Analysis {
  // No root element (linkedom's parse of a text-only input; a page script that removed <html>): there is
  // nothing to read, and some DOM getters (body, title) throw on such a document.
  if (!doc.documentElement) {
    const article = articleFromText('');
    return { article, report: analyseText('', options.lang ?? 'fr', { ...options, siteNames: [] }) };
  }
  const article = extractArticle(doc, { maxChars: options.maxChars ?? DEFAULT_MAX_CHARS, ...(options.isHidden ? { isHidden: options.isHidden } : {}) });
  const lang = options.lang ?? detectLanguage(doc, article.text);
  const page = readPageSignals(doc, article, options.url);
  const rules = rulesFor(options);
  const findings = findMarkers(article, lang, rules, { siteNames: siteNames(doc, options.url) });
  const report = scoreReport({
    source: options.source ?? options.url ?? '',
    lang,
    title: article.title,
    findings,
    weights: weightsOf(rules),
    page,
    article,
    settings: options.settings,
  });
  return { report, article };
}

/** Analyses plain text (one paragraph per blank-line-separated block): rule testers and examples use it. */
export function analyseText(text: string, lang: Lang, options: AnalyseOptions = {}): Report {
  const article = articleFromText(text);
  const rules = rulesFor(options);
  const findings = findMarkers(article, lang, rules, { siteNames: options.siteNames ?? [] });
  return scoreReport({
    source: options.source ?? '',
    lang,
    title: '',
    findings,
    weights: weightsOf(rules),
    page: { byline: null, published: null, links: [], unnamedSourcesPolicy: null, correctionsPolicy: null },
    article,
    settings: options.settings,
  });
}

export function articleFromText(text: string): ArticleText {
  const blocks: ArticleText['blocks'] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length, post: 0 });
  }
  return { text, title: '', blocks, pieces: [], posts: blocks.length ? 1 : 0, roots: [], truncatedAt: null };
}

/** The rules in force: built-in packs, then the user's packs (same id replaces), minus what the user turned off. */
export function rulesFor(options: AnalyseOptions): RuleInForce[] {
  const byId = new Map<string, { rule: RulePack['rules'][number]; pack: RulePack }>();
  for (const pack of [...builtinPacks, ...(options.packs ?? [])]) for (const rule of pack.rules) byId.set(rule.id, { rule, pack });
  const off = new Set(options.settings?.disabledRules ?? []);
  const offCategories = new Set(options.settings?.disabledCategories ?? []);
  return [...byId.values()].filter(({ rule }) => rule.enabled && !off.has(rule.id) && !offCategories.has(rule.category));
}

const weightsOf = (rules: RuleInForce[]) => new Map(rules.map(({ rule }) => [rule.id, rule.weight]));

/**
 * The names the page's own outlet goes by, so that « Algérie Part avait révélé » on Algérie Part reads
 * as a self-reference and "(Reuters)" on reuters.com is not a relay: og:site_name, the <title>'s
 * suffix (« … | Algérie Part »), application-name, and the host's main label (tmz, reuters).
 */
export function siteNames(doc: Document, url?: string): string[] {
  const names = new Set<string>();
  const add = (s: string | null | undefined) => {
    const v = s?.trim();
    if (v && v.length <= 60 && !/^https?:/i.test(v) && !/^[A-Z]\.[A-Z]\.?$/.test(v)) names.add(v);
  };
  add(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  add(doc.querySelector('meta[name="application-name"]')?.getAttribute('content'));
  const title = doc.querySelector('title')?.textContent ?? '';
  const suffix = title.split(/\s[|\u2013\u2014-]\s/).pop();
  if (suffix && suffix !== title) add(suffix.replace(/\.(?:com|fr|net|org|co\.uk)$/i, ''));
  const href = url ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '';
  try {
    const host = new URL(href).hostname.replace(/^www\d?\.|^m\.|^mobile\./, '');
    const label = host.split('.').slice(-2, -1)[0];
    if (label) add(label);
  } catch {
    /* no usable URL */
  }
  return [...names];
}

export type { Report, Finding, Contribution, PageSignals } from './report';
export type { ArticleText } from './article';
export { rangeFor } from './article';
