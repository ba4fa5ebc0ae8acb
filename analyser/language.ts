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

/** Counts French and English function words in (the first 20,000 characters of) the text. */
export function countLanguageWords(text: string): { fr: number; en: number } {
  let fr = 0;
  let en = 0;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (FR_WORDS.has(w)) fr++;
    else if (EN_WORDS.has(w)) en++;
  }
  return { fr, en };
}

/** The language the page declares: <html lang>, then Content-Language, then og:locale. */
export function declaredLanguage(doc: Document | null): Lang | 'other' | null {
  if (!doc) return null;
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'),
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content'),
  ];
  for (const raw of candidates) {
    const code = raw
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
