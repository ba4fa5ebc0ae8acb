// The lexicons of the attribution grammar, ready for look-ups: word lists as token sequences, and every inflected
// form of the cue verbs. Built once per language and per set of reader additions (a pack may add a verb, an
// outlet, a role, a title). The lists themselves are data: rules/lexicon/{fr,en}/*.txt, one entry per line,
// gathered into rules/lexicon/generated.json by `npm run lexicon`.
import generated from '../../rules/lexicon/generated.json';
import { fold } from '../text';
import type { Lang } from '../taxonomy';
import { englishForms, parseConjugation, regularFrenchForms, type Forms, type Tense } from './morphology';
import { tokenize, type KeepsStop, type Token } from './tokens';
import { INDEXED_LIST_NAMES, LIST_NAMES, type ListName, type LexiconAdditions } from './lists';

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
  /** What the verb needs around it to be words said (TRAIT bits, from the verbs-* lists). */
  traits: number;
}

/**
 * What a verb needs around it to be words said, each from a list of lemmas (rules/lexicon/{fr,en}/verbs-*.txt): a view
 * only with "as"; words only before what was said; going on speaking only next to a quotation; a reply that, negated,
 * says nobody spoke; coming upon something, which a person does without claiming anything; a wish or a knowledge only
 * before a clause ("wants Congress to act", « souhaite que »), not one's own plan ("wants to run"); a light verb only
 * with a noun of speech as its object ("offered a defense of", « a émis des réserves »); a poll's answer only with a
 * share of people as its subject ("60 percent approve", « 58 % des sondés approuvent »). And a present form
 * that is mostly a noun (past-only-verbs: "the states"), which is a verb only after a document ("the report states that").
 */
export const TRAIT = {
  seenAs: 1,
  needsWhat: 2,
  goesOn: 4,
  reply: 8,
  comesUpon: 16,
  nounLike: 32,
  needsClause: 64,
  needsSpeechNoun: 128,
  pollAnswer: 256,
} as const;
const TRAIT_LISTS: Array<[ListName, number]> = [
  ['verbs-seen-as', TRAIT.seenAs],
  ['verbs-needing-what', TRAIT.needsWhat],
  ['verbs-needing-a-clause', TRAIT.needsClause],
  ['verbs-needing-a-speech-noun', TRAIT.needsSpeechNoun],
  ['verbs-of-poll-answers', TRAIT.pollAnswer],
  ['verbs-going-on', TRAIT.goesOn],
  ['verbs-of-reply', TRAIT.reply],
  ['verbs-of-coming-upon', TRAIT.comesUpon],
];

/**
 * Each list's bit in WordEntries.starts and .singles: a list's slot in the lexicon's index is its place in
 * INDEXED_LIST_NAMES (lexiconFor builds the index in that order); a list read only while the lexicon is built has none (0).
 */
export const LIST_BIT = Object.fromEntries(LIST_NAMES.map((name) => [name, 0]).concat(INDEXED_LIST_NAMES.map((name, slot) => [name, 1 << slot]))) as Readonly<
  Record<ListName, number>
>;

/** LIST_BIT for a list named by a variable: a Map answers that faster than an object's keys. */
export const LIST_BIT_OF: ReadonlyMap<ListName, number> = new Map(Object.entries(LIST_BIT) as Array<[ListName, number]>);

/** The possessives of a body's own document (the `own-document` frame). */
export const OWN = ['its', 'their', 'son', 'sa', 'ses', 'leur', 'leurs'];

/** FNV-1a over a key's code units (WordIndex.find). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** An entry of a list, as token keys. */
interface ListEntry {
  keys: string[];
  entry: string;
}

/** One list's entries as token sequences, for the longest match at a position. */
export class WordSet {
  private readonly byFirst = new Map<string, ListEntry[]>();
  private readonly singles = new Set<string>();
  readonly size: number;
  /** The index of all the lexicon's lists (WordIndex), and this list's place in it; null until the lexicon is built. */
  private index: WordIndex | null = null;
  private slot = 0;

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
    const t = tokens[i];
    if (t === undefined) return null;
    // A token marked by this lexicon's index carries its entries; any other is looked up.
    const entries = t.entries;
    let candidates: ListEntry[] | undefined;
    if (entries !== undefined && entries.index === this.index) {
      entries.index.last = entries;
      // (Most questions find nothing: the bit says so without a look-up.)
      if ((entries.starts & (1 << this.slot)) === 0) return null;
      candidates = entries.byList![this.slot];
    } else candidates = this.byFirst.get(t.key);
    if (candidates === undefined) return null;
    for (let c = 0; c < candidates.length; c++) {
      const { keys, entry } = candidates[c]!;
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
    // The questions about a token come in runs (is it a name? a determiner? a preposition?): the last token's entries
    // answer without a look-up.
    const last = this.index?.last;
    if (last !== undefined && last.key === key) return (last.singles & (1 << this.slot)) !== 0;
    return this.singles.has(key);
  }

