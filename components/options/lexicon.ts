// The words a user adds to the attribution grammar live in their pack's `lexicon` field, per language and list.
// These pure functions change it: add typed words (leaving out those the grammar already knows), remove one, merge
// an imported pack's words. Words are compared as the grammar matches them: case, accents and apostrophes ignored.
import generated from '../../rules/lexicon/generated.json';
import { EXTENSIBLE_LISTS, type ExtensibleList } from '../../analyser/attribution/lists';
import { fold } from '../../analyser/text';
import type { RulePack } from '../../rules/schema';
import type { MessageKey } from '../i18n';

export type PackLexicon = RulePack['lexicon'];
export type LexiconLang = 'fr' | 'en';
export const LEXICON_LANGS: readonly LexiconLang[] = ['fr', 'en'];

export interface LexiconEntry {
  lang: LexiconLang;
  list: ExtensibleList;
  word: string;
}

const BUILTIN = generated as unknown as Record<LexiconLang, { lists: Record<string, string[]> }>;

/** A word as the grammar compares it. */
export const wordKey = (word: string) => fold(word).toLowerCase().replace(/\s+/g, ' ').trim();

/** The words typed in a box, one per line: trimmed, blank lines left out, each once. */
export function typedWords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (!word || seen.has(wordKey(word))) continue;
    seen.add(wordKey(word));
    out.push(word);
  }
  return out;
}

/** Whether the built-in lexicon's list already holds the word. */
export function builtinKnows(lang: LexiconLang, list: ExtensibleList, word: string): boolean {
  const key = wordKey(word);
  return (BUILTIN[lang]?.lists[list] ?? []).some((w) => wordKey(w) === key);
}

/** The lexicon with `words` added to one list; words the grammar or the user already has are listed as `known`. */
export function addWords(
  lexicon: PackLexicon,
  lang: LexiconLang,
  list: ExtensibleList,
  words: string[],
): { lexicon: PackLexicon; added: string[]; known: string[] } {
  const current = lexicon[lang]?.[list] ?? [];
  const have = new Set(current.map(wordKey));
  const added: string[] = [];
  const known: string[] = [];
  for (const word of words) {
    const key = wordKey(word);
    if (have.has(key) || builtinKnows(lang, list, word)) known.push(word);
    else {
      have.add(key);
      added.push(word);
    }
  }
  if (!added.length) return { lexicon, added, known };
  return { lexicon: { ...lexicon, [lang]: { ...lexicon[lang], [list]: [...current, ...added] } }, added, known };
}

/** The lexicon without one word; a list or language left empty is dropped. */
export function removeWord(lexicon: PackLexicon, lang: LexiconLang, list: ExtensibleList, word: string): PackLexicon {
  const lists = { ...lexicon[lang] };
  const left = (lists[list] ?? []).filter((w) => w !== word);
  if (left.length) lists[list] = left;
  else delete lists[list];
  const out = { ...lexicon };
  if (Object.keys(lists).length) out[lang] = lists;
  else delete out[lang];
  return out;
}

/** Every word of a lexicon, language by language, in the order of the lists. */
export function lexiconEntries(lexicon: PackLexicon): LexiconEntry[] {
  return LEXICON_LANGS.flatMap((lang) => EXTENSIBLE_LISTS.flatMap((list) => (lexicon[lang]?.[list] ?? []).map((word) => ({ lang, list, word }))));
}

/** The user's words plus an imported pack's (each word once per list). */
export function mergeLexicons(mine: PackLexicon, imported: PackLexicon): { lexicon: PackLexicon; added: LexiconEntry[] } {
  let lexicon = mine;
  const added: LexiconEntry[] = [];
  for (const lang of LEXICON_LANGS) {
    for (const list of EXTENSIBLE_LISTS) {
      const words = imported[lang]?.[list] ?? [];
      const have = new Set((lexicon[lang]?.[list] ?? []).map(wordKey));
      const fresh = words.filter((w) => !have.has(wordKey(w)) && have.add(wordKey(w)));
      if (!fresh.length) continue;
      lexicon = { ...lexicon, [lang]: { ...lexicon[lang], [list]: [...(lexicon[lang]?.[list] ?? []), ...fresh] } };
      added.push(...fresh.map((word) => ({ lang, list, word })));
    }
  }
  return { lexicon, added };
}

/** The message key of a list's name (`speech-verbs` → `options_list_speech_verbs`). */
export const listKey = (list: ExtensibleList) => `options_list_${list.replace(/-/g, '_')}` as MessageKey;
