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

function foldWith(table: Uint16Array, s: string): string {
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
