// The article's language: what the page declares (<html lang>, Content-Language, og:locale), checked
// against the text itself with a count of common function words. The text wins when the page declares
// nothing, declares another language, or plainly contradicts it (a French article on a page marked
// lang="en" by its template).
import type { Lang } from './taxonomy';

/** Frequent words that are unambiguous between the two languages ("a", "on", "an", "est" are left out or kept where safe). */
const FR_WORDS = new Set(
  'le la les des du de et est une un dans pour que qui pas sur au aux avec ce cette ces il elle ils elles ont sont été selon par mais leur leurs plus nous vous ne se sa ses où aussi être fait comme après entre depuis contre sans sous lors déjà avait était'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the and of to is in that was for with as are by it he she they said from at has have were this which be not but his her their who been will would had its after than about into over also more when there what'.split(
    ' ',
  ),
);

/** Below this many function words, the text is too short to overrule the page. */
const MIN_EVIDENCE = 8;
/** The text contradicts the page when the other language's words outnumber its own this many times. */
const CLEAR_MAJORITY = 3;

export interface LanguageEvidence {
  declared: Lang | 'other' | null;
  fr: number;
  en: number;
}

/** The longest word of either list: a longer run of letters is none of them. */
const LONGEST = Math.max(...[...FR_WORDS, ...EN_WORDS].map((w) => w.length));
/** Per UTF-16 code unit: 1 for a letter (\p{L}), 2 for any other character, 0 until asked. */
const LETTERS = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  let known = LETTERS[c]!;
  if (known === 0) LETTERS[c] = known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** Counts French and English function words in (the first 20,000 characters of) the text. */
export function countLanguageWords(text: string): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  const sample = (text.length > 20_000 ? text.slice(0, 20_000) : text).toLowerCase();
  // The runs of letters (\p{L}+), found by a scan of character codes rather than a match object per word; a letter
  // written with two code units (outside the Basic Multilingual Plane) is read as one, as the regular expression does.
  const n = sample.length;
  let i = 0;
  while (i < n) {
    const start = i;
    for (;;) {
      if (i < n && isLetter(sample, i)) i++;
      else if (i + 1 < n && isSurrogatePair(sample, i) && LETTER.test(sample.slice(i, i + 2))) i += 2;
      else break;
    }
    if (i === start) {
      i += i + 1 < n && isSurrogatePair(sample, i) ? 2 : 1;
      continue;
    }
    if (i - start > LONGEST) continue;
    const w = sample.slice(start, i);
    if (FR_WORDS.has(w)) fr++;
    else if (EN_WORDS.has(w)) en++;
  }
  return { fr, en };
}

function isSurrogatePair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
}

/** The language the page declares: <html lang>, then Content-Language, then og:locale. */
export function declaredLanguage(doc: Document | null): Lang | 'other' | null {
  if (!doc) return null;
  // In order, the page's <meta> read only when <html> declares nothing.
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content');
  const candidates = [
    () => doc.documentElement?.getAttribute('lang'),
    () => doc.documentElement?.getAttribute('xml:lang'),
    () => meta('meta[http-equiv="content-language" i]'),
    () => meta('meta[property="og:locale"]'),
  ];
  for (const candidate of candidates) {
    const code = candidate()
      ?.trim()
      .toLowerCase()
      .split(/[-_,\s]/)[0];
    if (!code) continue;
    return code === 'fr' || code === 'en' ? code : 'other';
  }
  return null;
}

export function languageEvidence(doc: Document | null, text: string): LanguageEvidence {
  return { declared: declaredLanguage(doc), ...countLanguageWords(text || doc?.title || '') };
}

export function detectLanguage(doc: Document | null, text: string): Lang {
  const { declared, fr, en } = languageEvidence(doc, text);
  const enough = fr + en >= MIN_EVIDENCE;
  if (declared === 'fr' || declared === 'en') {
    const own = declared === 'fr' ? fr : en;
    const other = declared === 'fr' ? en : fr;
    if (enough && other >= CLEAR_MAJORITY * Math.max(own, 1)) return declared === 'fr' ? 'en' : 'fr';
    return declared;
  }
  if (fr === en) return 'fr'; // nothing to go on: Sourcier is French first
  return fr > en ? 'fr' : 'en';
}
