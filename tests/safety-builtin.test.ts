// Every built-in pattern must pass the check user patterns pass (rules/safety.ts). Slow: the checker
// enumerates the paths of each pattern, up to CHECK_TIMEOUT_MS each.
import { describe, expect, it } from 'vitest';
import { checkPatternSafety } from '../rules/safety';
import { expandVocabulary } from '../rules/schema';
import { fold } from '../analyser/text';

// Read the pack files themselves so that this test covers every built-in pattern, whatever loads them.
const builtinFiles = import.meta.glob<{ default: unknown }>('../rules/packs/*.json', { eager: true });

describe('built-in packs', () => {
  const packs = Object.entries(builtinFiles);

  it('exist', () => {
    expect(packs.length).toBeGreaterThan(0);
  });

  // If this fails, the report names the rule: the pattern must be rewritten in rules/packs/.
  it.each(packs)('%s: every pattern passes the same safety check as user patterns', (_file, module) => {
    const pack = module.default as { vocabulary?: Record<string, string>; rules: Array<{ id: string; patterns: string[]; unless?: string[] }> };
    const unsafe: string[] = [];
    for (const rule of pack.rules) {
      for (const source of [...rule.patterns, ...(rule.unless ?? [])]) {
        const verdict = checkPatternSafety(fold(expandVocabulary(source, pack.vocabulary ?? {})));
        if (!verdict.safe) unsafe.push(`${rule.id} (${verdict.reason}): ${source.slice(0, 60)}…`);
      }
    }
    expect(unsafe).toEqual([]);
  }, 600_000);
});

