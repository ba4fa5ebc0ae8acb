// The rule pack format as users meet it: the zod schema's error messages (every error path names
// the rule and the field), the generated JSON Schema kept in sync, and the README's example pack.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePack, ruleSchema, packSchema } from '../rules/schema';
import { parseUserPack } from '../rules/safety';
import { JSON_SCHEMA_FILE, packJsonSchema, packJsonSchemaText } from '../rules/generate-json-schema';
import examplePack from '../rules/example-pack.json';
import { runExamples } from '../components/options/rule-tester';

function rule(extra: Record<string, unknown> = {}) {
  return {
    id: 'fr-test-rule',
    category: 'anonymous-source',
    lang: 'fr',
    patterns: ['selon mes sources'],
    weight: -3,
    explanation: 'Une source sans nom que le lecteur ne peut pas vérifier.',
    trainerNote: 'Demander qui est la source et pourquoi elle est anonyme.',
    examples: { match: ['Selon mes sources, il part.'] },
    ...extra,
  };
}

function pack(extra: Record<string, unknown> = {}, rules: unknown[] = [rule()]) {
  return { schemaVersion: 1, id: 'my-pack', name: 'My pack', rules, ...extra };
}

function errorsOf(input: unknown): string[] {
  const result = parsePack(input);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('valid packs', () => {
  it('a minimal pack gets its defaults', () => {
    const result = parsePack(pack());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.pack.vocabulary).toEqual({});
      expect(result.pack.rules[0]).toMatchObject({ unless: [], caseSensitive: false, inQuotes: 'skip', enabled: true, examples: { noMatch: [] } });
    }
  });

  it('a pack using vocabulary, `(?<who>…)`, unless and inQuotes', () => {
    const input = pack({ vocabulary: { verbe: 'a (?:declare|affirme)' } }, [
      rule({ category: 'named-source', weight: 4, patterns: ['(?<who>[A-Z]\\w+) {{verbe}}'], unless: ['ironie'], inQuotes: 'keep' }),
    ]);
    expect(parsePack(input).ok).toBe(true);
  });
});

describe('invalid packs: every error names where it is', () => {
  it.each<[string, unknown, RegExp]>([
    ['not an object', 'hello', /^pack: /],
    ['missing schemaVersion', { id: 'p', name: 'P', rules: [] }, /^schemaVersion: /],
    ['another schemaVersion', pack({ schemaVersion: 2 }), /^schemaVersion: /],
    ['pack id with capitals', pack({ id: 'My Pack' }), /^id: use lower-case letters/],
    ['empty name', pack({ name: '' }), /^name: /],
    ['unknown pack field', pack({ author: 'me' }), /author/],
    ['bad vocabulary name', pack({ vocabulary: { '1x': 'a' } }), /^vocabulary/],
    ['rules not a list', pack({ rules: {} }), /^rules: /],
    ['rule id with spaces', pack({}, [rule({ id: 'my rule' })]), /^rule "my rule" \(rules\[0\]\) › id: use lower-case letters/],
    ['unknown category', pack({}, [rule({ category: 'rumour' })]), /^rule "fr-test-rule" \(rules\[0\]\) › category: /],
    ['unknown language', pack({}, [rule({ lang: 'de' })]), /› lang: /],
    ['no pattern', pack({}, [rule({ patterns: [] })]), /› patterns: a rule needs at least one pattern/],
    ['empty pattern', pack({}, [rule({ patterns: [''] })]), /› patterns\[0\]: a pattern cannot be empty/],
    ['invalid regular expression', pack({}, [rule({ patterns: ['selon (mes'] })]), /› patterns\[0\]: not a valid regular expression/],
    ['invalid unless', pack({}, [rule({ unless: ['[x'] })]), /› unless\[0\]: not a valid regular expression/],
    ['unknown vocabulary entry', pack({}, [rule({ patterns: ['{{nope}}'] })]), /› patterns\[0\]: unknown vocabulary entry \{\{nope\}\}/],
    [
      'vocabulary loop',
      pack({ vocabulary: { a: '{{b}}', b: '{{a}}' } }, [rule({ patterns: ['{{a}}'] })]),
      /› patterns\[0\]: vocabulary references nest too deep/,
    ],
    ['weight too large', pack({}, [rule({ weight: 50 })]), /› weight: /],
    ['weight not a number', pack({}, [rule({ weight: 'high' })]), /› weight: /],
    ['short explanation', pack({}, [rule({ explanation: 'bad' })]), /› explanation: explain the rule to a reader/],
    ['short trainer note', pack({}, [rule({ trainerNote: '' })]), /› trainerNote: give the trainer/],
    ['no matching example', pack({}, [rule({ examples: { match: [] } })]), /› examples\.match: give at least one sentence/],
    ['examples missing', pack({}, [rule({ examples: undefined })]), /› examples: /],
    ['inQuotes value', pack({}, [rule({ inQuotes: 'always' })]), /› inQuotes: /],
    ['unknown qualifier', pack({}, [rule({ qualifiers: ['vague'] })]), /› qualifiers\[0\]: /],
    ['unknown rule field', pack({}, [rule({ explanations: 'typo' })]), /^rule "fr-test-rule" \(rules\[0\]\).*explanations/],
    ['duplicate rule id', pack({}, [rule(), rule()]), /^rule "fr-test-rule" \(rules\[1\]\) › id: duplicate rule id "fr-test-rule"/],
  ])('%s', (_name, input, message) => {
    const errors = errorsOf(input);
    expect(
      errors.some((e) => message.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('the second rule is named by its id and index', () => {
    const errors = errorsOf(pack({}, [rule(), rule({ id: 'fr-second', weight: 99 })]));
    expect(errors).toEqual([expect.stringMatching(/^rule "fr-second" \(rules\[1\]\) › weight: /)]);
  });
});

describe('the JSON Schema file', () => {
  it('is up to date with the zod schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(packJsonSchemaText());
  });

  it('describes every pack and rule field for editors', () => {
    const schema = packJsonSchema() as {
      properties: Record<string, { description?: string; items?: { properties: Record<string, { description?: string }> } }>;
    };
    const packFields = Object.keys(packSchema.shape);
    const ruleFields = Object.keys(ruleSchema.shape);
    expect(packFields.filter((f) => !schema.properties[f]?.description)).toEqual([]);
    const ruleProps = schema.properties.rules!.items!.properties;
    expect(ruleFields.filter((f) => !ruleProps[f]?.description)).toEqual([]);
  });
});

describe('the example pack', () => {
  it('is a valid user pack, safety check included, pointing at the JSON Schema', () => {
    const result = parseUserPack(examplePack);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(examplePack.$schema).toBe('./pack.schema.json');
  });

  it('finds its examples and not its counter-examples, each rule on its own', () => {
    const result = parsePack(examplePack);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const failures = result.pack.rules.flatMap((r) =>
      runExamples(r, result.pack)
        .filter((e) => !e.ok)
        .map((e) => `${r.id}: « ${e.sentence} »`),
    );
    expect(failures).toEqual([]);
    expect(result.pack.rules.length).toBeGreaterThan(1);
  });
});
