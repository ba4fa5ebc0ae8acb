// @vitest-environment happy-dom
// "Words the grammar knows" on the options page: a trainer adds a word to the attribution grammar, tries it live,
// removes it; invalid words are refused with the line and the reason; the words travel with the exported pack.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import french from '../public/_locales/fr/messages.json';
import { captureDownloads } from './helpers/downloads';

vi.mock('../extension/auto-sites', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../extension/auto-sites')>()),
  listAutoSites: async () => [],
}));

const { OptionsPage } = await import('../components/options/OptionsPage');

const SENTENCE = 'Le maire pérore que les caisses de la ville sont vides.';

type StoredPack = { rules: Array<{ id: string }>; lexicon?: Record<string, Record<string, string[]>> };
async function storedPack(): Promise<StoredPack | undefined> {
  const sync = (await fakeBrowser.storage.sync.get('userRules')).userRules;
  const local = (await fakeBrowser.storage.local.get('userRules')).userRules;
  return ((sync ?? local) as { pack: StoredPack } | undefined)?.pack;
}

async function renderPage() {
  render(<OptionsPage debounceMs={0} />);
  await screen.findByRole('heading', { level: 1, name: 'Sourcier settings' });
  return within(screen.getByRole('region', { name: 'Words the grammar knows' }));
}

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

