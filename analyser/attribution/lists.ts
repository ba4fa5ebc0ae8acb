// The names of the lexicons' lists (rules/lexicon/README.md), apart from the lexicons themselves so that the rule
// schema can name them without pulling the word lists into the content script.

/** The lists a text's words are looked up in, in the order of their bits in the lexicon's index (at most 32). */
const INDEXED = [
  'speech-verbs',
  'finding-verbs',
  'relay-verbs',
  'citing-verbs',
  'source-phrases',
  'opinion-phrases',
  'interview-phrases',
  'honorifics',
  'roles',
  'institutions',
  'anonymous-heads',
  'anonymous-modifiers',
  'vague-heads',
  'vague-quantifiers',
  'media-nouns',
  'outlets',
  'outlet-words',
  'document-nouns',
  'pronouns',
  'determiners-definite',
  'determiners-indefinite',
  'auxiliaries',
  'modals',
  'adverbs',
  'hearsay-adverbs',
  'clause-openers',
  'prepositions',
  'not-names',
  'time-words',
  'view-adjectives',
  'speech-nouns',
] as const;
/**
 * Lists the index of a text's words gives no bit to: those read only while the lexicon is built (the verbs' forms, what
 * a verb needs around it), and those asked about by key in a few places (a share after a vague head, an ordinal after an
 * article, a forecast…). Their WordSet answers from its own keys.
 */
const UNINDEXED = [
  'irregular-verbs',
  'past-only-verbs',
  'share-nouns',
  'ordinals',
  'negative-words',
  'approximators',
  'forecast-nouns',
  'verbs-seen-as',
  'verbs-needing-what',
  'verbs-needing-a-clause',
  'verbs-needing-a-speech-noun',
  'verbs-of-poll-answers',
  'light-verb-nouns',
  'view-nouns',
  'verbs-going-on',
  'verbs-of-reply',
  'verbs-of-coming-upon',
  'name-suffixes',
  'other-verbs',
  'passive-before',
  'verbs-before-infinitive',
  'adjectives-before-infinitive',
] as const;
/** The word lists a language has (rules/lexicon/README.md says what each holds). */
export const LIST_NAMES = [...INDEXED, ...UNINDEXED] as const;
export type ListName = (typeof LIST_NAMES)[number];
export const INDEXED_LIST_NAMES: readonly ListName[] = INDEXED;

/** The lists a reader's pack may add entries to. */
export const EXTENSIBLE_LISTS = [
  'speech-verbs',
  'finding-verbs',
  'relay-verbs',
  'source-phrases',
  'honorifics',
  'roles',
  'institutions',
  'anonymous-heads',
  'vague-heads',
  'media-nouns',
  'outlets',
  'document-nouns',
] as const satisfies readonly ListName[];
export type ExtensibleList = (typeof EXTENSIBLE_LISTS)[number];
export type LexiconAdditions = Partial<Record<ExtensibleList, string[]>>;
