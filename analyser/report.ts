// The analysis report: one shape for the CLI's JSON, the panel, exports and tests.
// It is a zod schema so that a report crossing a boundary (runtime messages, files) is checked.
// zod/mini: the same validation as zod with a fraction of the size (the content script carries it).
import * as z from 'zod/mini';
import { BANDS, LANGS, RED_FLAG_CATEGORIES, SENTENCE_CATEGORIES } from './taxonomy';

export const REPORT_SCHEMA_VERSION = 1;

/**
 * Nuances a rule or the engine attaches to a finding; the score reads them.
 * - bare: « nos sources » with no description of who they are
 * - described: the unnamed source is situated (« une source du Quai d'Orsay »)
 * - reason-given: the article says why anonymity was granted
 * - corroborated: several sources are said to agree ("at least three sources")
 * - attributed: a hedge with an attribution in the same sentence
 * - label: an "Exclusif" that labels the article (headline, kicker)
 * - relayed: an attribution that also names the outlet it came through
 */
export const QUALIFIERS = ['bare', 'described', 'reason-given', 'corroborated', 'attributed', 'label', 'relayed'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const findingSchema = z.object({
  /** Stable within a report: `f1`, `f2`, … in reading order. */
  id: z.string(),
  ruleId: z.string(),
  category: z.enum(SENTENCE_CATEGORIES),
  /** The marker exactly as it stands in the page. */
  text: z.string(),
  /** The sentence that holds the marker, as it stands in the page. */
  sentence: z.string(),
  /** Offsets of `text` in the analysed article text (`report.article.text` when kept). */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  sentenceStart: z.int().check(z.nonnegative()),
  /** Short explanation for a reader. */
  explanation: z.string(),
  /** Longer explanation for a trainer. */
  trainerNote: z.string(),
  qualifiers: z.array(z.enum(QUALIFIERS)),
  /** Named speaker or outlet when the rule captured one (« Sadio Kamara », "Reuters"). */
  who: z.optional(z.string()),
  /**
   * For a finding of the attribution grammar: the frame that read it (`subject-cue`, `inverted`, `cue-phrase`…),
   * the cue's lexicon entry (« déclarer », "according to") and the entry that decided the source's kind
   * (`roles: spokesman`).
   */
  trace: z.optional(z.object({ frame: z.string(), cue: z.string(), source: z.optional(z.string()) })),
});
export type Finding = z.infer<typeof findingSchema>;

export const contributionSchema = z.object({
  /** What the line is about: a category id or a page signal id, or `exclusive-red-flag`. */
  key: z.string(),
  /** Points added to (positive) or taken from (negative) the base score. */
  points: z.number(),
  /** One line in the report's language: "−12: 6 bare anonymous sources". */
  label: z.string(),
  findingIds: z.array(z.string()),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const linkSchema = z.object({ href: z.string(), text: z.string(), host: z.string() });

export const pageSignalsSchema = z.object({
  byline: z.nullable(z.string()),
  published: z.nullable(z.string()),
  /** Outbound links inside the article body (to another host than the page's). */
  links: z.array(linkSchema),
  unnamedSourcesPolicy: z.nullable(z.string()),
  correctionsPolicy: z.nullable(z.string()),
});
export type PageSignals = z.infer<typeof pageSignalsSchema>;

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** File path or URL that was analysed. */
  source: z.string(),
  /** The article's language (detected, or forced with the CLI's --article-lang): the language of quoted page text. */
  lang: z.enum(LANGS),
  /**
   * The language the report speaks in (summary, score lines, explanations, trainer's notes): the reader's — the
   * extension's interface language, the CLI's --lang — and the article's by default. Absent from older reports.
   */
  reportLang: z.optional(z.enum(LANGS)),
  title: z.string(),
  /** 0–100, higher is better sourced; null when no article was found (there is nothing to judge, so no verdict). */
  score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  /** null when no article was found, like the score. */
  band: z.nullable(z.enum(BANDS)),
  /** One sentence in the report's language. */
  summary: z.string(),
  counts: z.record(z.enum(SENTENCE_CATEGORIES), z.int().check(z.nonnegative())),
  redFlags: z.int().check(z.nonnegative()),
  contributions: z.array(contributionSchema),
  findings: z.array(findingSchema),
  page: pageSignalsSchema,
  article: z.object({
    found: z.boolean(),
    /** Characters of article text analysed. */
    length: z.int().check(z.nonnegative()),
    /** Separate posts found (a blog category page has several). */
    posts: z.int().check(z.nonnegative()),
    /** Set when the article was cut to a maximum length: how many characters were analysed. */
    truncatedAt: z.nullable(z.int().check(z.nonnegative())),
  }),
});
export type Report = z.infer<typeof reportSchema>;

/** The language a report's own words are in (reports made before reportLang existed speak the article's). */
export const reportLangOf = (report: Pick<Report, 'lang' | 'reportLang'>) => report.reportLang ?? report.lang;

/**
 * The red flags of a report, one definition for the badge, the panel's tags and its next/previous keys:
 * findings of the red-flag categories, except hedges attributed in their own sentence (reported speech),
 * plus the « Exclusif » label when the score counted it as resting on anonymous sources or self-reference.
 */
export function redFlagIds(report: Pick<Report, 'findings' | 'contributions'>): Set<string> {
  const ids = new Set(
    report.findings
      .filter((f) => RED_FLAG_CATEGORIES.includes(f.category) && !(f.category === 'hedged-claim' && f.qualifiers.includes('attributed')))
      .map((f) => f.id),
  );
  const exclusive = new Set(report.findings.filter((f) => f.category === 'exclusive-claim').map((f) => f.id));
  for (const c of report.contributions) if (c.key === 'exclusive-red-flag') for (const id of c.findingIds) if (exclusive.has(id)) ids.add(id);
  return ids;
}
