// "What Sourcier read": the text the rules and the score ran on, block by block, and what was left out of
// the page, counted. The CLI's `sourcier read` prints it (a trainer, or a test, sees exactly what was scored)
// and the side panel shows it. Page text stays text: callers escape it for their medium.
import { NO_LEFTOVERS, type BlockKind, type Leftovers } from './article';
import type { ExtractedArticle } from './read';

export interface Reading {
  source: string;
  lang: ExtractedArticle['lang'];
  title: string;
  /** False when no article was found: blocks is then empty. */
  found: boolean;
  /** Characters of article text read (the length `analyze` reports). */
  length: number;
  posts: number;
  truncatedAt: number | null;
  blocks: Array<{ kind: BlockKind; text: string; post: number }>;
  leftovers: Leftovers;
}

export function whatWasRead(extracted: ExtractedArticle, leftovers: Leftovers | undefined = extracted.leftovers): Reading {
  return {
    source: extracted.source,
    lang: extracted.lang,
    title: extracted.title,
    found: extracted.blocks.length > 0,
    length: extracted.text.length,
    posts: extracted.posts,
    truncatedAt: extracted.truncatedAt,
    blocks: extracted.blocks.map((b) => ({ kind: b.kind, text: extracted.text.slice(b.start, b.end), post: b.post })),
    leftovers: leftovers ?? { ...NO_LEFTOVERS },
  };
}

/**
 * The article as plain text, one block per paragraph, blank lines between: what an extraction benchmark
 * compares with a person's reading (the headline and standfirst are blocks of it when the page has them).
 * Nothing at all when no article was found: the CLI says so on stderr.
 */
export function formatReadingText(reading: Reading): string {
  if (!reading.found) return '';
  return reading.blocks.map((b) => b.text).join('\n\n') + '\n';
}

/** One JSON object for one input, an array for several (as `analyze --format json`). */
export function formatReadingJson(readings: Reading[]): string {
  return JSON.stringify(readings.length === 1 ? readings[0] : readings, null, 2) + '\n';
}

/** The text the side panel shows at most: a long page's full text would only weigh on the tab's stored state. */
export const READING_MAX_CHARS = 100_000;

/** "What Sourcier read" for the side panel: the blocks, cut after `maxChars` characters, and the leftovers. */
export function readingForPanel(reading: Reading, maxChars = READING_MAX_CHARS) {
  const blocks: Array<{ kind: BlockKind; text: string }> = [];
  let shownChars = 0;
  for (const b of reading.blocks) {
    if (shownChars >= maxChars) break;
    const text = b.text.slice(0, maxChars - shownChars);
    blocks.push({ kind: b.kind, text });
    shownChars += text.length;
  }
  return { length: reading.length, blocks, shownChars, leftovers: reading.leftovers };
}
