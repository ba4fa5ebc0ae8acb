import { describe, expect, it } from 'vitest';
import { checkPatternSafety, MAX_PATTERN_LENGTH, parseUserPack, unsafePatternProblem, withoutGroupNames } from '../rules/safety';

function userRule(patterns: string[], extra: Record<string, unknown> = {}) {
  return {
    id: 'fr-test',
    category: 'anonymous-source',
    lang: 'fr',
    patterns,
    weight: -3,
    explanation: 'Une source sans nom que le lecteur ne peut pas vérifier.',
    trainerNote: 'Demander qui est la source et pourquoi elle est anonyme.',
    examples: { match: ['Selon mes sources, il part.'] },
    ...extra,
  };
}

describe('catastrophic backtracking is refused', () => {
  it.each([['(a+)+$'], ['(\\w+\\s?)*$'], ['^(a|a)+$'], ['(x+x+)+y'], ['(?<who>\\w+)+!'], ['(.*a){12}']])('%s', (pattern) => {
    const verdict = checkPatternSafety(pattern);
    expect(verdict.safe).toBe(false);
    if (!verdict.safe) expect(verdict.message).toMatch(/backtrack|too complex/);
  });

  it('explains which parts overlap and how to fix it', () => {
    const verdict = checkPatternSafety('(\\w+\\s?)*$');
    expect(verdict).toMatchObject({ safe: false, reason: expect.stringMatching(/catastrophic|too-complex/) });
    if (!verdict.safe && verdict.reason === 'catastrophic') expect(verdict.message).toContain('`\\w`');
  });
});

describe('ordinary patterns are accepted', () => {
  it.each([
    ['selon (?:nos|des) sources'],
    ['\\b(?:aurait|auraient)\\b'],
    ["(?<who>[A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+){0,3}),? a (?:declare|affirme)"],
    ['\\bsources? (?:proches?|bien informees?) (?:de|du|des)\\b'],
    ['(?<=\\s)exclusif\\b'],
    ['people familiar with the (?:matter|situation)'],
  ])('%s', (pattern) => {
    expect(checkPatternSafety(pattern)).toEqual({ safe: true });
  });
});

describe('named groups are read by the checker', () => {
  it('turns (?<who>…) into a plain group and \\k<who> into its number, leaving lookbehinds and classes', () => {
    expect(withoutGroupNames('(?<who>a)(b)\\k<who>(?<=x)(?<!y)[(?<n>]')).toBe('(a)(b)\\1(?<=x)(?<!y)[(?<n>]');
    expect(withoutGroupNames('(?:x)(?<a>y)(?<b>z)\\k<b>')).toBe('(?:x)(y)(z)\\2');
  });
});

describe('user packs', () => {
  it('refuse an unsafe pattern with a message naming the rule and the field', () => {
    const result = parseUserPack({ schemaVersion: 1, id: 'p', name: 'P', rules: [userRule(['ok', '(a+)+$'])] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/^rule "fr-test" \(rules\[0\]\) › patterns\[1\]: this pattern can backtrack catastrophically/);
    }
  });

  it('check `unless` patterns too, after vocabulary expansion', () => {
    const result = parseUserPack({
      schemaVersion: 1,
      id: 'p',
      name: 'P',
      vocabulary: { words: '(\\w+\\s?)*' },
      rules: [userRule(['selon'], { unless: ['{{words}}$'] })],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/unless\[0\]: /);
  });

  it('refuse a pattern longer than the cap', () => {
    const long = 'a'.repeat(MAX_PATTERN_LENGTH + 1);
    expect(unsafePatternProblem(long, {})).toMatch(/too long/);
    expect(unsafePatternProblem('a'.repeat(MAX_PATTERN_LENGTH), {})).toBeNull();
  });

  it('accept a safe pack', () => {
    expect(parseUserPack({ schemaVersion: 1, id: 'p', name: 'P', rules: [userRule(['selon mes sources'])] }).ok).toBe(true);
  });
});

describe('the checker sees Unicode letter classes as letters', () => {
  it('replaces \\p{L} and friends by Latin ranges, inside and outside classes', async () => {
    const { forChecker } = await import('../rules/safety');
    expect(forChecker("[\\p{L}'-]+ \\p{Lu}\\P{L}[^\\P{L}]")).toBe("[a-zA-Z\\u00c0-\\u024f'-]+ [A-Z\\u00c0-\\u00de][^a-zA-Z\\u00c0-\\u024f][^\\P{L}]");
  });

  it('so that a name made of letters followed by a speech verb is accepted', () => {
    expect(checkPatternSafety("(?<who>[A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+){0,3}),? a (?:declare|affirme)")).toEqual({ safe: true });
  });
});

describe('copies of built-in patterns', () => {
  it('are accepted as they are (an override starts from one), even when the checker cannot prove them safe', async () => {
    const { builtinPacks } = await import('../rules/builtin');
    const { bringVocabulary } = await import('../components/options/packs');
    const pack = builtinPacks[0]!;
    const rule = pack.rules.find((r) => r.patterns.some((p) => p.includes('{{')))!;
    const copy = bringVocabulary({}, pack.vocabulary, [rule]);
    for (const p of copy.rules[0]!.patterns) expect(unsafePatternProblem(p, copy.vocabulary)).toBeNull();
    // Changed, the same pattern is checked again.
    const changed = `(?:${rule.patterns[0]})+(a+)+$`;
    expect(unsafePatternProblem(changed, copy.vocabulary)).not.toBeNull();
  });

  it('every built-in pattern fits the length cap, so a copy is never refused for its length; made longer, it is the user’s', async () => {
    const { builtinPacks } = await import('../rules/builtin');
    const { bringVocabulary } = await import('../components/options/packs');
    const all = builtinPacks.flatMap((pack) => pack.rules.flatMap((rule) => rule.patterns.map((p) => ({ pack, rule, p }))));
    expect(all.length).toBeGreaterThan(0);
    for (const { pack, rule, p } of all) {
      expect(p.length, rule.id).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
      // The user already has a different entry by a name the rule uses: the copy's references are renamed.
      const taken = Object.fromEntries(Object.keys(pack.vocabulary).map((name) => [name, 'autre chose']));
      const copy = bringVocabulary(taken, pack.vocabulary, [{ ...rule, patterns: [p] }]);
      expect(unsafePatternProblem(copy.rules[0]!.patterns[0]!, copy.vocabulary), rule.id).toBeNull();
      expect(unsafePatternProblem(`${copy.rules[0]!.patterns[0]!}${'x'.repeat(MAX_PATTERN_LENGTH)}`, copy.vocabulary), rule.id).toMatch(/^pattern too long/);
    }
  });
});
