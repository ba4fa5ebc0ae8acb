// @vitest-environment happy-dom
// Storage faults: whatever the browser refuses (quota, write rate, an I/O error) and wherever (sync, local, both),
// a failed save of the user's rules loses nothing already saved, and the user is told. A model-based test runs
// random sequences of saves with random failures against extension/storage.ts (WXT's fake browser); the options
// page is then checked end to end for an import that the browser refuses. (tests/storage.test.ts and
// tests/options.test.tsx hold the basic cases.)
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RulePack } from '../../rules/schema';

vi.mock('../../extension/auto-sites', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../extension/auto-sites')>()),
  listAutoSites: async () => [],
}));

async function freshStorage() {
  // Storage items run their migrations when defined (module load): a fresh module per scenario.
  vi.resetModules();
  return await import('../../extension/storage');
}

function rule(id: string, words = 1) {
  return {
    id,
    category: 'anonymous-source',
    lang: 'fr',
    patterns: [`selon mes sources ${'numero '.repeat(words)}${id.replace(/\W/g, '')}`],
    weight: -3,
    explanation: 'Une source sans nom que le lecteur ne peut pas vérifier.',
    trainerNote: 'Demander qui est la source et pourquoi elle est anonyme, et ce qui permet de la croire.',
    examples: { match: [`Selon mes sources ${'numero '.repeat(words)}${id.replace(/\W/g, '')}, il part.`] },
  };
}

async function parsed(rules: unknown[]): Promise<RulePack> {
  const result = (await import('../../rules/schema')).parsePack({ schemaVersion: 1, id: 'my-rules', name: 'My rules', rules });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

type Fault = 'none' | 'sync-quota' | 'local-quota' | 'both-quota' | 'both-io' | 'sync-rate';

function inject(fault: Fault): () => void {
  const quota = new Error('QUOTA_BYTES quota exceeded');
  const spies: Array<{ mockRestore(): void }> = [];
  const fail = (area: 'sync' | 'local', error: Error) => spies.push(vi.spyOn(fakeBrowser.storage[area], 'set').mockRejectedValue(error));
  if (fault === 'sync-quota' || fault === 'both-quota') fail('sync', quota);
  if (fault === 'local-quota' || fault === 'both-quota') fail('local', quota);
  if (fault === 'both-io') {
    fail('sync', new Error('IO error: .../Sync Extension Settings/000003.log'));
    fail('local', new Error('IO error: .../Local Extension Settings/000003.log'));
  }
  if (fault === 'sync-rate') fail('sync', new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
  return () => spies.forEach((s) => s.mockRestore());
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('saving the user’s rules under random storage faults (model-based)', () => {
  it('the stored rules are always those of the last save that succeeded; every failed save says so', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // Small packs fit one sync item; large ones go to local (sync items are capped at 8 KB).
            rules: fc.integer({ min: 0, max: 30 }),
            fault: fc.constantFrom<Fault>('none', 'none', 'sync-quota', 'local-quota', 'both-quota', 'both-io', 'sync-rate'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps) => {
          fakeBrowser.reset();
          const { userRulesRecord, StorageSaveError } = await freshStorage();
          let saved: string[] = [];
          for (const [n, step] of steps.entries()) {
            const ids = Array.from({ length: step.rules }, (_, i) => `fr-step${n}-rule${i}`);
            const pack = await parsed(ids.map((id) => rule(id, 8)));
            const restore = inject(step.fault);
            const outcome = await userRulesRecord.write({ savedAt: 0, pack }).then(
              () => 'saved' as const,
              (e: unknown) => e,
            );
            restore();
            const bothFail = step.fault === 'both-quota' || step.fault === 'both-io';
            // Large packs only go to local: a local failure alone is enough to refuse them.
            const fitsSync = new TextEncoder().encode(`userRules${JSON.stringify({ savedAt: Date.now(), pack })}`).length <= 7800;
            const expectFail = bothFail || (step.fault === 'local-quota' && !fitsSync);
            if (expectFail) {
              expect(outcome).toBeInstanceOf(StorageSaveError);
              expect((outcome as InstanceType<typeof StorageSaveError>).quota).toBe(step.fault !== 'both-io');
            } else {
              expect(outcome).toBe('saved');
              saved = ids;
            }
            // A fresh reader (another context: the background, a page) sees exactly what was saved last.
            const { userRulesRecord: reader } = await freshStorage();
            const read = await reader.read();
            expect(read.value.pack.rules.map((r) => r.id)).toEqual(saved);
            expect(read.unreadable).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a failed save never removes the copy in the other area (removal only follows a save that landed)', async () => {
    const { userRulesRecord } = await freshStorage();
    // A small pack in sync, then a large one that must go to local, refused there.
    await userRulesRecord.write({ savedAt: 0, pack: await parsed([rule('fr-small')]) });
    expect((await fakeBrowser.storage.sync.get('userRules')).userRules).toBeDefined();
    const restore = inject('local-quota');
    const large = await parsed(Array.from({ length: 40 }, (_, i) => rule(`fr-large-${i}`, 8)));
    await expect(userRulesRecord.write({ savedAt: 0, pack: large })).rejects.toThrow(/could not save userRules/);
    restore();
    expect(((await fakeBrowser.storage.sync.get('userRules')).userRules as { pack: RulePack }).pack.rules.map((r) => r.id)).toEqual(['fr-small']);
    expect((await fakeBrowser.storage.local.get('userRules')).userRules).toBeUndefined();
  });
});

describe('the options page tells the user', () => {
  const pack = (ids: string[]) => JSON.stringify({ schemaVersion: 1, id: 'cours', name: 'Cours', rules: ids.map((id) => rule(id, 8)) });

  async function importThroughThePage(content: string) {
    const { OptionsPage } = await import('../../components/options/OptionsPage');
    render(<OptionsPage debounceMs={0} />);
    const input = await screen.findByLabelText('Import a pack…');
    const file = new File([content], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const preview = await screen.findByRole('region', { name: 'Import “Cours”?' });
    fireEvent.click(within(preview).getByRole('button', { name: 'Import these rules' }));
  }

  async function storedIds(): Promise<string[]> {
    const { userRulesRecord } = await freshStorage();
    return (await userRulesRecord.read()).value.pack.rules.map((r) => r.id);
  }

  beforeEach(async () => {
    vi.resetModules();
    const { userRulesRecord } = await import('../../extension/storage');
    await userRulesRecord.write({ savedAt: 0, pack: await parsed([rule('fr-mine')]) });
  });

  it('a large pack imported when local storage is full: an alert, and the saved rules are unchanged', async () => {
    const restore = inject('both-quota');
    await importThroughThePage(pack(Array.from({ length: 40 }, (_, i) => `fr-imported-${i}`)));
    const alert = await screen.findByText(/storage for Sourcier is full/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    restore();
    expect(await storedIds()).toEqual(['fr-mine']);
  });

  it('an I/O error (not a quota): a different alert that names the failure, nothing lost', async () => {
    const restore = inject('both-io');
    await importThroughThePage(pack(['fr-other']));
    expect(await screen.findByText(/IO error/)).toBeTruthy();
    restore();
    expect(await storedIds()).toEqual(['fr-mine']);
  });

  it('sync refusing the write (rate limit): the import lands in local and the page says it is done', async () => {
    const restore = inject('sync-rate');
    await importThroughThePage(pack(['fr-other']));
    expect(await screen.findByText('1 rules imported.')).toBeTruthy();
    restore();
    expect(await storedIds()).toEqual(['fr-mine', 'fr-other']);
  });
});
