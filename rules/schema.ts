// The rule pack format: built-in packs (rules/packs/*.json) and users' packs share it.
// Validation errors name the rule and the field, so a trainer writing a pack by hand can fix it.
// zod/mini: the same validation as zod with a fraction of the size (the content script carries it).
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { SENTENCE_CATEGORIES } from '../analyser/taxonomy';
import { QUALIFIERS } from '../analyser/report';
import { GRAMMAR_KINDS } from '../analyser/attribution/kinds';
import { EXTENSIBLE_LISTS, type ExtensibleList } from '../analyser/attribution/lists';

// zod/mini ships no messages: English ones for the CLI, tests and hand-written packs (the options page
// switches to the UI language, components/options/errors.ts).
z.config(english());

export const PACK_SCHEMA_VERSION = 1;

const ruleId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and dashes, e.g. "fr-anonymous-nos-sources"'));

/** `{{name}}` in a pattern stands for the pack's vocabulary entry `name`. */
export const VOCABULARY_REF = /\{\{([a-zA-Z][\w-]*)\}\}/g;

export const ruleSchema = z.strictObject({
  id: ruleId,
  category: z.enum(SENTENCE_CATEGORIES),
  lang: z.enum(['fr', 'en', 'any']),
  /**
   * Regular expressions (JavaScript syntax, without slashes). The whole match is the marker shown to
   * the reader. Matching ignores accents and typographic variants (’ ' « » " and non-breaking spaces);
   * it ignores case unless `caseSensitive` is set. A named group `(?<who>…)` captures the speaker or outlet.
   */
  patterns: z._default(z.array(z.string().check(z.minLength(1, 'a pattern cannot be empty'))), []),
  /**
   * The attributions the grammar finds (analyser/attribution) whose source is of this kind take this rule's id,
   * weight and wording: `named`, `refers-back`, `anonymous`, `vague`, `relay`, `self` or `document`. Such a rule
   * needs no patterns.
   */
  grammar: z.optional(z.enum(GRAMMAR_KINDS)),
  /** When one of these matches the sentence that holds the marker, the marker is not reported. */
  unless: z._default(z.array(z.string().check(z.minLength(1))), []),
  caseSensitive: z._default(z.boolean(), false),
  /**
   * Match with accents kept (typographic variants are still folded): for the French conditional, where
   * « espérait » (imperfect) and « espérerait » (conditional) differ only by an accent before -rait.
   */
  accentSensitive: z._default(z.boolean(), false),
  /**
   * Inside quoted speech a marker is the speaker's words, not the journalist's: skipped by default.
   * `keep` for markers that attribute the quote itself (« a déclaré X »).
   */
  inQuotes: z._default(z.enum(['skip', 'keep']), 'skip'),
  /** Points one finding of this rule adds to (positive) or takes from (negative) the score, before diminishing returns. */
  weight: z.number().check(z.gte(-20), z.lte(20)),
  qualifiers: z._default(z.array(z.enum(QUALIFIERS)), []),
  /**
   * A pronoun or role attribution (« a-t-il ajouté », "he said") that belongs to the last named source:
   * reported only when one came before, with that source as `who`.
   */
  refersBack: z._default(z.boolean(), false),
  /**
   * Who the `(?<who>…)` group must be: `this-site` for an outlet citing itself (« TMZ has learned » on
   * TMZ), `other-site` for a relay that is only a relay when the outlet is another one, `known-outlet`
   * for a name the article has already introduced as an outlet (« le journal al-Arab » … « souligne al-Arab »).
   */
  whoIs: z._default(z.enum(['anyone', 'this-site', 'other-site', 'known-outlet']), 'anyone'),
  /** One or two sentences for a reader, in the rule's language. */
  explanation: z.string().check(z.minLength(10, 'explain the rule to a reader in a sentence')),
  /** The longer explanation for a trainer: why it matters, what good practice looks like. */
  trainerNote: z.string().check(z.minLength(10, 'give the trainer a longer explanation')),
  examples: z.object({
    match: z.array(z.string().check(z.minLength(1))).check(z.minLength(1, 'give at least one sentence the rule must match')),
    noMatch: z._default(z.array(z.string().check(z.minLength(1))), []),
  }),
  enabled: z._default(z.boolean(), true),
});
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

