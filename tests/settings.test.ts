import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadAnalyseOptions, onAnalyseOptionsChanged } from '../extension/settings';
import { settingsRecord, userRulesRecord, defaultSettings } from '../extension/storage';
import { parsePack } from '../rules/schema';
import { analyseText } from '../analyser';

function userPack() {
  const result = parsePack({
    schemaVersion: 1,
    id: 'my-rules',
    name: 'My rules',
    rules: [
      {
        id: 'fr-bruits-de-couloir',
        category: 'vague-attribution',
        lang: 'fr',
        patterns: ['selon des bruits de couloir'],
        weight: -4,
        explanation: 'Une rumeur n’est pas une source vérifiable.',
        trainerNote: 'Chercher qui a pu parler et pourquoi ce n’est pas dit.',
        examples: { match: ['Selon des bruits de couloir, il part.'] },
      },
    ],
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadAnalyseOptions', () => {
  it('gives defaults and no packs on a fresh install', async () => {
    expect(await loadAnalyseOptions()).toEqual({
      settings: { disabledCategories: [], disabledRules: [], categoryWeights: {} },
      packs: [],
    });
  });

  it('gives the saved settings and the user pack, which the analyser then uses', async () => {
    await settingsRecord.write({ ...defaultSettings(), disabledCategories: ['hedged-claim'], categoryWeights: { 'vague-attribution': 2 } });
    await userRulesRecord.write({ savedAt: 0, pack: userPack() });
    const options = await loadAnalyseOptions();
    expect(options.settings).toEqual({ disabledCategories: ['hedged-claim'], disabledRules: [], categoryWeights: { 'vague-attribution': 2 } });
    expect(options.packs?.map((p) => p.rules.map((r) => r.id))).toEqual([['fr-bruits-de-couloir']]);

    const report = analyseText('Selon des bruits de couloir, le ministre va partir.', 'fr', options);
    expect(report.findings.map((f) => f.ruleId)).toContain('fr-bruits-de-couloir');
  });

  it('falls back to defaults on unreadable values without writing anything (content scripts only read)', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', userRules: { pack: 3 } });
    const before = JSON.stringify([await fakeBrowser.storage.sync.get(), await fakeBrowser.storage.local.get()]);
    expect(await loadAnalyseOptions()).toEqual({
      settings: { disabledCategories: [], disabledRules: [], categoryWeights: {} },
      packs: [],
    });
    expect(JSON.stringify([await fakeBrowser.storage.sync.get(), await fakeBrowser.storage.local.get()])).toBe(before);
  });
});

describe('onAnalyseOptionsChanged', () => {
  it('fires when settings change, with the new values readable at once', async () => {
    const seen: unknown[] = [];
    const off = onAnalyseOptionsChanged(() => void loadAnalyseOptions().then((o) => seen.push(o.settings?.disabledRules)));
    await settingsRecord.write({ ...defaultSettings(), disabledRules: ['fr-exclusif'] });
    await vi.waitFor(() => expect(seen).toContainEqual(['fr-exclusif']));
    off();
  });

  it('fires when the user pack changes, in sync or in local storage', async () => {
    const listener = vi.fn();
    const off = onAnalyseOptionsChanged(listener);
    await userRulesRecord.write({ savedAt: 0, pack: userPack() });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    listener.mockClear();
    await fakeBrowser.storage.local.set({ userRules: { savedAt: Date.now() + 1000, pack: userPack() } });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    off();
  });

  it('ignores other keys, and stops after unsubscribing', async () => {
    const listener = vi.fn();
    const off = onAnalyseOptionsChanged(listener);
    await fakeBrowser.storage.local.set({ autoSites: ['https://example.org/*'] });
    await fakeBrowser.storage.session.set({ settings: 'not ours' });
    expect(listener).not.toHaveBeenCalled();
    off();
    await settingsRecord.write({ ...defaultSettings(), disabledRules: ['x'] });
    expect(listener).not.toHaveBeenCalled();
  });
});
