// What extraction hands to the rest of the analyser: the article's text, its blocks, and the way back
// from every character to the DOM text node it came from (the extension highlights with it).

export type BlockKind = 'headline' | 'standfirst' | 'label' | 'paragraph' | 'quote' | 'list-item' | 'heading';

export interface Block {
  kind: BlockKind;
  /** Offsets in `ArticleText.text`. */
  start: number;
  end: number;
  /** Index of the post this block belongs to (0 on a single article page). */
  post: number;
}

/** `text.slice(start, end)` equals `node.data.slice(nodeOffset, nodeOffset + (end - start))`. */
export interface TextPiece {
  node: Text;
  nodeOffset: number;
  start: number;
  end: number;
}

/**
 * What the page showed around the article and the reader left out, counted but never shown (the panel's
 * "What Sourcier read"): regions of each kind, and the characters of other text read but not kept.
 */
export interface Leftovers {
  menus: number;
  comments: number;
  captions: number;
  /** "Most read", related and recommended links, teasers. */
  related: number;
  /** Ads, share bars, newsletter, cookie and subscription boxes. */
  promos: number;
  /** Text hidden from the reader (what is scored is what the reader sees). */
  hidden: number;
  /** Characters of the page's other visible text (teasers, slogans, legal lines) outside the article. */
  otherChars: number;
}

export const NO_LEFTOVERS: Leftovers = { menus: 0, comments: 0, captions: 0, related: 0, promos: 0, hidden: 0, otherChars: 0 };

export interface ArticleText {
  /** The article's text; blocks are separated by "\n\n" (separators map to no node). */
  text: string;
  title: string;
  blocks: Block[];
  /** Sorted by `start`, non-overlapping. */
  pieces: TextPiece[];
  /** Separate posts found (several on a blog category page). 0 when no article was found. */
  posts: number;
  /** The element(s) the article was read from. */
  roots: Element[];
  /** Set when the text was cut to the maximum length: the number of characters kept. */
  truncatedAt: number | null;
  /** What was left out of the page (set by extraction; absent on an article rebuilt from data). */
  leftovers?: Leftovers;
}

/** Finds the DOM position of a text offset (binary search over the pieces). */
export function domPosition(article: ArticleText, offset: number, bias: 'start' | 'end'): { node: Text; offset: number } | null {
  const { pieces } = article;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (offset < p.start || (bias === 'end' && offset === p.start && mid > 0 && pieces[mid - 1]!.end === offset)) hi = mid - 1;
    else if (offset > p.end || (bias === 'start' && offset === p.end && mid < pieces.length - 1 && pieces[mid + 1]!.start === offset)) lo = mid + 1;
    else return { node: p.node, offset: p.nodeOffset + (offset - p.start) };
  }
  // An offset between pieces (a block separator): snap to the nearest piece in the right direction.
  const next = bias === 'start' ? pieces[lo] : pieces[hi];
  if (!next) return null;
  return bias === 'start' ? { node: next.node, offset: next.nodeOffset } : { node: next.node, offset: next.nodeOffset + (next.end - next.start) };
}

/** A DOM Range covering article text [start, end), for highlights and scrolling. */
export function rangeFor(article: ArticleText, start: number, end: number): Range | null {
  const a = domPosition(article, start, 'start');
  const b = domPosition(article, end, 'end');
  if (!a || !b) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
