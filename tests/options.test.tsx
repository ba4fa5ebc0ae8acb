// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { builtinPacks } from '../rules/builtin';
import { captureDownloads } from './helpers/downloads';

const autoSites = vi.hoisted(() => ({ sites: [] as string[], grant: true }));
vi.mock('../extension/auto-sites', async (importOriginal) => {
  const original = await importOriginal<typeof import('../extension/auto-sites')>();
  return {
    ...original,
    listAutoSites: async () => [...autoSites.sites],
    addAutoSite: async (origin: string) => {
      if (!autoSites.grant) return false;
      autoSites.sites.push(origin);
      return true;
    },
    removeAutoSite: async (origin: string) => {
      autoSites.sites = autoSites.sites.filter((s) => s !== origin);
    },
  };
});

const { OptionsPage } = await import('../components/options/OptionsPage');
const builtinRule = builtinPacks[0]!.rules[0]!;

function customRule(id: string, pattern = 'selon mes sources') {
  return {
    id,
    category: 'anonymous-source',
    lang: 'fr',
    patterns: [pattern],
    weight: -3,
    explanation: 'Une source sans nom que le lecteur ne peut pas vérifier.',
    trainerNote: 'Demander qui est la source et pourquoi elle est anonyme.',
    examples: { match: ['Selon mes sources, il part.'] },
  };
}

async function storedRules(): Promise<Array<{ id: string }>> {
  const { userRules } = await fakeBrowser.storage.sync.get('userRules');
  const local = (await fakeBrowser.storage.local.get('userRules')).userRules;
  return ((userRules ?? local) as { pack: { rules: Array<{ id: string }> } } | undefined)?.pack.rules ?? [];
}

async function storedSettings() {
  return (await fakeBrowser.storage.sync.get('settings')).settings as
    { disabledCategories: string[]; disabledRules: string[]; categoryWeights: Record<string, number> } | undefined;
}

async function renderPage() {
  render(<OptionsPage debounceMs={0} />);
  return await screen.findByRole('heading', { level: 1, name: 'Sourcier settings' });
}

function type(element: HTMLElement, value: string) {
  fireEvent.input(element, { target: { value } });
}

function chooseFile(input: HTMLElement, content: string) {
  const file = new File([content], 'pack.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  fakeBrowser.reset();
  autoSites.sites = [];
  autoSites.grant = true;
});
afterEach(cleanup);

describe('opened at a section', () => {
  it('scrolls to the sites analysed automatically when opened at #sites (the panel’s link), once they are there', async () => {
    const scrolled: string[] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this.id);
    });
    history.replaceState(null, '', '#sites');
    try {
      await renderPage();
      await waitFor(() => expect(scrolled).toEqual(['sites']));
    } finally {
      history.replaceState(null, '', location.pathname);
      spy.mockRestore();
    }
  });
});

describe('categories and weights', () => {
  it('turning a category off saves it', async () => {
    await renderPage();
    const box = screen.getByRole('checkbox', { name: 'Anonymous sources' });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await storedSettings())?.disabledCategories).toEqual(['anonymous-source']));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('a weight is saved within bounds (0–2), from the slider or the number', async () => {
    await renderPage();
    const number = screen.getByRole('spinbutton', { name: 'Weight of Anonymous sources (number)' });
    fireEvent.change(number, { target: { value: '1.5' } });
    await waitFor(async () => expect((await storedSettings())?.categoryWeights).toEqual({ 'anonymous-source': 1.5 }));
    fireEvent.change(number, { target: { value: '9' } });
    await waitFor(async () => expect((await storedSettings())?.categoryWeights).toEqual({ 'anonymous-source': 2 }));
    await waitFor(() => expect((number as HTMLInputElement).value).toBe('2'));
    expect(screen.getByRole('slider', { name: 'Weight of Anonymous sources' })).toBeTruthy();
  });

  it('a single built-in rule can be turned off', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('checkbox', { name: `Use rule ${builtinRule.id}` }));
    await waitFor(async () => expect((await storedSettings())?.disabledRules).toEqual([builtinRule.id]));
  });

  it('reset to defaults asks first, then clears settings but keeps custom rules', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { savedAt: 5, disabledCategories: ['hedged-claim'], disabledRules: ['x'], categoryWeights: { 'hedged-claim': 0 } },
      settings$: { v: 2 },
      userRules: { savedAt: 5, pack: { schemaVersion: 1, id: 'my-rules', name: 'My rules', rules: [customRule('fr-mine')] } },
      userRules$: { v: 1 },
    });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(await storedSettings()).toMatchObject({ disabledRules: ['x'] }); // not yet
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset' }));
    await waitFor(async () => expect(await storedSettings()).toMatchObject({ disabledCategories: [], disabledRules: [], categoryWeights: {} }));
    expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']);
  });
});

