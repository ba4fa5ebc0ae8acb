// Built-in patterns are reviewed code, not untrusted input: the static ReDoS checker (rules/safety.ts)
// cannot prove the longest of them safe within its time and memory limits, and user copies of them are
// accepted as they are. What a built-in pattern must never do is freeze a page, so each one is run
// here against hostile sentences of the longest length the engine feeds a pattern (the segmenter cuts
// run-on text at this length), the inputs that make backtracking explode: long runs of capitalised
// words (names), of lower-case words (role and verb lists), of one letter, of spaces and of quotes.
import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../rules/builtin';
import { compileRule } from '../analyser/engine';
import { fold } from '../analyser/text';

const LENGTH = 3000;
const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
const HOSTILE = [
  fill('Jean '),
  fill('Jean-Pierre de La '),
  fill('selon le ministre de la '),
  fill('a '),
  fill('a'),
  fill('A'),
  fill('des sources proches de la '),
  fill('a déclaré le '),
  fill('« '),
  fill(' '),
  fill('said the senior official of the '),
  fill('Reuters '),
].map(fold);

// Generous: a well-behaved pattern scans 3,000 characters in well under a millisecond; a catastrophic
// one takes seconds to hours. The bound only separates the two (no speed target is asserted here).
const BOUND_MS = 250;

/** Every match of a pattern over a text, as the engine runs it. */
function scan(re: RegExp, text: string) {
  if (!re.global) return void re.test(text);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
}

describe('built-in patterns on hostile sentences', () => {
  for (const pack of builtinPacks) {
    for (const rule of pack.rules) {
      it(`${rule.id} stays linear`, () => {
        const { patterns, unless } = compileRule(rule, pack);
        for (const re of [...patterns, ...unless]) {
          for (const text of HOSTILE) {
            const started = performance.now();
            scan(re, text);
            const took = performance.now() - started;
            expect(took, `${rule.id}: /${re.source.slice(0, 80)}…/ on "${text.slice(0, 24)}…"`).toBeLessThan(BOUND_MS);
          }
        }
      });
    }
  }
});
