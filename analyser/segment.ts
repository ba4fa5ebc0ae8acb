// Segmentation: blocks → sentences with offsets, and the spans of quoted speech, so that a speaker's
// own words (their conditional, their "some people think") are not taken for the journalist's.
import type { ArticleText, BlockKind } from './article';

export interface Sentence {
  /** Offsets in the article text. */
  start: number;
  end: number;
  block: number;
  blockKind: BlockKind;
  /** First sentence of its post's text (headline or first block): where a label like « Exclusif » stands. */
  post: number;
}

export interface Segmentation {
  sentences: Sentence[];
  /** Spans of quoted speech in the article text, sorted. */
  quotes: Array<[number, number]>;
}

// Words after which a full stop does not end a sentence (lower-cased, without the stop).
const ABBREVIATIONS = new Set(
  'm mm mme mmes mlle dr pr me mgr st ste mr mrs ms messrs prof gen col lt sgt capt cmdr gov sen rep rev jr sr inc ltd co corp no nos vol art al etc cf ex p pp env jan feb fév mar apr avr aug sept sep oct nov dec déc u.s u.k e.g i.e vs'.split(
    ' ',
  ),
);

const OPENING_QUOTES = new Map<string, string>([
  ['\u00ab', '\u00bb'], // « »
  ['\u201c', '\u201d'], // “ ”
  ['\u201e', '\u201c'], // „ “
  ['"', '"'],
]);

export function segment(article: ArticleText, maxSentenceLength = 3000): Segmentation {
  const sentences: Sentence[] = [];
  const quotes: Array<[number, number]> = [];
  const { text } = article;
  article.blocks.forEach((block, b) => {
    // The searches below stop at the block's end: one past the text would never be reached.
    const to = Math.min(block.end, text.length);
    splitSentences(text, block.start, to, maxSentenceLength, (start, end) => sentences.push({ start, end, block: b, blockKind: block.kind, post: block.post }));
    findQuotes(text, block.start, to, quotes);
  });
  return { sentences, quotes };
}

const isUpperStart = (ch: string) => /[\p{Lu}\p{N}«“"'‘([¿¡—–-]/u.test(ch);

// Searches run natively (a regular expression from lastIndex) rather than character by character in script:
// segmentation reads every character of the article.
const SENTENCE_END = /[.!?\u2026]/g;
const SPACE = /\s/g;

/**
 * The first index in [from, block end) where `re` (global) matches, or the block's end. The search runs on the
 * block alone (`block` is the text from `base` to the block's end), so that it never reads past the block.
 */
function next(re: RegExp, block: string, base: number, from: number): number {
  re.lastIndex = from - base;
  const m = re.exec(block);
  return base + (m ? m.index : block.length);
}

function splitSentences(text: string, from: number, to: number, maxLength: number, emit: (s: number, e: number) => void) {
  const block = text.slice(from, to);
  let start = skipSpace(text, from, to);
  let i = start;
  while (i < to) {
    // The next sentence-ending mark; on the way, a run-on text with no punctuation is cut at the first white
    // space past maxLength, so that one sentence never grows without bound.
    const end = next(SENTENCE_END, block, from, i);
    if (end - start > maxLength) {
      const cut = Math.min(end, next(SPACE, block, from, Math.max(i, start + maxLength)));
      if (cut < end) {
        emit(start, cut);
        start = skipSpace(text, cut, to);
        i = start;
        continue;
      }
    }
    i = end;
    if (i >= to) break;
    const ch = text[i]!;
    let j = i + 1;
    while (j < to && /[.!?\u2026»”"')\]’]/.test(text[j]!)) j++;
    // French spacing puts a (non-breaking) space before the closing guillemet: « C’est fini. »
    const spaced = /^[ \u00a0\u202f]+»/.exec(text.slice(j, Math.min(to, j + 4)));
    if (spaced) j += spaced[0].length;
    if (j >= to) break;
    if (/\s/.test(text[j]!)) {
      const after = skipSpace(text, j, to);
      if (
        after < to &&
        isUpperStart(text[after]!) &&
        !(ch === '.' && isAbbreviation(text, start, i, text[after]!)) &&
        !speakerAfterQuestion(text, ch, i, j, after, to)
      ) {
        emit(start, j);
        start = after;
        i = after;
        continue;
      }
    }
    i = j;
  }
  const end = trimEnd(text, start, to);
  if (end > start) emit(start, end);
}

/**
 * “…, okay?” Trump said. A question or an exclamation that closes a quotation, then a short clause that ends the
 * sentence (the speaker and the verb): one sentence, so that the speaker is read with the words.
 */
function speakerAfterQuestion(text: string, mark: string, i: number, j: number, after: number, to: number): boolean {
  if ((mark !== '?' && mark !== '!') || !/[»”"’]/.test(text.slice(i + 1, j))) return false;
  const end = text.indexOf('.', after);
  if (end < 0 || end > to) return false;
  const tail = text.slice(after, end);
  return !/[«»“”"!?]/.test(tail) && tail.split(/\s+/).length <= 5;
}

// Abbreviations that stand before a number only: "No. 10", « art. 49 », "p. 12" (but "he said no." ends a sentence).
const BEFORE_NUMBER = new Set('no nos vol art p pp'.split(' '));

// (A module constant: the bundler writes a regular expression with \p{…} outside brackets as `new RegExp(…)`, which a
// function would build again at each call.)
const NUMBER = /\p{N}/u;
const ONE_LETTER = /^\p{L}$/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;

function isAbbreviation(text: string, sentenceStart: number, dot: number, next: string): boolean {
  let k = dot;
  while (k > sentenceStart && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot).toLowerCase();
  if (!word) return false;
  if (BEFORE_NUMBER.has(word)) return NUMBER.test(next);
  if (ONE_LETTER.test(word)) return true; // an initial: "J. Smith", "M. Macron"
  return ABBREVIATIONS.has(word) || DOTTED.test(word); // "U.S", "e.g"
}

function skipSpace(text: string, i: number, to: number) {
  while (i < to && /\s/.test(text[i]!)) i++;
  return i;
}
function trimEnd(text: string, from: number, to: number) {
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to;
}

const OPENING_QUOTE = new RegExp(`[${[...OPENING_QUOTES.keys()].join('')}]`, 'g');

function findQuotes(text: string, from: number, to: number, out: Array<[number, number]>) {
  const block = text.slice(from, to);
  let i = from;
  while (i < to) {
    i = next(OPENING_QUOTE, block, from, i);
    if (i >= to) break;
    const close = OPENING_QUOTES.get(text[i]!)!;
    // A straight quote opens only before a word, and closes at the next straight quote.
    if (text[i] === '"' && (i + 1 >= to || /\s/.test(text[i + 1]!))) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i + 1;
    for (; j < to; j++) {
      const c = text[j]!;
      if (c === close && depth === 0) break;
      if (c === text[i] && close !== c) depth++;
      else if (c === close) depth--;
    }
    if (j >= to) {
      // Unclosed: a quote that runs to the end of the paragraph (French style continues « on the next one).
      out.push([i, to]);
      return;
    }
    out.push([i, j + 1]);
    i = j + 1;
  }
}

/** Whether [start, end) lies inside quoted speech. */
export function inQuote(quotes: Array<[number, number]>, start: number): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = quotes[mid]!;
    if (start < a) hi = mid - 1;
    else if (start >= b) lo = mid + 1;
    else return start > a; // the opening mark itself is not inside
  }
  return false;
}
