// What the rule engine's speed rests on must not change what it finds: folded texts built as one-byte strings
// hold the same characters, and the cheap guards written at the head of some pack vocabulary (« a name starts with
// a capital », « an outlet starts with one of these letters ») change no match.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyser';
import { compileRule, flexibleSpaces } from '../analyser/engine';
import { extractArticle } from '../analyser/extract';
import { segment } from '../analyser/segment';
import { fold, foldTypography, oneByte } from '../analyser/text';
import { builtinPacks } from '../rules/builtin';
import { expandVocabulary, type RulePack } from '../rules/schema';

/** Folding one code unit at a time, as the engine did before it built one-byte strings. */
function reference(s: string, accents: boolean): string {
  const probe = accents ? fold : foldTypography;
  let out = '';
  for (const unit of s.split('')) out += probe(unit);
  return out;
}

describe('folding', () => {
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'aZé’«»\u00a0\u0085\u0080\u009fœß€—…ſİ\u212a 💬'),
      fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 40,
  });

  it('keeps every character of the one-code-unit-at-a-time folding, whatever the characters (C1 controls, beyond Latin-1)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(fold(s)).toBe(reference(s, true));
        expect(foldTypography(s)).toBe(reference(s, false));
        expect(oneByte(s)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same findings when the page has characters beyond Latin-1 (the sentences are then made one by one)', () => {
    const article = 'Selon nos sources, le ministre aurait démissionné.\n\nSergueï Lavrov a dénoncé l’ingérence occidentale, selon l’AFP.';
    const plain = analyseText(article, 'fr').findings;
    const wide = analyseText(`${article}\n\nLe billet coûte 5 € 💬.`, 'fr').findings;
    expect(plain.length).toBeGreaterThan(2);
    expect(wide.slice(0, plain.length).map((f) => [f.ruleId, f.start, f.end, f.who])).toEqual(plain.map((f) => [f.ruleId, f.start, f.end, f.who]));
  });
});

/**
 * What the packs write only to be fast, and the plain form it stands for: lookaheads at the head of a vocabulary
 * entry or a pattern that reject positions early, and the head of the French name (a capital, checked against the
 * stop words, or a lower-case particle such as « al- »; the plain form tries the particle first, which runs the
 * stop-word lookahead at every « a », « e », « d »…). The two heads are the same only in case-sensitive rules:
 * the stop words all begin with a capital and the particles are lower case (see the test below).
 */
const FAST_FORMS: Array<[string, string]> = [
  ['(?:(?=\\p{Lu})(?!{{stop}})|(?:al|el|ad|ben|bin|von|van|de)-){{cap}}', '(?!{{stop}})(?:(?:al|el|ad|ben|bin|von|van|de)-)?{{cap}}'],
  ['(?=[\\p{Lu}abdev])', ''],
  ['(?=\\p{Lu})', ''],
  ['(?=[A-Zf])', ''],
  ['(?=[A-Zt])', ''],
];

function withoutGuards(pack: RulePack): RulePack {
  const strip = (s: string) => FAST_FORMS.reduce((acc, [fast, plain]) => acc.split(fast).join(plain), s);
  return {
    ...pack,
    vocabulary: Object.fromEntries(Object.entries(pack.vocabulary).map(([k, v]) => [k, strip(v)])),
    rules: pack.rules.map((r) => ({ ...r, patterns: r.patterns.map(strip) })),
  };
}

describe('the packs’ guards change no match', () => {
  const dir = resolve(__dirname, '../../shared/corpus/pages');
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => extractArticle(parseHTML(readFileSync(resolve(dir, f), 'utf8')).document as unknown as Document));
  const sentences = corpus.flatMap((a) => segment({ ...a, pieces: [], roots: [] } as never).sentences.map((s) => a.text.slice(s.start, s.end)));
  const examples = builtinPacks.flatMap((pack) => pack.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]));

  it('the packs have them (else this test checks nothing)', () => {
    const sources = builtinPacks.flatMap((p) => [...Object.values(p.vocabulary), ...p.rules.flatMap((r) => r.patterns)]).join('\n');
    // (Rules the attribution grammar replaced took some of these guards with them; at least one must remain.)
    expect(FAST_FORMS.filter(([fast]) => sources.includes(fast)).length).toBeGreaterThan(0);
  });

  it('only case-sensitive rules use a name (the fast head of {{name}} is the plain one only there), and stop words begin with a capital', () => {
    for (const pack of builtinPacks) {
      for (const rule of pack.rules) if ([...rule.patterns, ...rule.unless].some((p) => p.includes('{{name}}'))) expect(rule.caseSensitive, rule.id).toBe(true);
      expect(
        Object.values(pack.vocabulary).some((v) => v.includes('{{name}}')),
        pack.id,
      ).toBe(false);
      const stop = pack.vocabulary.stop ?? '';
      for (const word of stop.replace(/^\(\?:|\)\\b$/g, '').split('|')) expect(word, `${pack.id} stop word`).toMatch(/^\p{Lu}/u);
    }
  });

  for (const pack of builtinPacks) {
    it(`${pack.id}: every guarded pattern matches the same spans with and without its guards, on the corpus and the examples`, () => {
      const bare = withoutGuards(pack);
      let compared = 0;
      pack.rules.forEach((rule, r) => {
        const guarded = compileRule(rule, pack);
        const plain = compileRule(bare.rules[r]!, bare);
        guarded.patterns.forEach((re, p) => {
          if (re.source === plain.patterns[p]!.source) return;
          compared++;
          for (const original of [...sentences, ...examples]) {
            const text = rule.accentSensitive ? foldTypography(original) : fold(original);
            expect(spans(re, text), `${rule.id}#${p} on "${original}"`).toEqual(spans(plain.patterns[p]!, text));
          }
        });
      });
      expect(compared).toBeGreaterThan(0);
    });
  }
});

function spans(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    out.push(`${m.index}:${m[0].length}:${m.indices?.groups?.who?.join('-') ?? ''}`);
  }
  return out;
}

// flexibleSpaces and expandVocabulary are what compileRule applies; imported so that a rename breaks this file loudly.
void flexibleSpaces;
void expandVocabulary;
