// The lexicons of the attribution grammar, ready for look-ups: word lists as token sequences, and every inflected
// form of the cue verbs. Built once per language and per set of reader additions (a pack may add a verb, an
// outlet, a role, a title). The lists themselves are data: rules/lexicon/{fr,en}/*.txt, one entry per line,
// gathered into rules/lexicon/generated.json by `npm run lexicon`.
import generated from '../../rules/lexicon/generated.json';
import { fold } from '../text';
import type { Lang } from '../taxonomy';
import { englishForms, parseConjugation, regularFrenchForms, type Forms, type Tense } from './morphology';
import { tokenize, type KeepsStop, type Token } from './tokens';
import { LIST_NAMES, type ListName, type LexiconAdditions } from './lists';

export { EXTENSIBLE_LISTS, LIST_NAMES, type ExtensibleList, type LexiconAdditions, type ListName } from './lists';

/** What a cue verb says about its subject: any source speaks; documents (and bodies) find; outlets relay; one who cites names a source as its object. */
export type CueClass = 'speech' | 'finding' | 'relay' | 'cite';
const VERB_LISTS: Array<[ListName, CueClass]> = [
  ['speech-verbs', 'speech'],
  ['finding-verbs', 'finding'],
  ['relay-verbs', 'relay'],
  ['citing-verbs', 'cite'],
];

export interface VerbSense {
  /** The lexicon entry (« se féliciter », "point out"). */
  lemma: string;
  cls: CueClass;
  tense: Tense;
  /** Words that must follow the verb (« valoir » of « faire valoir », "out" of "point out"). */
  rest: string[];
  /** A French pronominal verb: « s'est félicité », « se défend ». */
  reflexive: boolean;
}

/** One list's entries as token sequences, for the longest match at a position. */
export class WordSet {
  private readonly byFirst = new Map<string, Array<{ keys: string[]; entry: string }>>();
  private readonly singles = new Set<string>();
  readonly size: number;

  constructor(entries: readonly string[], keepsStop: KeepsStop) {
    for (const entry of entries) {
      const keys = keysOf(entry, keepsStop);
      if (!keys.length) continue;
      if (keys.length === 1) this.singles.add(keys[0]!);
      const list = this.byFirst.get(keys[0]!) ?? [];
      list.push({ keys, entry });
      // Longest first: « chef d'état-major » before « chef ».
      list.sort((a, b) => b.keys.length - a.keys.length);
      this.byFirst.set(keys[0]!, list);
    }
    this.size = entries.length;
  }

  /** The entry that starts at token i (longest), or null. */
  at(tokens: readonly Token[], i: number, end = tokens.length): { entry: string; length: number } | null {
    const candidates = this.byFirst.get(tokens[i]?.key ?? '');
    if (!candidates) return null;
    for (const { keys, entry } of candidates) {
      if (i + keys.length > end) continue;
      let k = 1;
      while (k < keys.length && tokens[i + k]!.key === keys[k]) k++;
      if (k === keys.length) return { entry, length: k };
    }
    return null;
  }

