// Every rule's examples run as tests (like ESLint's RuleTester): each `match` sentence must produce a
// marker from that rule, each `noMatch` sentence must not.
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../rules/builtin';
import { rawMatches } from '../analyser/engine';
import { articleFromText } from '../analyser';
import type { Lang } from '../analyser/taxonomy';

/** The rule's markers in a text, as the report would keep them before overlaps are resolved. */
function ruleMarkers(text: string, lang: Lang, rules: Parameters<typeof rawMatches>[2], ruleId: string, context: { siteNames: string[] }) {
  const all = rawMatches(articleFromText(text), lang, rules, context);
  return all.filter(
    (m) =>
      m.rule.id === ruleId &&
      // « a-t-il ajouté » belongs to the last named source: without one before it, it is not reported.
      (!m.rule.refersBack || all.some((o) => o.rule.category === 'named-source' && !o.rule.refersBack && o.who && o.start < m.start)),
  );
}

const langOf = (ruleLang: string, packId: string): Lang => (ruleLang === 'any' ? (packId.endsWith('en') ? 'en' : 'fr') : (ruleLang as Lang));

for (const pack of builtinPacks) {
  describe(`${pack.id}`, () => {
    // Rules run together: an example may need an earlier sentence (a speaker named before « a-t-il ajouté »).
    const rules = pack.rules.map((rule) => ({ rule, pack }));
    for (const rule of pack.rules) {
      const lang = langOf(rule.lang, pack.id);
      // Examples are read as a page of the outlet "Algérie Part" / "TMZ" so that this-site rules can match.
      const context = { siteNames: ['Algérie Part', 'TMZ'] };
      describe(rule.id, () => {
        it.each(rule.examples.match)('matches: %s', (text) => {
          const found = ruleMarkers(text, lang, rules, rule.id, context);
          expect(found.length, `${rule.id} should match "${text}"`).toBeGreaterThan(0);
        });
        if (rule.examples.noMatch.length) {
          it.each(rule.examples.noMatch)('does not match: %s', (text) => {
            const found = ruleMarkers(text, lang, rules, rule.id, context);
            expect(
              found.map((m) => text.slice(m.start, m.end)),
              `${rule.id} should not match "${text}"`,
            ).toEqual([]);
          });
        }
      });
    }
  });
}

describe('built-in packs', () => {
  it('cover every sentence category in both languages', async () => {
    const { SENTENCE_CATEGORIES } = await import('../analyser/taxonomy');
    for (const lang of ['fr', 'en']) {
      const covered = new Set(
        builtinPacks
          .flatMap((p) => p.rules)
          .filter((r) => r.lang === lang)
          .map((r) => r.category),
      );
      expect(
        [...SENTENCE_CATEGORIES].filter((c) => !covered.has(c)),
        lang,
      ).toEqual([]);
    }
  });
  it('give every rule a reader explanation and a trainer note', () => {
    for (const rule of builtinPacks.flatMap((p) => p.rules)) {
      expect(rule.trainerNote.length, rule.id).toBeGreaterThan(rule.explanation.length);
    }
  });
});