export const packSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    schemaVersion: z.literal(PACK_SCHEMA_VERSION),
    id: ruleId,
    name: z.string().check(z.minLength(1)),
    description: z._default(z.string(), ''),
    /**
     * Entries added to the attribution grammar's lexicons, per language and list (rules/lexicon/README.md): a
     * speech verb by its lemma, an outlet, a role, a title… `{ "fr": { "speech-verbs": ["pérorer"] } }`.
     */
    lexicon: z._default(
      z.partialRecord(z.enum(['fr', 'en']), z.partialRecord(z.enum(EXTENSIBLE_LISTS), z.array(z.string().check(z.minLength(1), z.maxLength(80))))),
      {},
    ),
    /** Reusable pattern fragments, referenced as `{{name}}` in patterns and in other entries. */
    vocabulary: z._default(z.record(z.string().check(z.regex(/^[a-zA-Z][\w-]*$/)), z.string()), {}),
    rules: z.array(ruleSchema),
  })
  .check(
    z.superRefine((pack, ctx) => {
      for (const [lang, lists] of Object.entries(pack.lexicon) as Array<[LexiconLang, Partial<Record<ExtensibleList, string[]>>]>) {
        for (const [list, entries] of Object.entries(lists) as Array<[ExtensibleList, string[]]>) {
          entries.forEach((entry, i) => {
            const problem = lexiconEntryProblem(entry, lang, list);
            if (problem) ctx.addIssue({ code: 'custom', path: ['lexicon', lang, list, i], message: problem });
          });
        }
      }
      const seen = new Set<string>();
      pack.rules.forEach((rule, i) => {
        if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
        seen.add(rule.id);
        if (!rule.grammar && !rule.patterns.length)
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'patterns'], message: 'a rule needs at least one pattern' });
        const check = (list: string[], field: 'patterns' | 'unless') =>
          list.forEach((source, j) => {
            const problem = patternProblem(source, pack.vocabulary);
            if (problem) ctx.addIssue({ code: 'custom', path: ['rules', i, field, j], message: problem });
          });
        check(rule.patterns, 'patterns');
        check(rule.unless, 'unless');
      });
    }),
  );
export type RulePack = z.infer<typeof packSchema>;
export type RulePackInput = z.input<typeof packSchema>;

type LexiconLang = 'fr' | 'en';
const VERB_LISTS: ReadonlySet<ExtensibleList> = new Set(['speech-verbs', 'finding-verbs', 'relay-verbs']);

/**
 * Why a lexicon entry cannot join the grammar, or null. An entry is matched word for word (rules/lexicon/README.md),
 * so regular-expression signs or several entries on one line would silently match nothing; a French verb is
 * conjugated from its infinitive, so an inflected form would be conjugated wrong.
 */
export function lexiconEntryProblem(entry: string, lang: LexiconLang, list: ExtensibleList): string | null {
  const word = entry.trim();
  if (!/\p{L}/u.test(word)) return 'an entry needs at least one letter';
  if (/[\\^$*+?()[\]{}|<>/=_~`",;:#%@\n\r\t]/.test(word)) return 'write the word or phrase itself, one per line, without regular-expression signs';
  if (lang === 'fr' && VERB_LISTS.has(list)) {
    const verb = word
      .toLowerCase()
      .replace(/^s(?:e |'|’)/, '')
      .split(/\s+/)[0]!
      .normalize('NFD')
      .replace(/\p{M}/gu, '');
    // Infinitives end in -er, -ir or -re; a form in -are, -ere, -ore is a present (« pérore », « déclare »), bar clore.
    if (!/(?:er|ir|re)$/.test(verb) || (/[aeo]re$/.test(verb) && !/^(?:e|en)?clore$/.test(verb)))
      return 'give the verb by its infinitive ("pérorer", not "pérore")';
  }
  return null;
}

/** Expands `{{name}}` references; throws on an unknown name or a reference loop. */
export function expandVocabulary(source: string, vocabulary: Record<string, string>, depth = 0): string {
  if (depth > 8) throw new Error('vocabulary references nest too deep (a loop?)');
  return source.replace(VOCABULARY_REF, (_, name: string) => {
    const entry = vocabulary[name];
    if (entry === undefined) throw new Error(`unknown vocabulary entry {{${name}}}`);
    return `(?:${expandVocabulary(entry, vocabulary, depth + 1)})`;
  });
}

/** Why a pattern cannot be used, or null. */
export function patternProblem(source: string, vocabulary: Record<string, string>): string | null {
  let expanded: string;
  try {
    expanded = expandVocabulary(source, vocabulary);
  } catch (e) {
    return (e as Error).message;
  }
  try {
    new RegExp(expanded, 'gu');
  } catch (e) {
    return `not a valid regular expression: ${(e as Error).message}`;
  }
  return null;
}

/** Human-readable errors: `rule "fr-x" (rules[3]) › patterns[0]: not a valid regular expression`. */
export function describePackErrors(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }, input: unknown): string[] {
  const rules = (input as { rules?: Array<{ id?: unknown }> } | null)?.rules;
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let where: string;
    if (path[0] === 'rules' && typeof path[1] === 'number') {
      const index = path[1];
      const id = Array.isArray(rules) && typeof rules[index]?.id === 'string' ? `rule "${rules[index]!.id}"` : 'rule';
      const field = path
        .slice(2)
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      where = `${id} (rules[${index}])${field ? ` › ${field}` : ''}`;
    } else {
      where = path.length ? path.map(String).join('.') : 'pack';
    }
    return `${where}: ${issue.message}`;
  });
}

export type PackResult = { ok: true; pack: RulePack } | { ok: false; errors: string[] };

export function parsePack(input: unknown): PackResult {
  const result = packSchema.safeParse(input);
  return result.success ? { ok: true, pack: result.data } : { ok: false, errors: describePackErrors(result.error, input) };
}