describe('custom rule editor', () => {
  it('shows a live error next to the patterns field for a catastrophic regex, then runs the examples once fixed, and saves', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    const form = screen.getByRole('form', { name: 'New rule' });
    const f = within(form);
    type(f.getByLabelText('Id'), 'fr-bruits-de-couloir');
    type(f.getByLabelText('Patterns (one regular expression per line)'), '(\\w+\\s?)*$');
    type(f.getByLabelText('Explanation for readers'), 'Une rumeur n’est pas une source vérifiable.');
    type(f.getByLabelText('Note for trainers'), 'Chercher qui a pu parler et pourquoi ce n’est pas dit.');
    type(f.getByLabelText('Sentences the rule must find (one per line)'), 'Selon des bruits de couloir, il partirait.');

    const patterns = f.getByLabelText('Patterns (one regular expression per line)');
    await waitFor(() => {
      const id = patterns
        .getAttribute('aria-describedby')
        ?.split(' ')
        .find((x) => x.endsWith('-error'));
      expect(id).toBeTruthy();
      expect(document.getElementById(id!)!.textContent).toMatch(/backtrack catastrophically|too complex/);
    });
    expect(patterns.getAttribute('aria-invalid')).toBe('true');

    // Nothing can be saved while invalid.
    fireEvent.click(f.getByRole('button', { name: 'Save rule' }));
    expect(await f.findByRole('alert')).toBeTruthy();
    expect(await storedRules()).toEqual([]);

    type(patterns, 'selon (?:des|les) bruits de couloirs?');
    await waitFor(() => expect(patterns.getAttribute('aria-invalid')).toBeNull());
    const examples = await f.findByText(/should be found, as expected/);
    expect(examples.closest('li')!.querySelector('mark')!.textContent).toBe('Selon des bruits de couloir');

    // The sample text runs live too.
    type(f.getByLabelText('Sample text'), 'Rien ici.\n\nLe ministre partirait, selon les bruits de couloir.');
    const found = await f.findByText('Matches found: 1');
    expect(found.parentElement!.querySelector('mark')!.textContent).toBe('selon les bruits de couloir');

    fireEvent.click(f.getByRole('button', { name: 'Save rule' }));
    await waitFor(async () => expect((await storedRules()).map((r) => r.id)).toEqual(['fr-bruits-de-couloir']));
    expect(await screen.findByText('Rule fr-bruits-de-couloir saved.')).toBeTruthy();
  });

  it('names the field of a schema error (an id with capitals) and ties it to the input', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    const id = screen.getByLabelText('Id');
    type(id, 'Mon Id');
    await waitFor(() => expect(id.getAttribute('aria-invalid')).toBe('true'));
    const errorId = id
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((x) => x.endsWith('-error'))!;
    expect(document.getElementById(errorId)!.textContent).toMatch(/lower-case letters/);
  });

  it('editing a rule saves the change, duplicate adds a copy, delete removes it', async () => {
    await fakeBrowser.storage.sync.set({
      userRules: { savedAt: 5, pack: { schemaVersion: 1, id: 'my-rules', name: 'My rules', rules: [customRule('fr-mine')] } },
      userRules$: { v: 1 },
    });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit rule fr-mine' }));
    const weight = screen.getByLabelText('Weight (points per finding, −20 to 20)');
    expect((weight as HTMLInputElement).value).toBe('-3');
    type(weight, '-5');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(async () => expect((await storedRules())[0]).toMatchObject({ id: 'fr-mine', weight: -5 }));

    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate rule fr-mine' }));
    await waitFor(async () => expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine', 'fr-mine-copy']));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete rule fr-mine-copy' }));
    await waitFor(async () => expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']));
  });

  it('overrides a built-in rule from a copy, and restoring it deletes the copy', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: `Modify a copy of the built-in rule ${builtinRule.id}` }));
    const form = await screen.findByRole('form', { name: `Modified copy of the built-in rule ${builtinRule.id}` });
    expect((within(form).getByLabelText('Id') as HTMLInputElement).value).toBe(builtinRule.id);
    type(within(form).getByLabelText('Weight (points per finding, −20 to 20)'), '1');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rule' }));
    await waitFor(async () => expect((await storedRules()).map((r) => r.id)).toEqual([builtinRule.id]));

    fireEvent.click(await screen.findByRole('button', { name: `Restore the built-in rule ${builtinRule.id} (your modified copy is deleted)` }));
    await waitFor(async () => expect(await storedRules()).toEqual([]));
  });

  it('a quota error while saving keeps the saved rules and says so', async () => {
    await fakeBrowser.storage.sync.set({
      userRules: { savedAt: 5, pack: { schemaVersion: 1, id: 'my-rules', name: 'My rules', rules: [customRule('fr-mine')] } },
      userRules$: { v: 1 },
    });
    await renderPage();
    const quota = new Error('QUOTA_BYTES quota exceeded');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quota);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate rule fr-mine' }));
    const alert = await screen.findByText(/storage for Sourcier is full/);
    expect(alert.getAttribute('role')).toBe('alert');
    syncSet.mockRestore();
    localSet.mockRestore();
    expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']);
  });
});