function chooseFile(input: HTMLElement, content: string) {
  const file = new File([content], 'pack.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('words the grammar knows', () => {
  it('a French speech verb added makes the live tester find « Le maire pérore que … »; removed, it no longer does', async () => {
    const section = await renderPage();
    const sample = section.getByLabelText('Sample sentence');
    type(sample, SENTENCE);
    expect(await section.findByText('The grammar finds no attribution here.')).toBeTruthy();

    fireEvent.change(section.getByLabelText('Language'), { target: { value: 'fr' } });
    fireEvent.change(section.getByLabelText('Kind of word'), { target: { value: 'speech-verbs' } });
    expect(section.getByText(/A verb of saying, judging or warning, by its infinitive/)).toBeTruthy();
    type(section.getByLabelText('Words to add (one per line)'), 'pérorer');
    fireEvent.click(section.getByRole('button', { name: 'Add words' }));
    await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({ fr: { 'speech-verbs': ['pérorer'] } }));
    expect(await screen.findByText('Added to the grammar: pérorer.')).toBeTruthy();

    // The tester reads with the saved words: the marker, its category, its construction and its cue.
    const found = await section.findByText('Attributions found: 1');
    const result = found.parentElement!;
    expect(result.querySelector('mark')!.textContent).toMatch(/pérore$/);
    expect(within(result).getByText('Named sources')).toBeTruthy();
    expect(within(result).getByText(/^construction: subject \+ verb/)).toBeTruthy();
    const cue = within(result).getByText(/^cue: pérorer/);
    expect(within(cue).getByText('your word')).toBeTruthy();

    // Listed among the user's words, and removable from there.
    const yours = section.getByRole('list', { name: 'Your words' });
    expect(within(yours).getByText('pérorer')).toBeTruthy();
    fireEvent.click(within(yours).getByRole('button', { name: 'Remove “pérorer” (Speech verb, French)' }));
    await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({}));
    expect(await section.findByText('The grammar finds no attribution here.')).toBeTruthy();
    expect(section.getByText('You have not added any word yet.')).toBeTruthy();
  });

  it('an invalid word gets a live error naming its line and why, and nothing is saved', async () => {
    const section = await renderPage();
    const words = section.getByLabelText('Words to add (one per line)');
    type(words, 'gloser\npérore');
    await waitFor(() => expect(words.getAttribute('aria-invalid')).toBe('true'));
    const errorId = words
      .getAttribute('aria-describedby')!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(errorId)!.textContent).toBe('Line 2 (“pérore”): give the verb by its infinitive (“pérorer”, not “pérore”)');
    fireEvent.click(section.getByRole('button', { name: 'Add words' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(await storedPack()).toBeUndefined();

    // A regular expression is not a word.
    fireEvent.change(section.getByLabelText('Kind of word'), { target: { value: 'source-phrases' } });
    type(words, 'selon|d’après');
    await waitFor(() =>
      expect(document.getElementById('lexicon-words-error')?.textContent).toMatch(/^Line 1 \(“selon\|d’après”\): write the word or phrase itself/),
    );

    // Fixed, the error goes and the word is saved.
    type(words, 'de l’aveu de l’entourage de');
    await waitFor(() => expect(words.getAttribute('aria-invalid')).toBeNull());
    fireEvent.click(section.getByRole('button', { name: 'Add words' }));
    await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({ fr: { 'source-phrases': ['de l’aveu de l’entourage de'] } }));
  });

  it('a word the grammar already knows is not added twice, and the page says so', async () => {
    const section = await renderPage();
    type(section.getByLabelText('Words to add (one per line)'), 'déclarer\npérorer');
    fireEvent.click(section.getByRole('button', { name: 'Add words' }));
    await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({ fr: { 'speech-verbs': ['pérorer'] } }));
    expect(await section.findByText('Already known, not added: déclarer.')).toBeTruthy();
  });

  it('the words survive export then import into an empty profile', async () => {
    await fakeBrowser.storage.sync.set({
      userRules: {
        savedAt: 5,
        pack: {
          schemaVersion: 1,
          id: 'my-rules',
          name: 'My rules',
          lexicon: { fr: { 'speech-verbs': ['pérorer'] }, en: { outlets: ['The Daily Planet'] } },
          rules: [],
        },
      },
      userRules$: { v: 1 },
    });
    const files = captureDownloads();
    await renderPage();
    // A pack with words and no rule is still worth exporting.
    fireEvent.click(screen.getByRole('button', { name: 'Export my rules' }));
    const exported = await files[0]!.blob.text();
    vi.restoreAllMocks();
    expect(JSON.parse(exported).lexicon).toEqual({ fr: { 'speech-verbs': ['pérorer'] }, en: { outlets: ['The Daily Planet'] } });

    cleanup();
    fakeBrowser.reset();
    const section = await renderPage();
    expect(section.getByText('You have not added any word yet.')).toBeTruthy();
    chooseFile(screen.getByLabelText('Import a pack…'), exported);
    const preview = await screen.findByRole('region', { name: /^Import “My rules”\?$/ });
    const words = within(preview).getByRole('heading', { name: 'Words for the grammar (2)' }).parentElement!;
    expect(within(words).getByText('pérorer')).toBeTruthy();
    expect(within(words).getByText('The Daily Planet')).toBeTruthy();
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these rules' }));
    await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({ fr: { 'speech-verbs': ['pérorer'] }, en: { outlets: ['The Daily Planet'] } }));

    type(section.getByLabelText('Sample sentence'), SENTENCE);
    expect(await section.findByText('Attributions found: 1')).toBeTruthy();
  });

  it('speaks French in a French interface, errors and tester included', async () => {
    const i18n = (fakeBrowser as unknown as { i18n: Record<string, unknown> }).i18n;
    const messages = french as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
    i18n.getMessage = (key: string, subs: string[] = []) => {
      const entry = messages[key];
      if (!entry) return '';
      const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
      return named.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    };
    try {
      render(<OptionsPage debounceMs={0} />);
      const section = within(await screen.findByRole('region', { name: 'Mots que la grammaire connaît' }));
      const words = section.getByLabelText('Mots à ajouter (un par ligne)');
      type(words, 'pérore');
      await waitFor(() =>
        expect(document.getElementById('lexicon-words-error')?.textContent).toBe(
          'Ligne 1 («\u202fpérore\u202f»)\u00a0: donnez le verbe à l’infinitif («\u202fpérorer\u202f», pas «\u202fpérore\u202f»)',
        ),
      );
      type(words, 'pérorer');
      fireEvent.click(section.getByRole('button', { name: 'Ajouter les mots' }));
      await waitFor(async () => expect((await storedPack())?.lexicon).toEqual({ fr: { 'speech-verbs': ['pérorer'] } }));
      type(section.getByLabelText('Phrase d’essai'), SENTENCE);
      const result = (await section.findByText(/^Attributions trouvées\s: 1$/)).parentElement!;
      expect(within(result).getByText(/^construction\s: sujet \+ verbe/)).toBeTruthy();
      expect(within(result).getByText('votre mot')).toBeTruthy();
      expect(section.getByRole('button', { name: /^Retirer «\spérorer\s» \(Verbe de parole, Français\)$/ })).toBeTruthy();
    } finally {
      i18n.getMessage = () => '';
    }
  });
});
