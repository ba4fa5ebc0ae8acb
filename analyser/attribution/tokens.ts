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
}

// A word: letters and digits, joined by inner hyphens, apostrophes or dots (« porte-parole », "O'Brien", "U.S.").
// An elided French article or pronoun (l', d', qu', s') is its own token, and so is the English possessive 's.
const TOKEN = /[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*\.?|\S/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'/i;
const INVERSION = /^(.+?)-(?:t-)?(il|elle|on|ils|elles)$/i;
const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;
const PARTICLE_NAME = /^(?:al|el|ad|ibn|bin|ben|abu|ould)-\p{Lu}/u;

/** Words that end with a full stop that belongs to them ("Mr.", "M.", "U.S.", "J."). */
export type KeepsStop = (wordWithStop: string) => boolean;

/**
 * French words that folding would merge with another (« à » with the auxiliary « a », « où » with « ou », « là » with
 * the article « la »): their key keeps the accent, read from the unfolded text.
 */
const ACCENTED = new Set(['à', 'où', 'là', 'dès']);

export function tokenize(text: string, base = 0, keepsStop: KeepsStop = () => false, original?: string): Token[] {
  const out: Token[] = [];
  const push = (start: number, end: number, inverted?: boolean) => {
    const s = text.slice(start - base, end - base);
    const word = LETTER.test(s[0]!);
    let key = s.toLowerCase();
    if (original && key.length <= 3) {
      const o = original.slice(start - base, end - base).toLowerCase();
      if (ACCENTED.has(o)) key = o;
    }
    // « al-Arab », « ben Salmane »: a lower-case particle before a capital is part of a name.
    const cap = word && (UPPER.test(s) || PARTICLE_NAME.test(s));
    out.push({ start, end, key, word, cap, ...(inverted ? { inverted } : {}) });
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let s = m[0];
    let start = base + m.index;
    if (s.length > 1 && s.endsWith('.') && !isStopPart(s, keepsStop)) {
      // The full stop ends the sentence, not the word.
      s = s.slice(0, -1);
      TOKEN.lastIndex--;
    }
    // l'Arcom → l' + Arcom; Trump's → Trump + 's
    const elided = ELISION.exec(s);
    if (elided && s.length > elided[0].length) {
      push(start, start + elided[0].length);
      start += elided[0].length;
      s = s.slice(elided[0].length);
    }
    const possessive = /^(.+)'s$/i.exec(s);
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
  return /^\p{Lu}\.$/u.test(s) || /\p{L}\.\p{L}/u.test(s) || keepsStop(s.toLowerCase());
}

/** Splits a lexicon entry into token keys, as tokenize would (« chef d'état-major » → chef, d', etat-major). */
export function entryKeys(entry: string, keepsStop?: KeepsStop): string[] {
  return tokenize(entry, 0, keepsStop ?? ((s) => s === entry.toLowerCase())).map((t) => t.key);
}
