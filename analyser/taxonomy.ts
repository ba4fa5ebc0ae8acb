// The shared vocabulary of ../shared/sourcing-taxonomy.md: every rule, report, panel and test uses these ids.

export const SENTENCE_CATEGORIES = [
  'named-source',
  'official-document',
  'media-relay',
  'anonymous-source',
  'vague-attribution',
  'self-reference',
  'exclusive-claim',
  'hedged-claim',
  'unsourced-certainty',
] as const;
export type Category = (typeof SENTENCE_CATEGORIES)[number];

export const PAGE_SIGNALS = ['link-to-source', 'byline', 'dateline'] as const;
export type PageSignal = (typeof PAGE_SIGNALS)[number];

export const BANDS = ['weak', 'mixed', 'strong'] as const;
export type Band = (typeof BANDS)[number];

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Categories that count as red flags (badge, keyboard navigation for trainers). */
export const RED_FLAG_CATEGORIES: readonly Category[] = ['anonymous-source', 'vague-attribution', 'self-reference', 'hedged-claim', 'unsourced-certainty'];

/** Attributions point to who says it; framing says how sure the article is. */
export const ATTRIBUTION_CATEGORIES: readonly Category[] = [
  'named-source',
  'official-document',
  'media-relay',
  'anonymous-source',
  'vague-attribution',
  'self-reference',
];
