// The score: a transparent function of the findings. Each line of `contributions` says how many points
// which findings add or take, so a reader can retrace the whole score:
//   score = 50 + Σ contributions, clamped to 0–100.
// Within a category, each further finding counts a little less (×0.85): ten anonymous sources weigh
// more than one, but an article is not sunk by a count alone. Bands: weak < 40 ≤ mixed < 65 ≤ strong.
import type { AnalyserSettings } from './index';
import type { ArticleText } from './article';
import type { Contribution, Finding, PageSignals, Report } from './report';
import { REPORT_SCHEMA_VERSION, redFlagIds } from './report';
import { SENTENCE_CATEGORIES, type Band, type Category, type Lang } from './taxonomy';
import { describeCount, summarise } from './wording';

export const BASE_SCORE = 50;
export const DIMINISHING = 0.85;
/** No single line of the score may move it by more than this. */
export const CONTRIBUTION_CAP = 30;
export const BAND_LIMITS = { mixed: 40, strong: 65 } as const;

/** Points of one finding before diminishing returns: the rule's weight adjusted by its nuances. */
export function findingPoints(f: Finding, weight: number): number {
  let p = weight;
  if (f.category === 'anonymous-source') {
    if (f.qualifiers.includes('reason-given')) p *= 0.6;
    if (f.qualifiers.includes('corroborated')) p *= 0.7;
  }
  if (f.category === 'hedged-claim' && f.qualifiers.includes('attributed')) p *= 0.25;
  if (f.category === 'exclusive-claim' && !f.qualifiers.includes('label')) p = 0;
  return p;
}

/** Lines of the score are grouped by category, and by nuance where the taxonomy weighs them apart. */
function lineKey(f: Finding): string {
  if (f.category === 'anonymous-source') return f.qualifiers.includes('bare') ? 'anonymous-source:bare' : 'anonymous-source:described';
  if (f.category === 'hedged-claim') return f.qualifiers.includes('attributed') ? 'hedged-claim:attributed' : 'hedged-claim:bare';
  return f.category;
}

export interface ScoreInput {
  source: string;
  /** The article's language. */
  lang: Lang;
  /** The language of the report's words; the article's when absent. */
  reportLang?: Lang | undefined;
  title: string;
  findings: Finding[];
  /** The weight of each finding's rule (by rule id). */
  weights: Map<string, number>;
  page: PageSignals;
  article: ArticleText;
  settings?: Partial<AnalyserSettings> | undefined;
}

export function scoreReport(input: ScoreInput): Report {
  const { findings, page, article, settings } = input;
  // Every word of the report is in the reader's language; `input.lang` (the article's) only labels quoted text.
  const lang = input.reportLang ?? input.lang;
  const multiplier = (c: Category | string) => settings?.categoryWeights?.[c as Category] ?? 1;
  const contributions: Contribution[] = [];

  const lines = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = lineKey(f);
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push(f);
  }
  for (const [key, group] of lines) {
    const category = group[0]!.category;
    const points = group
      .map((f) => findingPoints(f, input.weights.get(f.ruleId) ?? 0))
      .sort((a, b) => Math.abs(b) - Math.abs(a))
      .reduce((sum, p, k) => sum + p * DIMINISHING ** k, 0);
    const capped = clamp(points * multiplier(category), -CONTRIBUTION_CAP, CONTRIBUTION_CAP);
    contributions.push(line(key, capped, describeCount(lang, key, group.length, distinctSources(group)), group, lang));
  }

  // « Exclusif » resting mainly on anonymous sources or on the outlet's own word: a red flag of its own.
  const label = findings.find((f) => f.category === 'exclusive-claim' && f.qualifiers.includes('label'));
  if (label) {
    const weakSupport = findings.filter((f) => f.category === 'anonymous-source' || f.category === 'self-reference');
    const onRecord = findings.filter((f) => f.category === 'named-source' || f.category === 'official-document');
    if (weakSupport.length > 0 && weakSupport.length >= onRecord.length) {
      contributions.push(
        line('exclusive-red-flag', -15 * multiplier('exclusive-claim'), describeCount(lang, 'exclusive-red-flag', 1), [label, ...weakSupport], lang),
      );
    }
  }

  if (article.posts > 0) {
    if (!page.byline) contributions.push(line('byline', -3, describeCount(lang, 'byline', 0), [], lang));
    if (!page.published) contributions.push(line('dateline', -2, describeCount(lang, 'dateline', 0), [], lang));
    if (page.links.length)
      contributions.push(line('link-to-source', Math.min(6, 2 * page.links.length), describeCount(lang, 'link-to-source', page.links.length), [], lang));
  }

  // Summed in the order the report lists them, and to a tenth (each line is): a reader adding up the lines gets the
  // score, whatever the order floating-point sums would otherwise depend on (66.4999… vs 66.5).
  contributions.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const raw = Math.round((BASE_SCORE + contributions.reduce((s, c) => s + c.points, 0)) * 10) / 10;
  const found = article.posts > 0;
  // No article, no verdict: a score of 0 and a "weak" band would read as a judgement of a page with nothing to judge.
  const score = found ? Math.round(clamp(raw, 0, 100)) : null;
  const band = score === null ? null : bandOf(score);
  const counts = Object.fromEntries(SENTENCE_CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const f of findings) counts[f.category]++;
  const redFlags = redFlagIds({ findings, contributions }).size;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: input.source,
    lang: input.lang,
    reportLang: lang,
    title: input.title,
    score,
    band,
    summary: summarise(lang, {
      findings,
      counts,
      band,
      found: article.posts > 0,
      distinctNamed: distinctSources(findings.filter((f) => f.category === 'named-source')),
    }),
    counts,
    redFlags,
    contributions,
    findings,
    page,
    article: { found: article.posts > 0, length: article.text.length, posts: article.posts, truncatedAt: article.truncatedAt },
  };
}

export function bandOf(score: number): Band {
  return score >= BAND_LIMITS.strong ? 'strong' : score >= BAND_LIMITS.mixed ? 'mixed' : 'weak';
}

/** Distinct people or bodies among attributions (« a-t-il ajouté » is the same speaker again). */
function distinctSources(group: Finding[]): number {
  return new Set(group.map((f) => (f.who ?? f.text).toLowerCase())).size;
}

// What toLocaleString(locale) does, with the formatter made once: making it was most of the score's time. A score's
// points are tenths of a few units: each is formatted once per language.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = { fr: new Intl.NumberFormat('fr-FR'), en: new Intl.NumberFormat('en-GB') };
const FORMATTED: Record<Lang, Map<number, string>> = { fr: new Map(), en: new Map() };
const formatted = (lang: Lang, value: number): string => {
  let s = FORMATTED[lang].get(value);
  if (s === undefined) {
    s = NUMBER_FORMATS[lang].format(value);
    if (FORMATTED[lang].size < 1000) FORMATTED[lang].set(value, s);
  }
  return s;
};

function line(key: string, points: number, label: string, group: Finding[], lang: Lang): Contribution {
  const rounded = Math.round(points * 10) / 10 || 0; // no "−0"
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±';
  const value = formatted(lang, Math.abs(rounded));
  return { key, points: rounded, label: `${sign}${value}: ${label}`.replace(':', lang === 'fr' ? '\u00a0:' : ':'), findingIds: group.map((f) => f.id) };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
