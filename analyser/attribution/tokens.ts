// Words and punctuation of a sentence, with their offsets: the attribution grammar reads tokens, not characters.
// The input is folded text (analyser/text.ts: no accents, straight quotes and apostrophes, plain dashes), so the
// offsets are those of the page text.

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
  /** Written in capitals or with dots between capitals ("FBI", "F.A.A."): an organisation's initials. */
  acronym?: boolean;
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

export function tokenize(text: string, base = 0, keepsStop: KeepsStop = () => false, original?: string): Token[] {
  const out: Token[] = [];
  const push = (start: number, end: number, inverted?: boolean) => {
    const s = text.slice(start - base, end - base);
    const word = isWordChar(s.charCodeAt(0));
    let key = s.toLowerCase();
    if (original && FOLDED_ACCENTED.has(key)) {
      const o = original.slice(start - base, end - base).toLowerCase();
      if (ACCENTED.has(o)) key = o;
    }
    // « al-Arab », « ben Salmane »: a lower-case particle before a capital is part of a name.
    const c = s.charCodeAt(0);
    const cap = word && ((c >= 65 && c <= 90) || (c > 127 && UPPER.test(s)) || (c >= 97 && key.length > 3 && PARTICLE_NAME.test(s)));
    const token: Token = { start, end, key, word, cap };
    if (inverted) token.inverted = true;
    if (cap && s.length > 1) {
      const second = s.charCodeAt(1) === 46 ? s.charCodeAt(2) : s.charCodeAt(1);
      if (second >= 65 && second <= 90) token.acronym = true;
    }
    out.push(token);
  };
  // A scan by character codes (a regular expression per token cost a tenth of an analysis on long pages).
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c < 32 && c !== 0) || (c > 127 && SPACE.test(text[i]!))) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      push(base + i, base + i + 1);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordChar(d)) j++;
      else if ((d === 45 || d === 39 || d === 46) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    // A full stop after the word belongs to it only in an abbreviation or an initial ("Mr.", "J.", "U.S.").
    if (j < n && text.charCodeAt(j) === 46 && isStopPart(text.slice(i, j + 1), keepsStop)) j++;
    let s = text.slice(i, j);
    let start = base + i;
    i = j;
    // Most words hold neither an apostrophe nor a hyphen: no further test for them.
    const apostrophe = s.includes("'");
    if (!apostrophe && !s.includes('-')) {
      push(start, start + s.length);
      continue;
    }
    // l'Arcom → l' + Arcom; Trump's → Trump + 's
    const elided = apostrophe ? ELISION.exec(s) : null;
    if (elided && s.length > elided[0].length) {
      push(start, start + elided[0].length);
      start += elided[0].length;
      s = s.slice(elided[0].length);
    }
    const possessive = apostrophe ? /^(.+)'s$/i.exec(s) : null;
    if (possessive) {
      push(start, start + possessive[1]!.length);
      push(start + possessive[1]!.length, start + s.length);
      continue;
    }
    const inversion = INVERSION.exec(s);
    if (inversion && !UPPER.test(s)) {
      const verb = inversion[1]!.length;
      push(start, start + verb);
      push(start + s.length - inversion[2]!.length, start + s.length, true);
      continue;
    }
    push(start, start + s.length);
  }
  return out;
}

function isStopPart(s: string, keepsStop: KeepsStop): boolean {
  // An initial ("J.") or an abbreviation with inner dots ("U.S."), or a listed one ("Mr.", "Gen.").
  // (Not after a web address: "ouest-france.fr." ends the sentence.)
  return /^\p{Lu}\.$/u.test(s) || (/\p{L}\.\p{L}/u.test(s) && !/\.(?:com|org|net|fr|uk|ca|de|io|tv)\.$/i.test(s)) || keepsStop(s.toLowerCase());
}
