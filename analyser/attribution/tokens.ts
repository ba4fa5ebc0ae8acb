// Words and punctuation of a sentence, with their offsets: the attribution grammar reads tokens, not characters.
// The input is folded text (analyser/text.ts: no accents, straight quotes and apostrophes, plain dashes), so the
// offsets are those of the page text.
import type { WordEntries, WordIndex } from './lexicon';

export interface Token {
  /** Offsets in the text the tokens were made from (plus the base given to tokenize). */
  start: number;
  end: number;
  /** Lower-case form, the key for lexicon look-ups. */
  key: string;
  /** A word (letters or digits), as opposed to punctuation. */
  word: boolean;
  /** Starts with a capital letter (or is an acronym). */
  cap: boolean;
  /** A French subject pronoun written after its verb (« dit-il », « a-t-elle ajouté »). */
  inverted?: boolean;
  /**
   * What the lexicon lists under this key, when the tokens were made with the lexicon's index (lexicon.ts `WordIndex`):
   * one look-up per token instead of one per list and per question asked about it.
   */
  entries?: WordEntries;
  /** Written in capitals or with dots between capitals ("FBI", "F.A.A."): an organisation's initials. */
  acronym: boolean;
}

// A word: letters and digits, joined by inner hyphens, apostrophes or dots (« porte-parole », "O'Brien", "U.S.").
// An elided French article or pronoun (l', d', qu', s') is its own token, and so is the English possessive 's.
const SPACE = /\s/;
// Whether a character is a letter or a digit: ASCII by range, the rest looked up once in Unicode's tables.
const WORD_CHARS = new Uint8Array(65536);
const WORD_TEST = /[\p{L}\p{N}]/u;
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let known = WORD_CHARS[c]!;
  if (known === 0) WORD_CHARS[c] = known = WORD_TEST.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'/i;
const INVERSION = /^(.+?)-(?:t-)?(il|elle|on|ils|elles)$/i;
const POSSESSIVE = /^(.+)'s$/i;
/** Whether the word ends with 's or 'S (POSSESSIVE's end). */
const endsWithPossessive = (s: string) => s.length >= 3 && s.charCodeAt(s.length - 2) === 39 && (s.charCodeAt(s.length - 1) | 32) === 115;
const UPPER = /^\p{Lu}/u;
const PARTICLE_NAME = /^(?:al|el|ad|ibn|bin|ben|abu|ould)-\p{Lu}/u;

/** Words that end with a full stop that belongs to them ("Mr.", "M.", "U.S.", "J."). */
export type KeepsStop = (wordWithStop: string) => boolean;

/**
 * French words that folding would merge with another (« à » with the auxiliary « a », « où » with « ou », « là » with
 * the article « la »): their key keeps the accent, read from the unfolded text.
 */
const ACCENTED = new Set(['à', 'où', 'là', 'dès']);
const FOLDED_ACCENTED = new Set(['a', 'ou', 'la', 'des']);

/**
 * The tokens of a text. `original` is the text before folding (French accents that tell words apart); with `index`,
 * the lexicon's, each token is marked with what the lexicon lists under its key (Token.entries). With `from` and `to`,
 * the tokens of text[from, to) only, as if it had been cut out (a sentence read in the whole text, whose characters
 * are read faster than a slice's).
 */
