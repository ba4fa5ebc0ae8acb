// Text folding for matching: accents, typographic quotes, apostrophes, dashes and odd spaces are
// mapped to plain ASCII one code unit for one code unit, so that offsets in the folded text are
// offsets in the page text. Case is kept (rules choose case sensitivity).

const TABLE = buildTable(true);
const TYPOGRAPHY_TABLE = buildTable(false);

function buildTable(accents: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  const set = (chars: string, to: string) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = to.charCodeAt(0);
  };
  // Latin letters with diacritics → base letter (Latin-1 Supplement, Extended-A/B, Extended Additional).
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of accents ? ranges : []) {
    for (let c = from; c <= to; c++) {
      const base = String.fromCharCode(c).normalize('NFD').charCodeAt(0);
      if (base < 0x80 && /[A-Za-z]/.test(String.fromCharCode(base))) table[c] = base;
    }
  }
  set('\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4\u0060', "'");
  set('\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u2039\u203a', '"');
  set('\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t', ' ');
  set('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-');
  set('\u2026', '.');
  if (!accents) return table;
  set('\u00e6', 'a');
  set('\u0153', 'o');
  set('\u00c6', 'A');
  set('\u0152', 'O');
  set('\u00df', 's');
  return table;
}

/** Folds text for matching; `fold(s).length === s.length` always. */
export function fold(s: string): string {
  return foldWith(TABLE, s);
}

/** Folds quotes, apostrophes, dashes and spaces but keeps accents. */
export function foldTypography(s: string): string {
  return foldWith(TYPOGRAPHY_TABLE, s);
}

/**
 * Folds through a table. When every folded character is Latin-1 (nearly always once accents are folded), the
 * result is built as a one-byte string: V8 keeps a string two-byte when it comes from a two-byte one (any page text
 * with an accent or a curly quote), even if every character left is ASCII, and the Unicode property classes of the
 * rule patterns (\p{Lu}, \p{L}) run ten to twenty times slower on two-byte strings.
 */
function foldWith(table: Uint16Array, s: string): string {
  const n = s.length;
  const bytes = new Uint8Array(n);
  let high = 0;
  for (let i = 0; i < n; i++) {
    const f = table[s.charCodeAt(i)]!;
    high |= f;
    bytes[i] = f;
  }
  return high > 0xff ? foldInPlace(table, s) : latin1(bytes, high);
}

/** The same text, as a one-byte string when all its characters are Latin-1. */
export function oneByte(s: string): string {
  const n = s.length;
  const bytes = new Uint8Array(n);
  let high = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    high |= c;
    bytes[i] = c;
  }
  return latin1(bytes, high);
}

const ascii = typeof TextDecoder === 'function' ? new TextDecoder() : null;
const windows1252 = typeof TextDecoder === 'function' ? new TextDecoder('windows-1252') : null;
const CHUNK = 8192;

function hasC1(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 && bytes[i]! <= 0x9f) return true;
  return false;
}

/** A one-byte string from Latin-1 code units; `high` is all of them or-ed together. */
function latin1(bytes: Uint8Array, high: number): string {
  // Decoders make one-byte strings and are fast: UTF-8 is exact for ASCII, windows-1252 for Latin-1 outside 0x80–0x9f.
  if (ascii && high < 0x80) return ascii.decode(bytes);
  if (windows1252 && !hasC1(bytes)) return windows1252.decode(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

function foldInPlace(table: Uint16Array, s: string): string {
  let out = '';
  let runStart = 0;
  // Copy untouched runs in slices: most text is plain ASCII.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = table[c]!;
    if (f !== c) {
      out += s.slice(runStart, i) + String.fromCharCode(f);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}
