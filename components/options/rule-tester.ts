// Runs one rule on its own over sample text: the options page's live tester and the example checks.
// The other rules are turned off so that an overlapping built-in marker cannot hide this rule's.
import { analyseText } from '../../analyser';
import { builtinPacks } from '../../rules/builtin';
import type { Rule, RulePack } from '../../rules/schema';
import type { Lang } from '../../analyser/taxonomy';

export interface RuleHit {
  /** The marker as it stands in the text. */
  text: string;
  /** The sentence that holds it, and the marker's offsets in that sentence. */
  sentence: string;
  start: number;
  end: number;
  who?: string;
}

export interface ExampleResult {
  sentence: string;
  expected: 'match' | 'noMatch';
  hits: RuleHit[];
  ok: boolean;
}

const builtinIds = builtinPacks.flatMap((p) => p.rules.map((r) => r.id));

/** The language a rule is tried in: its own, or French for rules that apply to both. */
export function testLang(rule: Pick<Rule, 'lang'>): Lang {
  return rule.lang === 'en' ? 'en' : 'fr';
}

export function findWithRule(
  rule: Rule,
  pack: Pick<RulePack, 'vocabulary'> & Partial<Pick<RulePack, 'lexicon'>>,
  text: string,
  lang: Lang = testLang(rule),
): RuleHit[] {
  if (!text.trim()) return [];
  const alone: RulePack = {
    schemaVersion: 1,
    id: 'rule-tester',
    name: 'Rule tester',
    description: '',
    lexicon: pack.lexicon ?? {},
    vocabulary: pack.vocabulary,
    rules: [{ ...rule, enabled: true }],
  };
  const report = analyseText(text, lang, {
    packs: [alone],
    settings: { disabledRules: builtinIds.filter((id) => id !== rule.id), disabledCategories: [], categoryWeights: {} },
  });
  return report.findings
    .filter((f) => f.ruleId === rule.id)
    .map((f) => ({
      text: f.text,
      sentence: f.sentence,
      start: f.start - f.sentenceStart,
      end: f.end - f.sentenceStart,
      ...(f.who ? { who: f.who } : {}),
    }));
}

/** Each example sentence with what the rule finds in it, and whether that is what the example expects. */
export function runExamples(rule: Rule, pack: Pick<RulePack, 'vocabulary'> & Partial<Pick<RulePack, 'lexicon'>>): ExampleResult[] {
  const run = (sentence: string, expected: 'match' | 'noMatch'): ExampleResult => {
    const hits = findWithRule(rule, pack, sentence);
    return { sentence, expected, hits, ok: expected === 'match' ? hits.length > 0 : hits.length === 0 };
  };
  return [...rule.examples.match.map((s) => run(s, 'match')), ...rule.examples.noMatch.map((s) => run(s, 'noMatch'))];
}