  /** The lists' entries by first key, for the index (WordIndex) of the lexicon this list is in. */
  attach(index: WordIndex, slot: number): { starts: Map<string, ListEntry[]>; singles: Set<string> } {
    this.index = index;
    this.slot = slot;
    return { starts: this.byFirst, singles: this.singles };
  }
}

/** What a lexicon lists under one token key: every list's entries that start with it, in one place. */
export interface WordEntries {
  readonly key: string;
  /** The index these come from (a token marked by another lexicon is looked up again). */
  readonly index: WordIndex;
  /** One bit per list (by its slot): an entry of the list starts with the key. */
  readonly starts: number;
  /** One bit per list (by its slot): a one-word entry equal to the key. */
  readonly singles: number;
  /** The key is one of the lexicon's triggers (Lexicon.triggers). */
  readonly trigger: boolean;
  /** The key is where a frame may start reading (Lexicon.cueStarts). */
  readonly cueStart: boolean;
  /** The key starts a cue, opinion or interview phrase (Lexicon.phraseStarts). */
  readonly phraseStart: boolean;
  /** The key is a form of a cue verb: its senses (Lexicon.verbs). */
  readonly verb: VerbSense[] | undefined;
  /** By list slot, the list's entries that start with the key (WordSet.at reads them without a look-up by key). */
  readonly byList: Array<ListEntry[] | undefined> | undefined;
}

/**
 * Every key of a lexicon's lists, with what each list holds under it. The tokenizer marks each token with its key's
 * entries (Token.entries): the many questions the frames ask about a token (a determiner? a listed noun? a name?) then
 * read its entries instead of looking the key up in one list after another.
 *
 * A word of the text is found from its characters (`find`), in a table of the keys' characters: a listed word then
 * needs no string of its own (its key is the lexicon's), which spares the tokenizer most of its allocations.
 */
export class WordIndex {
  private readonly byKey = new Map<string, WordEntries>();
  readonly none: WordEntries;
  /** The keys' characters end to end, where each key starts in them (and where the last ends), their entries in order. */
  private readonly chars: Uint16Array;
  private readonly offsets: Int32Array;
  private readonly list: WordEntries[] = [];
  /** Open addressing on the keys' hash: a key's number plus one, 0 where none. */
  private readonly table: Int32Array;
  /** The entries last read through a token (WordSet.has answers from them when asked about the same key). */
  last: WordEntries | undefined = undefined;
  /** The entries of the one-character ASCII keys (punctuation marks), by character code. */
  private readonly ascii: WordEntries[] = [];

