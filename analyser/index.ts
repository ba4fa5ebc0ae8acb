// The analyser's public entry: plain TypeScript, no extension API. The CLI and the tests call
// analyseDocument; the extension reads the page in the content script (readArticle, analyser/read.ts)
// and runs analyseExtracted in the background.
import type { ArticleText } from './article';
import { readArticle, type ExtractedArticle } from './read';
import type { Finding, Report } from './report';
import { explainIn } from './wording';
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
  /** Forces the article's language instead of detecting it. */
  lang?: Lang;
  /**
   * The language of the report's own words (summary, score lines, explanations, trainer's notes): the reader's.
   * The article's language when absent. Quoted page text stays as written.
   */
  reportLang?: Lang;
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

export function analyseDocument(doc: Document, options: AnalyseOptions = {}): Analysis {
  const { extracted, article } = readArticle(doc, options);
  return { report: analyseExtracted(extracted, options), article };
}

/** The rules and the score over an article read by readArticle (possibly in another context). */
export function analyseExtracted(extracted: ExtractedArticle, options: Pick<AnalyseOptions, 'packs' | 'settings' | 'reportLang'> = {}): Report {
  const blocks = soundBlocks(extracted.blocks, extracted.text.length);
  const article: ArticleText = {
    text: extracted.text,
    title: extracted.title,
    blocks,
    pieces: [],
    posts: extracted.posts,
    roots: [],
    truncatedAt: extracted.truncatedAt,
  };
  const rules = rulesFor(options);
  const reportLang = options.reportLang ?? extracted.lang;
  const findings = explained(
    findMarkers(article, extracted.lang, rules, { siteNames: extracted.siteNames, packs: options.packs ?? [] }),
    rules,
    extracted.lang,
    reportLang,
  );
  return scoreReport({
    source: extracted.source,
    lang: extracted.lang,
    reportLang,
    title: extracted.title,
    findings,
    weights: weightsOf(rules),
    page: extracted.page,
    article,
    settings: options.settings,
  });
}

/**
 * Blocks as segmentation expects them: inside the text, non-empty, sorted and disjoint. A content script's
 * blocks always are; a message the schema accepted may still carry any offsets (the segmenter looped on a
 * block that ended before it started), so they are clamped here rather than trusted.
 */
export function soundBlocks(blocks: ArticleText['blocks'], length: number): ArticleText['blocks'] {
  const inside = blocks
    .map((b) => ({ ...b, start: Math.min(Math.max(0, Math.trunc(b.start) || 0), length), end: Math.min(Math.max(0, Math.trunc(b.end) || 0), length) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const sound: ArticleText['blocks'] = [];
  let previousEnd = 0;
  for (const b of inside) {
    const start = Math.max(b.start, previousEnd);
    if (b.end <= start) continue;
    sound.push(start === b.start ? b : { ...b, start });
    previousEnd = b.end;
  }
  return sound;
}

/** Analyses plain text (one paragraph per blank-line-separated block): rule testers and examples use it. */
export function analyseText(text: string, lang: Lang, options: AnalyseOptions = {}): Report {
  const article = articleFromText(text);
  const rules = rulesFor(options);
  const reportLang = options.reportLang ?? lang;
  const findings = explained(findMarkers(article, lang, rules, { siteNames: options.siteNames ?? [], packs: options.packs ?? [] }), rules, lang, reportLang);
  return scoreReport({
    source: options.source ?? '',
    lang,
    reportLang,
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
export function rulesFor(options: Pick<AnalyseOptions, 'packs' | 'settings'>): RuleInForce[] {
  const byId = new Map<string, { rule: RulePack['rules'][number]; pack: RulePack }>();
  for (const pack of [...builtinPacks, ...(options.packs ?? [])]) for (const rule of pack.rules) byId.set(rule.id, { rule, pack });
  const off = new Set(options.settings?.disabledRules ?? []);
  const offCategories = new Set(options.settings?.disabledCategories ?? []);
  return [...byId.values()].filter(({ rule }) => rule.enabled && !off.has(rule.id) && !offCategories.has(rule.category));
}

/** Findings explained in the report's language (wording.ts explainIn): a rule for any language speaks the article's. */
function explained(findings: Finding[], rules: RuleInForce[], articleLang: Lang, reportLang: Lang): Finding[] {
  const ruleLang = new Map(rules.map(({ rule }) => [rule.id, rule.lang === 'fr' || rule.lang === 'en' ? rule.lang : articleLang]));
  return findings.map((f) => explainIn(reportLang, f, ruleLang.get(f.ruleId) ?? articleLang));
}

const weightsOf = (rules: RuleInForce[]) => new Map(rules.map(({ rule }) => [rule.id, rule.weight]));

export { DEFAULT_MAX_CHARS, readArticle, siteNames, type ExtractedArticle } from './read';
export type { Report, Finding, Contribution, PageSignals } from './report';
export type { ArticleText } from './article';
export { rangeFor } from './article';