  /** The keys an entry may start with. */
  firstKeys(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** A one-word entry equal to this key. */
  has(key: string): boolean {
    return this.singles.has(key);
  }
}

export interface Lexicon {
  lang: Lang;
  /** Folded, lower-case form → its senses. */
  verbs: Map<string, VerbSense[]>;
  lists: Record<ListName, WordSet>;
  keepsStop: KeepsStop;
  /** Keys where a frame may start reading (a cue's first word): other tokens are passed over at once. */
  cueStarts: Set<string>;
  /** Keys without one of which a sentence holds no attribution the grammar reads: it is not read at all. */
  triggers: Set<string>;
  /** First keys of the cue, opinion and interview phrases. */
  phraseStarts: Set<string>;
}

type GeneratedLang = { lists: Record<string, string[]>; conjugations?: Record<string, string> };
const GENERATED = generated as unknown as Record<Lang, GeneratedLang>;

/**
 * An entry's token keys, as the text's would be. An entry that ends with an elision (« l' », « proches d' ») is read
 * with a letter after it, as it stands in a text (« l'Arcom »), so that its last token is « l' » and not « l » + « ' ».
 */
function keysOf(entry: string, keepsStop: KeepsStop): string[] {
  const elided = /'$/.test(fold(entry));
  const text = elided ? entry + 'x' : entry;
  const keys = tokenize(fold(text), 0, keepsStop, text).map((t) => t.key);
  return elided ? keys.slice(0, -1) : keys;
}

const cache = new Map<string, Lexicon>();

/** The lexicon of a language, with a reader's additions (packs' `lexicon` fields) on top. */
export function lexiconFor(lang: Lang, additions: readonly LexiconAdditions[] = []): Lexicon {
  const key = lang + JSON.stringify(additions);
  let lexicon = cache.get(key);
  if (lexicon) return lexicon;
  const base = GENERATED[lang];
  const entries = (name: ListName): string[] => [
    ...(base.lists[name] ?? []),
    ...additions.flatMap((a) => (a as Partial<Record<ListName, string[]>>)[name] ?? []),
  ];
  // "Mr.", "M.", "Gen." keep their full stop: it does not end the sentence.
  const stops = new Set(
    entries('honorifics')
      .map((h) => fold(h).toLowerCase())
      .filter((h) => h.endsWith('.')),
  );
  const keepsStop: KeepsStop = (s) => stops.has(s);
  // An outlet is also named without its article: « le Washington Post », "the New York Times' report".
  const withoutArticle = (list: string[]) => [...list, ...list.map((o) => o.replace(/^(?:the|le|la|les) /i, '')).filter((o, k) => o !== list[k])];
  const lists = Object.fromEntries(
    LIST_NAMES.map((name) => [name, new WordSet(name === 'outlets' ? withoutArticle(entries(name)) : entries(name), keepsStop)]),
  ) as Record<ListName, WordSet>;
  const verbs = new Map<string, VerbSense[]>();
  const irregular = new Map<string, [string, string]>();
  for (const line of entries('irregular-verbs')) {
    const [lemma, past, participle] = line.toLowerCase().split(' ');
    if (lemma && past) irregular.set(lemma, [past, participle ?? past]);
  }
  const pastOnlyVerbs = new Set(entries('past-only-verbs').map((v) => fold(v).toLowerCase().trim()));
  for (const [list, cls] of VERB_LISTS) {
    for (const lemma of entries(list)) {
      const folded = fold(lemma).toLowerCase().trim();
      const reflexive = lang === 'fr' && /^s(?:e |')/.test(folded);
      const [verb] = folded.replace(/^s(?:e |')/, '').split(/\s+/);
      // The words after the verb keep their accents, like the text's keys (« appeler à »).
      const rest = lemma
        .toLowerCase()
        .trim()
        .replace(/^s(?:e |')/, '')
        .split(/\s+/)
        .slice(1);
      if (!verb) continue;
      let forms: Forms;
      if (lang === 'en') forms = englishForms(verb, irregular.get(verb));
      else {
        const table = base.conjugations?.[lemmaVerb(lemma)];
        forms = table ? { ...parseConjugation(table), infinitive: [verb] } : regularFrenchForms(verb);
      }
      // ("state": "the states" is a noun; "stated" is the verb.)
      const pastOnly = pastOnlyVerbs.has(verb);
      for (const [tense, list] of Object.entries(forms) as Array<[Tense, string[]]>) {
        if (pastOnly && tense !== 'past' && tense !== 'past-participle') continue;
        for (const form of list) {
          const k = fold(form).toLowerCase();
          const senses = verbs.get(k) ?? [];
          if (!senses.some((s) => s.lemma === lemma && s.tense === tense && s.cls === cls))
            senses.push({ lemma, cls, tense, rest: rest.flatMap((w) => keysOf(w, keepsStop)), reflexive });
          verbs.set(k, senses);
        }
      }
    }
  }
  const firsts = (...names: ListName[]) => names.flatMap((name) => [...lists[name].firstKeys()]);
  // In-document frames start at « dans » / "in"; outlets as agents at « par » / "by"; the colon frame at ':'.
  const cueStarts = new Set([
    ...verbs.keys(),
    ...firsts('source-phrases', 'opinion-phrases', 'interview-phrases'),
    'dans',
    'in',
    'via',
    'through',
    'par',
    'by',
    ':',
  ]);
  const triggers = new Set([
    ...verbs.keys(),
    ...firsts('source-phrases', 'opinion-phrases', 'interview-phrases', 'document-nouns', 'outlets', 'media-nouns'),
    ':',
  ]);
  const phraseStarts = new Set(firsts('source-phrases', 'opinion-phrases', 'interview-phrases'));
  lexicon = { lang, verbs, lists, keepsStop, cueStarts, triggers, phraseStarts };
  cache.set(key, lexicon);
  if (cache.size > 8) cache.delete(cache.keys().next().value!);
  return lexicon;
}

/** The verb of a French entry as the build conjugated it (« se féliciter » → féliciter), accents kept. */
function lemmaVerb(entry: string): string {
  return entry
    .toLowerCase()
    .replace(/^s(?:e |')/, '')
    .split(' ')[0]!;
}