describe('import and export', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.sync.set({
      userRules: { savedAt: 5, pack: { schemaVersion: 1, id: 'my-rules', name: 'My rules', rules: [customRule('fr-mine')] } },
      userRules$: { v: 1 },
    });
  });

  it('previews what a valid pack adds and replaces, saves nothing before confirmation, then merges', async () => {
    await renderPage();
    const pack = {
      schemaVersion: 1,
      id: 'cours',
      name: 'Cours de sourçage',
      rules: [customRule('fr-new-one'), customRule('fr-mine', 'selon mes informations'), { ...customRule(builtinRule.id), category: builtinRule.category }],
    };
    chooseFile(screen.getByLabelText('Import a pack…'), JSON.stringify(pack));
    const preview = await screen.findByRole('region', { name: 'Import “Cours de sourçage”?' });
    const p = within(preview);
    expect(within(p.getByRole('heading', { name: 'New rules (1)' }).parentElement!).getByText('fr-new-one')).toBeTruthy();
    expect(within(p.getByRole('heading', { name: 'Replace your rules (1)' }).parentElement!).getByText('fr-mine')).toBeTruthy();
    expect(within(p.getByRole('heading', { name: 'Replace built-in rules (1)' }).parentElement!).getByText(builtinRule.id)).toBeTruthy();
    expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']);

    fireEvent.click(p.getByRole('button', { name: 'Import these rules' }));
    await waitFor(async () => expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine', 'fr-new-one', builtinRule.id]));
    expect(await screen.findByText('3 rules imported.')).toBeTruthy();
  });

  it('cancelling the preview saves nothing', async () => {
    await renderPage();
    chooseFile(screen.getByLabelText('Import a pack…'), JSON.stringify({ schemaVersion: 1, id: 'p', name: 'P', rules: [customRule('fr-other')] }));
    const preview = await screen.findByRole('region', { name: 'Import “P”?' });
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Import “P”?' })).toBeNull();
    expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']);
  });

  it('rejects an invalid pack with messages naming the rule and the field', async () => {
    await renderPage();
    const bad = { schemaVersion: 1, id: 'p', name: 'P', rules: [customRule('fr-ok'), { ...customRule('fr-bad'), weight: 99, patterns: ['(a+)+$'] }] };
    chooseFile(screen.getByLabelText('Import a pack…'), JSON.stringify(bad));
    const alert = await screen.findByText('This pack cannot be imported. Nothing was changed.');
    const messages = within(alert.closest('[role="alert"]') as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(messages).toContain('rule "fr-bad" (rules[1]) › weight: Too big: expected number to be <=20');
    expect((await storedRules()).map((r) => r.id)).toEqual(['fr-mine']);
  });

  it('rejects a file that is not JSON', async () => {
    await renderPage();
    chooseFile(screen.getByLabelText('Import a pack…'), '{ nope');
    expect(await screen.findByText(/This file is not JSON/)).toBeTruthy();
  });

  it('exports the user rules as a pack with its schemaVersion', async () => {
    const files = captureDownloads();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Export my rules' }));
    expect(files).toHaveLength(1);
    const exported = JSON.parse(await files[0]!.blob.text());
    vi.restoreAllMocks();
    expect(exported).toMatchObject({ schemaVersion: 1, rules: [{ id: 'fr-mine' }] });
  });
});

describe('storage problems and sites', () => {
  it('says so when saved settings could not be read, and offers the backup', async () => {
    await fakeBrowser.storage.sync.set({ settings: { disabledRules: 42 }, settings$: { v: 2 } });
    await renderPage();
    expect(await screen.findByRole('heading', { name: 'Some saved settings could not be read' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the unreadable data' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Some saved settings could not be read' })).toBeNull());
  });

  it('adds and removes a site, and says when the permission is refused', async () => {
    await renderPage();
    const input = screen.getByLabelText('Site address');
    type(input, 'not a site');
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByText('Enter a web address starting with https:// or http://')).id).toBe('site-error');
    expect(input.getAttribute('aria-describedby')).toContain('site-error');

    autoSites.grant = false;
    type(input, 'https://www.lemonde.fr/international/');
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(await screen.findByText('The permission was refused, so the site was not added.')).toBeTruthy();

    autoSites.grant = true;
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(await screen.findByText('https://www.lemonde.fr')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://www.lemonde.fr/*' }));
    await waitFor(() => expect(screen.queryByText('https://www.lemonde.fr')).toBeNull());
  });
});
