// @vitest-environment happy-dom
// Issue 9, point 5: copying a built-in rule to edit it works for every built-in rule — pattern rules, however long
// their patterns, and grammar rules, which have none.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPacks } from '../rules/builtin';
import { overrideFromBuiltin, upsertRule } from '../components/options/packs';
import { draftFromRule, validateDraft } from '../components/options/RuleEditor';
import { emptyUserPack, userRulesRecord } from '../extension/storage';
import { parseUserPack, MAX_PATTERN_LENGTH } from '../rules/safety';
import type { RulePack } from '../rules/schema';

vi.mock('../extension/auto-sites', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../extension/auto-sites')>()),
  listAutoSites: async () => [],
}));

const { OptionsPage } = await import('../components/options/OptionsPage');

const everyRule = builtinPacks.flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })));

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('every built-in rule copies', () => {
  it('covers pattern rules and grammar rules', () => {
    expect(everyRule.some(({ rule }) => rule.patterns.length > 0)).toBe(true);
    expect(everyRule.some(({ rule }) => rule.grammar && !rule.patterns.length)).toBe(true);
  });

  it.each(everyRule.map(({ pack, rule }) => [rule.id, pack, rule] as const))('%s: an unchanged copy is valid and saves', async (_, pack, rule) => {
    // As the options page does: the copy with the vocabulary it uses, through the editor's validation, then the
    // whole pack through the import/save gate and into storage.
    const user: RulePack = emptyUserPack();
    const copy = overrideFromBuiltin(user, rule, pack);
    const validation = validateDraft(draftFromRule(copy.rule), copy.vocabulary, new Set(), copy.rule);
    expect(validation.errors).toEqual({});
    expect(validation.rule).not.toBeNull();
    const saved = parseUserPack(upsertRule({ ...user, vocabulary: copy.vocabulary }, validation.rule!));
    expect(saved.ok ? [] : saved.errors).toEqual([]);
    if (!saved.ok) return;
    const written = await userRulesRecord.write({ savedAt: 0, pack: saved.pack });
    expect(written.pack.rules.map((r) => r.id)).toEqual([rule.id]);
    expect((await userRulesRecord.read()).value.pack.rules[0]).toEqual(saved.pack.rules[0]);
  });

  it('all of them at once: one pack overriding every built-in rule saves', () => {
    let user: RulePack = emptyUserPack();
    for (const { pack, rule } of everyRule) {
      const copy = overrideFromBuiltin(user, rule, pack);
      user = upsertRule({ ...user, vocabulary: copy.vocabulary }, copy.rule);
    }
    const saved = parseUserPack(user);
    expect(saved.ok ? [] : saved.errors).toEqual([]);
  });
});

describe('on the options page', () => {
  async function modify(id: string) {
    render(<OptionsPage debounceMs={0} />);
    await screen.findByRole('heading', { level: 1, name: 'Sourcier settings' });
    fireEvent.click(screen.getByRole('button', { name: `Modify a copy of the built-in rule ${id}` }));
    return within(await screen.findByRole('form', { name: `Modified copy of the built-in rule ${id}` }));
  }

  async function storedIds() {
    return (await userRulesRecord.read()).value.pack.rules.map((r) => r.id);
  }

  it('a built-in rule with long patterns (fr-vague-group) saves as it is', async () => {
    const form = await modify('fr-vague-group');
    const patterns = form.getByLabelText('Patterns (one regular expression per line)');
    expect(patterns.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Save rule' }));
    await waitFor(async () => expect(await storedIds()).toEqual(['fr-vague-group']));
  });

  it('but once made longer than the cap, the pattern is the user’s and the length cap applies', async () => {
    const form = await modify('en-vague');
    const patterns = form.getByLabelText('Patterns (one regular expression per line)') as HTMLTextAreaElement;
    const [first, ...rest] = patterns.value.split('\n');
    fireEvent.input(patterns, { target: { value: [`${first}|${'x'.repeat(MAX_PATTERN_LENGTH)}`, ...rest].join('\n') } });
    await waitFor(() => expect(patterns.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('rule-patterns-error')!.textContent).toMatch(/^Line 1: pattern too long \(\d+ characters, at most 500\)/);
  });

  it('a grammar rule says which sources it stands for, asks for no pattern, and saves a new weight', async () => {
    const form = await modify('fr-attribution-anonymous');
    expect(
      form.getByText(/driven by the attribution grammar: it lends its id, weight and wording to every attribution whose source is an unnamed source/),
    ).toBeTruthy();
    expect(form.queryByLabelText('Patterns (one regular expression per line)')).toBeNull();
    fireEvent.input(form.getByLabelText('Weight (points per finding, −20 to 20)'), { target: { value: '-9' } });
    // Its examples run through the grammar.
    expect(await form.findAllByText(/should be found, as expected/)).not.toHaveLength(0);
    fireEvent.click(form.getByRole('button', { name: 'Save rule' }));
    await waitFor(async () =>
      expect((await userRulesRecord.read()).value.pack.rules).toMatchObject([
        { id: 'fr-attribution-anonymous', grammar: 'anonymous', weight: -9, patterns: [] },
      ]),
    );
  });
});
