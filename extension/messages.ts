// The runtime messages between the side panel, the background and the content script.
// Every message is validated with zod on receipt: a page cannot forge one (pages cannot reach
// runtime messaging, but a compromised or buggy sender must not crash a receiver either).
// zod/mini: the content script validates every message it receives, and must stay small.
import * as z from 'zod/mini';
import { pageSignalsSchema, reportSchema } from '../analyser/report';
import { findingId, pageStateSchema, runAnalysisMessage, scrollToFindingMessage, setHighlightsVisibleMessage } from './page-messages';

const count = z.int().check(z.nonnegative());
const BLOCK_KINDS = ['headline', 'standfirst', 'label', 'paragraph', 'quote', 'list-item', 'heading'] as const;

/** What the page showed around the article and was left out, counted (analyser/article.ts `Leftovers`). */
export const leftoversSchema = z.object({ menus: count, comments: count, captions: count, related: count, promos: count, hidden: count, otherChars: count });

/**
 * "What Sourcier read", as the panel shows it (analyser/reading.ts): the analysed text block by block, cut to
 * READING_MAX_CHARS so that a huge page does not fill the tab's stored state, and what was left out.
 */
export const readingSchema = z.object({
  length: count,
  blocks: z.array(z.object({ kind: z.enum(BLOCK_KINDS), text: z.string() })),
  shownChars: count,
  leftovers: leftoversSchema,
});
export type PanelReading = z.infer<typeof readingSchema>;

/** What the panel shows for a tab. */
export const tabStateSchema = z.discriminatedUnion('status', [
  // Not analysed yet. needsClick: Sourcier has no access to the page the tab shows (no click on it, or the tab went to
  // another site since), so the panel says how to give it rather than offer a button that cannot work.
  z.object({ status: z.literal('idle'), needsClick: z.optional(z.boolean()) }),
  z.object({ status: z.literal('analysing') }),
  z.object({ status: z.literal('ready'), report: reportSchema, reading: z.optional(readingSchema) }),
  z.object({ status: z.literal('no-article'), report: z.optional(reportSchema) }),
  z.object({ status: z.literal('unsupported'), reason: z.string() }), // browser pages, PDF, store pages
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type TabState = z.infer<typeof tabStateSchema>;

const offset = z.int().check(z.nonnegative());

/** An article read by the content script (analyser/read.ts `ExtractedArticle`), for the background to analyse. */
export const extractedArticleSchema = z.object({
  source: z.string(),
  lang: z.enum(['fr', 'en']),
  title: z.string(),
  text: z.string(),
  blocks: z.array(
    z.object({
      kind: z.enum(BLOCK_KINDS),
      start: offset,
      end: offset,
      post: offset,
    }),
  ),
  posts: offset,
  truncatedAt: z.nullable(offset),
  page: pageSignalsSchema,
  siteNames: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  leftovers: z.optional(leftoversSchema),
});

export const messageSchema = z.discriminatedUnion('type', [
  // panel → background
  z.object({ type: z.literal('analyse-tab'), tabId: z.int() }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.int() }),
  // panel → background → content script
  z.object({ type: z.literal('scroll-to-finding'), tabId: z.int(), findingId }),
  z.object({ type: z.literal('set-highlights-visible'), tabId: z.int(), visible: z.boolean() }),
  // background → content script (the content script itself parses them with page-messages.ts)
  runAnalysisMessage,
  scrollToFindingMessage,
  setHighlightsVisibleMessage,
  // content script → background, before it reads anything: is this the page the reader asked about (or a site they
  // chose for automatic analysis)? A script the browser injected into the next page of a tab that navigated
  // meanwhile is told no, and reads nothing.
  z.object({ type: z.literal('may-read') }),
  // content script → background: the rules and the score run there, on the article the content script read; the
  // background keeps the report and answers with what the highlights need (page-messages.ts)
  z.object({ type: z.literal('analyse-article'), article: extractedArticleSchema }),
  // content script → background (after an analysis, including refreshes on dynamic pages): the state without the
  // report, which the background already holds
  z.object({ type: z.literal('tab-report'), state: pageStateSchema }),
  // background → panel
  z.object({ type: z.literal('tab-state-changed'), tabId: z.int(), state: tabStateSchema }),
]);
export type Message = z.infer<typeof messageSchema>;

/** Parses an incoming message; null for anything that is not one of ours. */
export function parseMessage(raw: unknown): Message | null {
  const result = messageSchema.safeParse(raw);
  return result.success ? result.data : null;
}
