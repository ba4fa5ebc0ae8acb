import { describe, expect, it } from 'vitest';
import { parsePack, type RulePack } from '../rules/schema';
import { bringVocabulary, deleteRule, duplicateRule, overrideFromBuiltin, previewImport, upsertRule, vocabularyUsed } from '../components/options/packs';

function rule(id: string, patterns: string[] = ['selon mes sources']) {
  return {
    id,
    category: 'anonymous-source',
    lang: 'fr',
    patterns,
    weight: -3,
    explanation: 'Une source sans nom que le lecteur ne peut pas vérifier.',
    trainerNote: 'Demander qui est la source et pourquoi elle est anonyme.',
    examples: { match: ['Selon mes sources, il part.'] },
  };
}

function pack(rules: unknown[], vocabulary: Record<string, string> = {}): RulePack {
  const result = parsePack({ schemaVersion: 1, id: 'p', name: 'P', vocabulary, rules });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

describe('import merge', () => {
  it('sorts the imported rules into added, replacing mine and overriding built-in, and merges in order', () => {
    const user = pack([rule('fr-a'), rule('fr-b')]);
    const imported = pack([rule('fr-b', ['nouvelle version']), rule('fr-c'), rule('fr-builtin')]);
    const preview = previewImport(user, imported, new Set(['fr-builtin']));
    expect(preview.added.map((r) => r.id)).toEqual(['fr-c']);
    expect(preview.replaced.map((r) => r.id)).toEqual(['fr-b']);
    expect(preview.overrides.map((r) => r.id)).toEqual(['fr-builtin']);
    expect(preview.merged.rules.map((r) => r.id)).toEqual(['fr-a', 'fr-b', 'fr-c', 'fr-builtin']);
    expect(preview.merged.rules[1]!.patterns).toEqual(['nouvelle version']);
    // The preview does not change the user's pack.
    expect(user.rules.map((r) => r.id)).toEqual(['fr-a', 'fr-b']);
    expect(parsePack(preview.merged).ok).toBe(true);
  });

  it('renames a clashing vocabulary entry instead of overwriting the user’s, and rewrites the references', () => {
    const user = pack([rule('fr-a', ['{{verbe}} x'])], { verbe: 'dit|affirme' });
    const imported = pack([rule('fr-b', ['{{verbe}} y', '{{lieu}}'])], { verbe: 'confie|glisse', lieu: 'a {{verbe}} Paris' });
    const preview = previewImport(user, imported, new Set());
    expect(preview.renamed).toEqual([['verbe', 'verbe2']]);
    expect(preview.merged.vocabulary).toEqual({ verbe: 'dit|affirme', verbe2: 'confie|glisse', lieu: 'a {{verbe2}} Paris' });
    expect(preview.merged.rules.find((r) => r.id === 'fr-b')!.patterns).toEqual(['{{verbe2}} y', '{{lieu}}']);
    expect(preview.merged.rules.find((r) => r.id === 'fr-a')!.patterns).toEqual(['{{verbe}} x']);
    expect(parsePack(preview.merged).ok).toBe(true);
  });

  it('shares an identical vocabulary entry without renaming', () => {
    const user = pack([rule('fr-a', ['{{v}}'])], { v: 'dit' });
    const preview = previewImport(user, pack([rule('fr-b', ['{{v}}'])], { v: 'dit' }), new Set());
    expect(preview.renamed).toEqual([]);
    expect(preview.merged.vocabulary).toEqual({ v: 'dit' });
  });
});

describe('editing the user pack', () => {
  it('finds vocabulary used through other entries', () => {
    expect(vocabularyUsed(['{{a}} x'], { a: '{{b}}', b: 'y', c: 'z' }).sort()).toEqual(['a', 'b']);
  });

  it('an override starts from a copy of the built-in rule, with the vocabulary it needs', () => {
    const builtin = pack([rule('fr-builtin', ['{{who}} a dit'])], { who: '{{cap}}\\w+', cap: '[A-Z]', unused: 'x' });
    const copy = overrideFromBuiltin(pack([]), builtin.rules[0]!, builtin);
    expect(copy.rule.id).toBe('fr-builtin');
    expect(copy.vocabulary).toEqual({ who: '{{cap}}\\w+', cap: '[A-Z]' });
    copy.rule.patterns.push('changed');
    expect(builtin.rules[0]!.patterns).toEqual(['{{who}} a dit']); // never lost
  });

  it('upsert replaces in place (renaming too), duplicate picks a free id, delete removes', () => {
    let user = pack([rule('fr-a'), rule('fr-b')]);
    user = upsertRule(user, { ...user.rules[0]!, id: 'fr-a2' }, 'fr-a');
    expect(user.rules.map((r) => r.id)).toEqual(['fr-a2', 'fr-b']);
    user = upsertRule(user, { ...user.rules[0]!, id: 'fr-new' }, 'fr-new');
    expect(user.rules.map((r) => r.id)).toEqual(['fr-a2', 'fr-b', 'fr-new']);
    const dup = duplicateRule(user, 'fr-b', new Set(['fr-a2', 'fr-b', 'fr-new', 'fr-b-copy']))!;
    expect(dup.rule.id).toBe('fr-b-copy-2');
    expect(deleteRule(dup.pack, 'fr-b').rules.map((r) => r.id)).toEqual(['fr-a2', 'fr-new', 'fr-b-copy-2']);
  });

  it('bringVocabulary leaves rules alone when nothing clashes', () => {
    const r = pack([rule('fr-a', ['{{x}}'])], { x: 'y' }).rules;
    const out = bringVocabulary({}, { x: 'y' }, r);
    expect(out.rules[0]).toBe(r[0]);
  });
});
