// The rule prefilter may only ever skip a pattern where it cannot match: these tests hold it to that on the
// built-in patterns, the corpus's sentences, the rules' own examples and random texts.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../analyser/engine';
import { extractArticle } from '../analyser/extract';
import { candidateSentences, filterText, NeedleIndex, patternFilter, requiredLiterals } from '../analyser/prefilter';
import { segment } from '../analyser/segment';
import { fold, foldTypography } from '../analyser/text';
import { builtinPacks } from '../rules/builtin';

const compiled = builtinPacks.flatMap((pack) => pack.rules.map((rule) => compileRule(rule, pack)));
const patterns = compiled.flatMap((c) => c.patterns.map((re, i) => ({ id: c.rule.id, re, needles: c.needles[i]!, accentSensitive: !!c.rule.accentSensitive })));

describe('requiredLiterals', () => {
  it('reads the words a match cannot do without', () => {
    expect(requiredLiterals(String.raw`\bselon\s+(?:nos|mes)\s+sources\b`, 'iu')).toEqual(['sources']);
    expect(requiredLiterals(String.raw`\b(?:aurai(?:t|ent)|serai(?:t|ent))\b`, 'iu')).toEqual(['aurai', 'serai']);
    expect(requiredLiterals(String.raw`\b\p{L}{2,}(?<![éè])(?:erai(?:t|ent))\b`, 'iu')).toEqual(['erai']);
    // A named group counts, lookarounds do not (they consume nothing).
    expect(requiredLiterals(String.raw`(?<who>Dupont)(?!\s+Fils)`, 'u')).toEqual(['dupont']);
    // Longer words are rarer: "declare" beats "a".
    expect(requiredLiterals(String.raw`(?:a|avait)\s+declare`, 'iu')).toEqual(['declare']);
    // Escaped punctuation is itself; a quantified letter ends the word.
    expect(requiredLiterals(String.raw`d\'apres`, 'iu')).toEqual(["d'apres"]);
    expect(requiredLiterals(String.raw`sources?`, 'iu')).toEqual(['source']);
    // Needles that contain another are dropped: the shorter one is enough.
    expect(requiredLiterals(String.raw`source|sources|ressource`, 'iu')).toEqual(['source']);
  });

  it('gives no filter when a match may do without any word', () => {
    expect(requiredLiterals(String.raw`(?:selon|)\s+\p{Lu}+`, 'iu')).toBeNull();
    expect(requiredLiterals(String.raw`(?:selon)?\s+\p{Lu}+`, 'iu')).toBeNull();
    expect(requiredLiterals(String.raw`\p{Lu}\p{L}+|selon`, 'iu')).toBeNull();
    expect(requiredLiterals(String.raw`(?:sources){0,2}x*`, 'iu')).toBeNull();
    // Under /i a non-ASCII letter is not guessed at (case folding is not lower-casing).
    expect(requiredLiterals('éé', 'iu')).toBeNull();
    // Syntax it does not know: no filter rather than a wrong one.
    expect(requiredLiterals('(?i:abc)', 'u')).toBeNull();
  });

  it('gives no filter when the only words are too short to be worth looking for', () => {
    expect(requiredLiterals(String.raw`(?:AP|RT)\s+\p{Lu}`, 'u')).toBeNull();
    expect(requiredLiterals(String.raw`\bdit\b`, 'iu')).toEqual(['dit']);
  });

  it('finds needles in nearly every built-in pattern', () => {
    const unfiltered = patterns.filter((p) => p.needles === null);
    expect(unfiltered.length, unfiltered.map((p) => p.id).join(', ')).toBeLessThanOrEqual(patterns.length / 20);
  });
});

describe('NeedleIndex', () => {
  it('finds every occurrence of every needle, overlapping ones included (as indexOf does)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[abé’]{1,4}$/), { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[abcé’ ]{0,60}$/),
        (needles, text) => {
          const found: string[] = [];
          new NeedleIndex(needles).scan(text, (id, start, end) => {
            expect(text.slice(start, end)).toBe(needles[id]);
            found.push(`${id}@${start}`);
          });
          const expected: string[] = [];
          needles.forEach((n, id) => {
            for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) expected.push(`${id}@${at}`);
          });
          expect(found.sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});

/** Every (pattern, sentence) pair where the pattern matches must be a candidate. */
function checkSentences(texts: string[]) {
  const filter = patternFilter(patterns.map((p) => p.needles));
  let matched = 0;
  for (const original of texts) {
    const article = {
      text: original,
      blocks: [{ kind: 'paragraph' as const, start: 0, end: original.length, post: 0 }],
      title: '',
      pieces: [],
      posts: 1,
      roots: [],
      truncatedAt: null,
    };
    const { sentences } = segment(article);
    const starts = Int32Array.from(sentences, (s) => s.start);
    const ends = Int32Array.from(sentences, (s) => s.end);
    const foldedLower = filterText(fold(original));
    // The engine looks for the words of every pattern in the folded text, those that keep accents included.
    const foldedMarks = foldedLower === null ? null : candidateSentences(filter, foldedLower, starts, ends);
    for (const variant of [fold(original), foldTypography(original)]) {
      const lower = filterText(variant);
      const marks = lower === null ? null : candidateSentences(filter, lower, starts, ends);
      patterns.forEach((p, slot) => {
        sentences.forEach((s, k) => {
          const re = new RegExp(p.re.source, p.re.flags.replace('g', ''));
          if (re.test(variant.slice(s.start, s.end))) {
            matched++;
            // No marks: the pattern has no filter and runs on every sentence.
            if (marks?.[slot]) expect(marks[slot][k], `${p.id} matches "${original.slice(s.start, s.end)}" but the prefilter skips it`).toBe(1);
            if (p.accentSensitive && foldedMarks?.[slot] && !p.needles?.some((n) => /[^\x00-\x7f]/.test(n))) {
              expect(foldedMarks[slot][k], `${p.id} matches "${original.slice(s.start, s.end)}" but the folded text's prefilter skips it`).toBe(1);
            }
          }
        });
      });
    }
  }
  return matched;
}

describe('the prefilter skips no sentence a pattern matches', () => {
  it("on the rules' own examples (match and noMatch)", () => {
    const examples = builtinPacks.flatMap((pack) => pack.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]));
    expect(checkSentences(examples)).toBeGreaterThan(100);
  });

  it('on letters that case-insensitive patterns match as others (« ſ » as "s", Kelvin sign as "k")', () => {
    expect(
      checkSentences(['Selon nos ſources, l’accord est signé.', 'SELON NOS SOURCES, L’ACCORD EST SIGNÉ.', 'Selon nos sources, il aurait été \u212Aidnappé.']),
    ).toBeGreaterThan(2);
  });

  it("on the corpus's article texts", () => {
    const dir = resolve(__dirname, '../../shared/corpus/pages');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => extractArticle(parseHTML(readFileSync(resolve(dir, f), 'utf8')).document as unknown as Document).text);
    expect(checkSentences(texts)).toBeGreaterThan(100);
  });

  it('on random texts made of the patterns’ own words, in any case, with odd letters', () => {
    const words = [...new Set(patterns.flatMap((p) => p.needles ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', ' ', '. ', ', ', "'", '’', '« ', ' »', '-', 'ſ', 'K', 'İ', 'ı', 'É', 'é', 'Jean ', 'Dupont ', 'selon ', 'nos ', 'a ', 'de '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        checkSentences([pieces.join('')]);
      }),
      { numRuns: 150 },
    );
  });
});