  constructor(lists: readonly WordSet[], lexicon: Pick<Lexicon, 'triggers' | 'cueStarts' | 'phraseStarts' | 'verbs'>) {
    const blank = (key: string) => ({
      key,
      index: this,
      starts: 0,
      singles: 0,
      trigger: false,
      cueStart: false,
      phraseStart: false,
      verb: undefined as VerbSense[] | undefined,
      byList: undefined as Array<ListEntry[] | undefined> | undefined,
    });
    this.none = blank('');
    const entries = new Map<string, ReturnType<typeof blank>>();
    const of = (key: string) => {
      let e = entries.get(key);
      if (!e) entries.set(key, (e = blank(key)));
      return e;
    };
    // One bit per list in a 32-bit integer: a 33rd list needs another word of bits.
    if (lists.length > 32) throw new Error(`the lexicon index holds 32 lists, not ${lists.length}`);
    lists.forEach((list, slot) => {
      const { starts, singles } = list.attach(this, slot);
      for (const [key, candidates] of starts) {
        const e = of(key);
        e.starts |= 1 << slot;
        (e.byList ??= [])[slot] = candidates;
      }
      for (const key of singles) of(key).singles |= 1 << slot;
    });
    for (const key of lexicon.triggers) of(key).trigger = true;
    for (const key of lexicon.cueStarts) of(key).cueStart = true;
    for (const key of lexicon.phraseStarts) of(key).phraseStart = true;
    for (const [key, senses] of lexicon.verbs) of(key).verb = senses;
    let length = 0;
    for (const [key, e] of entries) {
      this.byKey.set(key, e);
      this.list.push(e);
      length += key.length;
    }
    this.chars = new Uint16Array(length);
    this.offsets = new Int32Array(this.list.length + 1);
    let size = 1024;
    while (size < this.list.length * 3) size *= 2;
    this.table = new Int32Array(size);
    let at = 0;
    this.list.forEach(({ key }, n) => {
      this.offsets[n] = at;
      let h = FNV_OFFSET;
      for (let k = 0; k < key.length; k++) {
        this.chars[at++] = key.charCodeAt(k);
        h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
      }
      let slot = h & (size - 1);
      while (this.table[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.table[slot] = n + 1;
    });
    this.offsets[this.list.length] = at;
    for (let c = 0; c < 128; c++) this.ascii.push(this.byKey.get(String.fromCharCode(c)) ?? this.none);
  }

  /**
   * What the lexicon lists under the word text[from, to), lower-cased, found from its characters: `none` when nothing;
   * undefined when the word holds a character other than ASCII (whose lower case this does not know: ask `of`).
   */
  find(text: string, from: number, to: number): WordEntries | undefined {
    return this.lookUp(text, from, to, 32);
  }

  /**
   * The characters text[from, to) looked up as they are (`lower` 0) or lower-cased (`lower` 32), in the table of the
   * keys' characters; undefined when one is not ASCII.
   */
  private lookUp(text: string, from: number, to: number, lower: number): WordEntries | undefined {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (c > 127) return undefined;
      if (c >= 65 && c <= 90) c += lower;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const { table, chars, offsets } = this;
    const mask = table.length - 1;
    const length = to - from;
    for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const n = table[slot]! - 1;
      const start = offsets[n]!;
      if (offsets[n + 1]! - start !== length) continue;
      let k = 0;
      while (k < length) {
        let c = text.charCodeAt(from + k);
        if (c >= 65 && c <= 90) c += lower;
        if (c !== chars[start + k]) break;
        k++;
      }
      if (k === length) return this.list[n]!;
    }
    return this.none;
  }

  /** What the lexicon lists under a key. */
  of(key: string): WordEntries {
    // (An ASCII key is found from its characters: a Map hashes a new string first, which cost more.)
    return this.lookUp(key, 0, key.length, 0) ?? this.byKey.get(key) ?? this.none;
  }

  /** What the lexicon lists under a key of one character (most are punctuation marks: a look-up in an array). */
  ofChar(key: string): WordEntries {
    const c = key.charCodeAt(0);
    return c < 128 ? this.ascii[c]! : this.of(key);
  }
}

export interface Lexicon {
  lang: Lang;
  /** Folded, lower-case form → its senses. */
  verbs: Map<string, VerbSense[]>;
  lists: Record<ListName, WordSet>;
  /** The same lists, for the look-ups whose list is a variable (SourceReader.at): a Map answers those faster than keys. */
  listByName: ReadonlyMap<ListName, WordSet>;
  keepsStop: KeepsStop;
  /** Keys where a frame may start reading (a cue's first word): other tokens are passed over at once. */
  cueStarts: Set<string>;
  /** Keys without one of which a sentence holds no attribution the grammar reads: it is not read at all. */
  triggers: Set<string>;
  /** First keys of the cue, opinion and interview phrases. */
  phraseStarts: Set<string>;
  /** Every list's keys in one index, to mark a sentence's tokens with their entries. */
  index: WordIndex;
  /** Lemma → the words after it that make it another verb (other-verbs: "swear in", "back down"), as token keys. */
  otherVerbs: Map<string, string[][]>;
  /** Lemma → the words that follow its object ("accuse … of"): right after the participle, a passive (passive-before). */
  passiveBefore: Map<string, string[][]>;
  /** Every form of the verbs whose infinitive keeps their subject's words (verbs-before-infinitive: "seemed to agree"). */
  leadsInfinitive: Set<string>;
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
  // "Mr.", "M.", "Gen.", and "Jr." after a name, keep their full stop: it does not end the sentence.
  const stops = new Set([...entries('honorifics'), ...entries('name-suffixes')].map((h) => fold(h).toLowerCase()).filter((h) => h.endsWith('.')));
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
  // `lemma | words` lines: the words as token keys, by lemma.
  const wordsAfter = (list: ListName) => {
    const map = new Map<string, string[][]>();
    for (const line of entries(list)) {
      const [lemma, words] = line.split('|').map((w) => w.trim().toLowerCase());
      if (lemma && words) map.set(lemma, [...(map.get(lemma) ?? []), keysOf(words, keepsStop)]);
    }
    return map;
  };
  const otherVerbs = wordsAfter('other-verbs');
  const passiveBefore = wordsAfter('passive-before');
  const traitsOf = new Map<string, number>();
  const lemmaKey = (lemma: string) => lemma.toLowerCase().trim();
  for (const [list, bit] of TRAIT_LISTS) for (const lemma of entries(list)) traitsOf.set(lemmaKey(lemma), (traitsOf.get(lemmaKey(lemma)) ?? 0) | bit);
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
      const traits = traitsOf.get(lemmaKey(lemma)) ?? 0;
      for (const [tense, list] of Object.entries(forms) as Array<[Tense, string[]]>) {
        // (Its third person is kept for a document's words, "the report states", and marked: TRAIT.nounLike. A past-only
        // verb that answers polls, "support", does so in its present only: in the past it is anyone's.)
        if (pastOnly && tense !== 'past' && tense !== 'past-participle' && tense !== 'present-participle' && tense !== 'present') continue;
        const nounLike = pastOnly && tense === 'present' ? TRAIT.nounLike : 0;
        // (Its plain present, "support", only for a poll's answer: "60 percent support the plan".)
        for (const form of nounLike && !(traits & TRAIT.pollAnswer) ? list.filter((f) => f.endsWith('s')) : list) {
          const k = fold(form).toLowerCase();
          const senses = verbs.get(k) ?? [];
          if (!senses.some((s) => s.lemma === lemma && s.tense === tense && s.cls === cls))
            senses.push({
              lemma,
              cls,
              tense,
              rest: rest.flatMap((w) => keysOf(w, keepsStop)),
              reflexive,
              traits: (pastOnly && !nounLike ? traits & ~TRAIT.pollAnswer : traits) | nounLike,
            });
          verbs.set(k, senses);
        }
      }
    }
  }
  // "seemed to agree", « semble admettre », « commence à dénoncer »: all the forms of these verbs, which are no cues.
  const leadsInfinitive = new Set<string>();
  for (const lemma of entries('verbs-before-infinitive')) {
    // ("go on": the forms of "go", each with "on": "went on to say".)
    const [verb = '', ...rest] = fold(lemma).toLowerCase().trim().split(/\s+/);
    const after = rest.length ? ' ' + rest.join(' ') : '';
    const table = lang === 'fr' ? base.conjugations?.[lemmaVerb(lemma)] : undefined;
    const forms = lang === 'en' ? englishForms(verb, irregular.get(verb)) : table ? parseConjugation(table) : regularFrenchForms(verb);
    for (const list of Object.values(forms) as string[][]) for (const form of list) leadsInfinitive.add(fold(form).toLowerCase() + after);
  }
  const firsts = (...names: ListName[]) => names.flatMap((name) => [...lists[name].firstKeys()]);
  // In-document frames start at « dans » / "in"; outlets as agents at « par » / "by"; the colon frame at ':'.
  const cueStarts = new Set([
    ...verbs.keys(),
    ...firsts('source-phrases', 'opinion-phrases', 'interview-phrases', 'view-adjectives', 'speech-nouns'),
    'dans',
    'in',
    'via',
    'through',
    'par',
    'by',
    ':',
    // A body's own document as its verb's object: « ses prévisions », "its forecast".
    ...OWN,
  ]);
  const triggers = new Set([
    ...verbs.keys(),
    ...firsts('source-phrases', 'opinion-phrases', 'interview-phrases', 'view-adjectives', 'speech-nouns', 'document-nouns', 'outlets', 'media-nouns'),
    ':',
  ]);
  const phraseStarts = new Set(firsts('source-phrases', 'opinion-phrases', 'interview-phrases'));
  const index = new WordIndex(
    INDEXED_LIST_NAMES.map((name) => lists[name]),
    { triggers, cueStarts, phraseStarts, verbs },
  );
  const listByName = new Map(Object.entries(lists) as Array<[ListName, WordSet]>);
  lexicon = { lang, verbs, lists, listByName, keepsStop, cueStarts, triggers, phraseStarts, index, otherVerbs, passiveBefore, leadsInfinitive };
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