export function tokenize(
  text: string,
  base = 0,
  keepsStop: KeepsStop = () => false,
  original?: string,
  index?: WordIndex,
  from = 0,
  to = text.length,
): Token[] {
  const out: Token[] = [];
  // Every token has the same properties, in the same order: the frames read tokens of one shape only.
  const push = (start: number, end: number, word: boolean, cap: boolean, key: string, inverted: boolean) =>
    out.push({
      start,
      end,
      key,
      word,
      cap,
      inverted,
      entries: index === undefined ? undefined : key.length === 1 ? index.ofChar(key) : index.of(key),
      acronym: cap && isAcronym(text, start - base, end - base, to),
    });
  /** A token whose text may be any piece of a word or a punctuation mark. */
  const piece = (start: number, s: string, inverted = false) => {
    const c = s.charCodeAt(0);
    const word = isWordChar(c);
    const key = keyOf(s, start - base, original);
    // « al-Arab », « ben Salmane »: a lower-case particle before a capital is part of a name.
    const cap = word && ((c >= 65 && c <= 90) || (c > 127 && UPPER.test(s)) || (c >= 97 && key.length > 3 && PARTICLE_NAME.test(s)));
    push(start, start + s.length, word, cap, key, inverted);
  };
  // A scan by character codes (a regular expression per token cost a tenth of an analysis on long pages).
  const n = to;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c < 32 && c !== 0) || (c > 127 && SPACE.test(text[i]!))) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      // Two apostrophes are a quotation mark (some outlets quote ''like this''): one token, read as one. (Of three, the
      // first closes a quotation inside the quotation: ''… 'Fox and Friends,''' said X.)
      if (c === 39 && i + 1 < n && text.charCodeAt(i + 1) === 39 && !(i + 2 < n && text.charCodeAt(i + 2) === 39)) {
        push(base + i, base + i + 2, false, false, '"', false);
        i += 2;
        continue;
      }
      piece(base + i, text[i]!);
      i++;
      continue;
    }
    // Whether the word holds an apostrophe or a hyphen, seen on the way: most hold neither and are one token.
    let joined = false;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordChar(d)) j++;
      else if ((d === 45 || d === 39 || d === 46) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) {
        if (d !== 46) joined = true;
        j += 2;
      } else break;
    }
    // A full stop after the word belongs to it only in an abbreviation or an initial ("Mr.", "J.", "U.S.").
    if (j < n && text.charCodeAt(j) === 46 && isStopPart(text.slice(i, j + 1), keepsStop)) j++;
    let start = base + i;
    if (!joined) {
      const entries = index?.find(text, i, j);
      // « a », « ou », « la », « des » may be « à », « où », « là », « dès », whose keys are not their folded forms: the
      // unfolded text tells. (Only for these words, and only when it has an accent there.)
      const accented = original !== undefined && j - i <= 3 && isFoldedAccented(text, i, j) ? accentedKey(original, i, j) : undefined;
      if (accented !== undefined) {
        out.push({ start, end: base + j, key: accented, word: true, cap: c >= 65 && c <= 90, inverted: false, entries: index?.of(accented), acronym: false });
      } else if (entries !== undefined && entries !== index!.none) {
        // A listed word: its key is the lexicon's own string, and the word needs none of its own.
        const cap = c >= 65 && c <= 90;
        out.push({ start, end: base + j, key: entries.key, word: true, cap, inverted: false, entries, acronym: cap && isAcronym(text, i, j, n) });
      } else {
        const s = text.slice(i, j);
        const key = s.toLowerCase();
        // (Without a hyphen, no particle: a capital is the first letter's.)
        const cap = (c >= 65 && c <= 90) || (c > 127 && UPPER.test(s));
        out.push({
          start,
          end: base + j,
          key,
          word: true,
          cap,
          inverted: false,
          entries: entries === index?.none ? entries : index?.of(key),
          acronym: cap && isAcronym(text, i, j, n),
        });
      }
      i = j;
      continue;
    }
    let s = text.slice(i, j);
    i = j;
    const apostrophe = s.includes("'");
    // l'Arcom → l' + Arcom; Trump's → Trump + 's
    const elided = apostrophe ? ELISION.exec(s) : null;
    if (elided && s.length > elided[0].length) {
      piece(start, s.slice(0, elided[0].length));
      start += elided[0].length;
      s = s.slice(elided[0].length);
    }
    // (The patterns run only on the words that can match them: most joined words are « l'… », « d'… », « qu'… ».)
    const possessive = apostrophe && endsWithPossessive(s) ? POSSESSIVE.exec(s) : null;
    if (possessive) {
      const length = possessive[1]!.length;
      piece(start, s.slice(0, length));
      piece(start + length, s.slice(length));
      continue;
    }
    const inversion = s.includes('-') ? INVERSION.exec(s) : null;
    if (inversion && !UPPER.test(s)) {
      const verb = inversion[1]!.length;
      piece(start, s.slice(0, verb));
      piece(start + s.length - inversion[2]!.length, s.slice(s.length - inversion[2]!.length), true);
      continue;
    }
    piece(start, s);
  }
  return out;
}

/**
 * The look-up key of a token's text `s`, which stands at `at` in the text: lower case, and for the few French words
 * that folding merges with another (« à », « où », « là », « dès »), the accent read from the unfolded text.
 */
function keyOf(s: string, at: number, original: string | undefined): string {
  const key = s.toLowerCase();
  return (original !== undefined && isFoldedAccented(key, 0, key.length) && accentedKey(original, at, at + s.length)) || key;
}

/** The key of original[i, j) when it is one of ACCENTED, in any case; undefined otherwise (most often: no accent there). */
function accentedKey(original: string, i: number, j: number): string | undefined {
  let accent = false;
  for (let k = i; k < j; k++) if (original.charCodeAt(k) > 127) accent = true;
  if (!accent) return undefined;
  const o = original.slice(i, j).toLowerCase();
  return ACCENTED.has(o) ? o : undefined;
}

/** FOLDED_ACCENTED's words as character codes: isFoldedAccented compares a word's characters without making a string. */
const FOLDED_ACCENTED_CODES = [...FOLDED_ACCENTED].map((w) => Array.from(w, (ch) => ch.charCodeAt(0)));

/** Whether text[i, j) is, in any case, one of FOLDED_ACCENTED. */
function isFoldedAccented(text: string, i: number, j: number): boolean {
  next: for (const codes of FOLDED_ACCENTED_CODES) {
    if (codes.length !== j - i) continue;
    for (let k = 0; k < codes.length; k++) if ((text.charCodeAt(i + k) | 32) !== codes[k]) continue next;
    return true;
  }
  return false;
}

// (A module constant: the bundler writes a regular expression with \p{…} outside brackets as `new RegExp(…)`, which a
// function would build again at each call.)
const INITIAL = /^\p{Lu}\.$/u;
const INNER_DOT = /\p{L}\.\p{L}/u;

const WEB_ADDRESS_END = /\.(?:com|org|net|fr|uk|ca|de|io|tv)\.$/i;

function isStopPart(s: string, keepsStop: KeepsStop): boolean {
  // An initial ("J.") or an abbreviation with inner dots ("U.S."), or a listed one ("Mr.", "Gen.").
  // (Not after a web address: "ouest-france.fr." ends the sentence.)
  return INITIAL.test(s) || (INNER_DOT.test(s) && !WEB_ADDRESS_END.test(s)) || keepsStop(s.toLowerCase());
}

/**
 * Whether the capitalised word at [i, j) is in capitals or dotted capitals ("FBI", "F.A.A."): its second letter is one.
 * (Nothing is read from `end` on, where the text tokenized ends.)
 */
function isAcronym(text: string, i: number, j: number, end: number): boolean {
  if (j - i < 2) return false;
  const second = text.charCodeAt(i + 1) === 46 ? (i + 2 < end ? text.charCodeAt(i + 2) : NaN) : text.charCodeAt(i + 1);
  return second >= 65 && second <= 90;
}
