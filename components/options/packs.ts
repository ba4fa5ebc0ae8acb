// The user's rules are one pack. These pure functions change it: add, replace, duplicate, delete a
// rule, start an override from a built-in rule, merge an imported pack. Rules refer to their pack's
// vocabulary by name, so rules that move between packs take the entries they use with them; an
// entry whose name is taken by a different fragment is renamed, never overwritten.
import { VOCABULARY_REF, type Rule, type RulePack } from '../../rules/schema';
import { mergeLexicons, type LexiconEntry } from './lexicon';

/** Vocabulary names a list of patterns uses, directly or through other entries. */
export function vocabularyUsed(patterns: string[], vocabulary: Record<string, string>): string[] {
  const used = new Set<string>();
  const visit = (source: string) => {
    for (const m of source.matchAll(new RegExp(VOCABULARY_REF.source, 'g'))) {
      const name = m[1]!;
      if (used.has(name)) continue;
      used.add(name);
      const entry = vocabulary[name];
      if (entry !== undefined) visit(entry);
    }
  };
  patterns.forEach(visit);
  return [...used];
}

function renameRefs(source: string, renamed: Map<string, string>): string {
  if (!renamed.size) return source;
  return source.replace(new RegExp(VOCABULARY_REF.source, 'g'), (whole, name: string) => {
    const to = renamed.get(name);
    return to ? `{{${to}}}` : whole;
  });
}

function freeName(base: string, taken: Set<string>): string {
  for (let i = 2; ; i++) {
    const name = `${base}${i}`;
    if (!taken.has(name)) return name;
  }
}

/**
 * Adds to `target` the vocabulary entries that `rules` use from `source`, and returns the rules
 * with their references renamed where an entry had to take a new name.
 */
export function bringVocabulary(
  target: Record<string, string>,
  source: Record<string, string>,
  rules: Rule[],
): { vocabulary: Record<string, string>; rules: Rule[]; renamed: Array<[string, string]> } {
  const names = vocabularyUsed(
    rules.flatMap((r) => [...r.patterns, ...r.unless]),
    source,
  ).filter((n) => source[n] !== undefined);
  const vocabulary = { ...target };
  const taken = new Set(Object.keys(vocabulary));
  const renamed = new Map<string, string>();
  for (const name of names) {
    if (vocabulary[name] === undefined) continue;
    if (vocabulary[name] !== source[name]) renamed.set(name, freeName(name, new Set([...taken, ...names])));
  }
  for (const name of names) {
    const to = renamed.get(name) ?? name;
    vocabulary[to] = renameRefs(source[name]!, renamed);
    taken.add(to);
  }
  const fix = (rule: Rule): Rule =>
    renamed.size ? { ...rule, patterns: rule.patterns.map((p) => renameRefs(p, renamed)), unless: rule.unless.map((p) => renameRefs(p, renamed)) } : rule;
  return { vocabulary, rules: rules.map(fix), renamed: [...renamed] };
}

/** Replaces the rule `previousId` (or adds it when absent) and keeps the list's order. */
export function upsertRule(pack: RulePack, rule: Rule, previousId: string = rule.id): RulePack {
  const index = pack.rules.findIndex((r) => r.id === previousId);
  const rules = pack.rules.filter((r, i) => i === index || r.id !== rule.id);
  const at = rules.findIndex((r) => r.id === previousId);
  if (at >= 0) rules[at] = rule;
  else rules.push(rule);
  return { ...pack, rules };
}

export function deleteRule(pack: RulePack, id: string): RulePack {
  return { ...pack, rules: pack.rules.filter((r) => r.id !== id) };
}

/** An id not used by any rule: `id-copy`, `id-copy-2`, … */
export function freeRuleId(base: string, taken: Set<string>): string {
  const stem = `${base}-copy`;
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

export function duplicateRule(pack: RulePack, id: string, taken: Set<string>): { pack: RulePack; rule: Rule } | null {
  const rule = pack.rules.find((r) => r.id === id);
  if (!rule) return null;
  const copy: Rule = structuredClone({ ...rule, id: freeRuleId(rule.id, taken) });
  return { pack: { ...pack, rules: [...pack.rules, copy] }, rule: copy };
}

/** A copy of a built-in rule, with its vocabulary, to edit as an override (same id). */
export function overrideFromBuiltin(user: RulePack, builtinRule: Rule, builtinPack: RulePack): { vocabulary: Record<string, string>; rule: Rule } {
  const brought = bringVocabulary(user.vocabulary, builtinPack.vocabulary, [structuredClone(builtinRule)]);
  return { vocabulary: brought.vocabulary, rule: brought.rules[0]! };
}

export interface ImportPreview {
  /** Rules with new ids. */
  added: Rule[];
  /** Rules that replace one of the user's own rules (same id). */
  replaced: Rule[];
  /** Rules that override a built-in rule (same id); the built-in one stays, and comes back when the override is reset. */
  overrides: Rule[];
  /** Vocabulary entries of the imported pack renamed because the user already has a different entry by that name. */
  renamed: Array<[string, string]>;
  /** Words for the grammar the imported pack adds to the user's (those the user has already are left out). */
  words: LexiconEntry[];
  /** The user's pack once the import is confirmed. */
  merged: RulePack;
}

export function previewImport(user: RulePack, imported: RulePack, builtinIds: ReadonlySet<string>): ImportPreview {
  const mine = new Set(user.rules.map((r) => r.id));
  const added: Rule[] = [];
  const replaced: Rule[] = [];
  const overrides: Rule[] = [];
  for (const rule of imported.rules) {
    if (mine.has(rule.id)) replaced.push(rule);
    else if (builtinIds.has(rule.id)) overrides.push(rule);
    else added.push(rule);
  }
  const brought = bringVocabulary(user.vocabulary, imported.vocabulary, imported.rules);
  const words = mergeLexicons(user.lexicon, imported.lexicon);
  let merged: RulePack = { ...user, vocabulary: brought.vocabulary, lexicon: words.lexicon };
  for (const rule of brought.rules) merged = upsertRule(merged, rule);
  return { added, replaced, overrides, renamed: brought.renamed, words: words.added, merged };
}

/** The user's rules as a pack file, ready for `JSON.stringify`. */
export function exportPack(user: RulePack, now = new Date()): RulePack {
  return {
    ...user,
    description: user.description || `Exported from Sourcier on ${now.toISOString().slice(0, 10)}`,
  };
}
