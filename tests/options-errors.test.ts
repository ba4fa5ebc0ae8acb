// The options page shows the schema's and the safety check's messages in the UI language: every
// message the form can meet must be known to the translation table (this fails when one changes).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import french from '../public/_locales/fr/messages.json';
import { parsePack } from '../rules/schema';
import { parseUserPack, unsafePatternProblem } from '../rules/safety';
import { localizeError, localizeZodMessages } from '../components/options/errors';

function useFrench() {
  const messages = french as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/, (_m, n: string) => subs?.[Number(n) - 1] ?? '');
    });
  }) as typeof fakeBrowser.i18n.getMessage;
}

function rule(extra: Record<string, unknown> = {}) {
  return {
    id: 'fr-x',
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

const messageOf = (input: unknown) => {
  const result = parseUserPack(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => e.replace(/^(.*?: )/, ''));
};
const packWith = (rules: unknown[], vocabulary = {}) => ({ schemaVersion: 1, id: 'p', name: 'P', vocabulary, rules });

afterEach(() => {
  fakeBrowser.reset();
  z.config(en());
});

describe('schema and safety messages in French', () => {
  it.each<[string, unknown]>([
    ['id', packWith([rule({ id: 'Mon Id' })])],
    ['empty pattern', packWith([rule({ patterns: [''] })])],
    ['no pattern', packWith([rule({ patterns: [] })])],
    ['regex', packWith([rule({ patterns: ['(x'] })])],
    ['vocabulary', packWith([rule({ patterns: ['{{nope}}'] })])],
    ['vocabulary loop', packWith([rule({ patterns: ['{{a}}'] })], { a: '{{b}}', b: '{{a}}' })],
    ['explanation', packWith([rule({ explanation: 'x' })])],
    ['trainer note', packWith([rule({ trainerNote: 'x' })])],
    ['examples', packWith([rule({ examples: { match: [] } })])],
    ['duplicate', packWith([rule(), rule()])],
    ['catastrophic', packWith([rule({ patterns: ['(a+)+$'] })])],
  ])('%s', (_name, input) => {
    useFrench();
    const [message] = messageOf(input);
    const translated = localizeError(message!);
    expect(translated).not.toBe(message);
    expect(translated).not.toMatch(/\$[A-Z]+\$|undefined/);
  });

  it('too long, and too complex to check', () => {
    useFrench();
    expect(localizeError(unsafePatternProblem('a'.repeat(501), {})!)).toBe('motif trop long (501 caractères, au plus 500)');
    expect(localizeError('pattern too complex to prove safe in time; split it into several shorter patterns')).toMatch(/^motif trop complexe/);
  });

  it("zod's own messages follow the UI language", () => {
    localizeZodMessages('fr');
    const result = parsePack(packWith([rule({ weight: 99 })]));
    expect(result.ok ? [] : result.errors).toEqual(['rule "fr-x" (rules[0]) › weight: Trop grand : nombre doit être <=20']);
  });

  it('unknown messages are shown as they are', () => {
    expect(localizeError('something new')).toBe('something new');
  });
});
