// The messages the content script receives, and the small replies it gets and gives, validated with zod/mini.
// Kept apart from messages.ts so that the script injected into every analysed page carries none of the report's
// schema: the report stays in the background, which computed it, and the page only gets what its highlights need.
import * as z from 'zod/mini';
import { SENTENCE_CATEGORIES } from '../analyser/taxonomy';

const offset = z.int().check(z.nonnegative());
/** Finding ids are short (`f1`, `f2`, …): a longer one is not ours. */
export const findingId = z.string().check(z.maxLength(32));

/**
 * The background's answer to `analyse-article`: whether an article was found and, per finding, what its highlight
 * needs. A structural subset of the report (a full report passes too, its other fields dropped), so that the
 * explanations and sentences of thousands of findings never cross into the page.
 */
export const articleFindingsSchema = z.object({
  article: z.object({ found: z.boolean() }),
  findings: z.array(z.object({ id: findingId, category: z.enum(SENTENCE_CATEGORIES), start: offset, end: offset })),
});
export type ArticleFindings = z.infer<typeof articleFindingsSchema>;
export type HighlightedFinding = ArticleFindings['findings'][number];

/**
 * What the content script says after an analysis (`tab-report`, and its answer to `run-analysis`). 'analysed': the
 * article was read and its findings highlighted; the background holds the report it computed for the tab, and
 * makes the tab's state from it.
 */
export const pageStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('analysed') }),
  z.object({ status: z.literal('unsupported'), reason: z.string() }), // PDF
  z.object({ status: z.literal('error'), message: z.string() }),
]);
export type PageState = z.infer<typeof pageStateSchema>;

/** Background → content script. */
export const runAnalysisMessage = z.object({ type: z.literal('run-analysis') });
export const scrollToFindingMessage = z.object({ type: z.literal('content-scroll-to-finding'), findingId });
export const setHighlightsVisibleMessage = z.object({ type: z.literal('content-set-highlights-visible'), visible: z.boolean() });

export const pageMessageSchema = z.discriminatedUnion('type', [runAnalysisMessage, scrollToFindingMessage, setHighlightsVisibleMessage]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

/** Parses a message for the content script; null for anything else (including other messages of ours). */
export function parsePageMessage(raw: unknown): PageMessage | null {
  const result = pageMessageSchema.safeParse(raw);
  return result.success ? result.data : null;
}
