import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateSettingsV1toV2, SYNC_ITEM_BUDGET } from '../extension/storage';
import type { RulePack } from '../rules/schema';

// Storage items run their migrations when they are defined (module load), so each test seeds
// storage first and then loads a fresh copy of the module.
async function freshStorage() {
  vi.resetModules();
  return await import('../extension/storage');
}

function rule(id: string, pattern = 'selon mes sources') {
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

function pack(rules: unknown[]): unknown {
  return { schemaVersion: 1, id: 'my-rules', name: 'My rules', rules };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings migration v1 → v2', () => {
  const v1 = {
    disabledRules: 'fr-exclusif, en-reportedly,,',
    categoryWeights: { 'anonymous-source': 150, conditional: 50, 'named-source': 250 },
    disabledCategories: ['unnamed-source', 'exclusive-claim'],
  };

  it('turns the comma string into ids, percentages into multipliers and old category ids into taxonomy ids', () => {
    expect(migrateSettingsV1toV2(v1)).toEqual({
      savedAt: 0,
      disabledRules: ['fr-exclusif', 'en-reportedly'],
      // 250 % was above the v2 bound: clamped to 2.
      categoryWeights: { 'anonymous-source': 1.5, 'hedged-claim': 0.5, 'named-source': 2 },
      disabledCategories: ['anonymous-source', 'exclusive-claim'],
    });
  });

  it('leaves a value that is already v2 untouched (running it twice is harmless)', () => {
    const v2 = { savedAt: 5, disabledRules: ['a'], categoryWeights: { 'anonymous-source': 1.5 }, disabledCategories: [] };
    expect(migrateSettingsV1toV2(v2)).toBe(v2);
    const once = migrateSettingsV1toV2(v1);
    expect(migrateSettingsV1toV2(once)).toEqual(once);
  });

  it('migrates a v1 value found in sync storage when the extension loads, and marks it v2', async () => {
    await fakeBrowser.storage.sync.set({ settings: v1 }); // v1 values carry no version mark
    const { settingsRecord } = await freshStorage();
    const read = await settingsRecord.read();
    expect(read.area).toBe('sync');
    expect(read.value.disabledRules).toEqual(['fr-exclusif', 'en-reportedly']);
    expect(read.value.categoryWeights['hedged-claim']).toBe(0.5);
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('migrates a v1 value with an explicit version mark 1 too', async () => {
    await fakeBrowser.storage.sync.set({ settings: { disabledRules: 'x' }, settings$: { v: 1 } });
    const { settingsRecord } = await freshStorage();
    expect((await settingsRecord.read()).value.disabledRules).toEqual(['x']);
  });

  it('does not migrate a v2 value again on the next load', async () => {
    const first = await freshStorage();
    await first.settingsRecord.write({ ...first.defaultSettings(), categoryWeights: { 'anonymous-source': 1.5 } });
    const second = await freshStorage();
    expect((await second.settingsRecord.read()).value.categoryWeights['anonymous-source']).toBe(1.5);
  });
});

describe('corrupted or foreign values', () => {
  it('uses defaults, keeps the bad value as a backup and removes it, when asked to recover', async () => {
    const bad = { disabledRules: 42, categoryWeights: 'lots' };
    await fakeBrowser.storage.sync.set({ settings: bad, settings$: { v: 2 } });
    const { settingsRecord, listBackups, defaultSettings } = await freshStorage();

    const result = await settingsRecord.read({ recover: true });
    expect(result.value).toEqual(defaultSettings());
    expect(result.area).toBeNull();
    expect(result.unreadable).toEqual(['sync:settings']);

    const backups = await listBackups();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ key: 'sync:settings', value: bad });
    expect(backups[0]!.reason).toMatch(/savedAt|disabledRules/);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBeUndefined();
  });

  it('only reports (never writes) when read without recovery, as content scripts do', async () => {
    await fakeBrowser.storage.local.set({ userRules: 'not a pack' });
    const { userRulesRecord, listBackups } = await freshStorage();
    const result = await userRulesRecord.read();
    expect(result.value.pack.rules).toEqual([]);
    expect(result.unreadable).toEqual(['local:userRules']);
    expect(await listBackups()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('userRules')).userRules).toBe('not a pack');
  });

  it('keeps a user pack with a broken regular expression aside instead of running it', async () => {
    const broken = { savedAt: 1, pack: pack([rule('fr-x', '(unclosed')]) };
    await fakeBrowser.storage.local.set({ userRules: broken });
    const { userRulesRecord, listBackups } = await freshStorage();
    expect((await userRulesRecord.read({ recover: true })).value.pack.rules).toEqual([]);
    const [backup] = await listBackups();
    expect(backup!.value).toEqual(broken);
    expect(backup!.reason).toMatch(/regular expression/);
  });

  it('keeps the same bad value once when several readers find it', async () => {
    await fakeBrowser.storage.sync.set({ settings: [1, 2, 3] });
    const { settingsRecord, listBackups } = await freshStorage();
    await Promise.all([settingsRecord.read({ recover: true }), settingsRecord.read({ recover: true })]);
    await fakeBrowser.storage.sync.set({ settings: [1, 2, 3] });
    await settingsRecord.read({ recover: true });
    expect(await listBackups()).toHaveLength(1);
  });

  it('leaves the bad value in place when the backup cannot be written', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    const { settingsRecord, listBackups } = await freshStorage();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await settingsRecord.read({ recover: true });
    set.mockRestore();
    expect(await listBackups()).toEqual([]);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBe('garbage');
  });

  it('a value in one area that is bad does not hide a good one in the other', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    await fakeBrowser.storage.local.set({ settings: { savedAt: 3, disabledRules: ['a'] }, settings$: { v: 2 } });
    const { settingsRecord } = await freshStorage();
    const result = await settingsRecord.read({ recover: true });
    expect(result.value.disabledRules).toEqual(['a']);
    expect(result.area).toBe('local');
    expect(result.unreadable).toEqual(['sync:settings']);
  });
});

describe('saving', () => {
  it('saves small values to sync with their version mark', async () => {
    const { settingsRecord, defaultSettings } = await freshStorage();
    const saved = await settingsRecord.write({ ...defaultSettings(), disabledRules: ['fr-exclusif'] });
    expect(saved.savedAt).toBeGreaterThan(0);
    const inSync = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(inSync.settings).toMatchObject({ disabledRules: ['fr-exclusif'] });
    expect(inSync.settings$).toEqual({ v: 2 });
  });

  it('saves a pack too large for one sync item to local, and removes the older sync copy', async () => {
    const { userRulesRecord } = await freshStorage();
    const small = (await import('../rules/schema')).parsePack(pack([rule('fr-a')]));
    if (!small.ok) throw new Error(small.errors.join('\n'));
    await userRulesRecord.write({ savedAt: 0, pack: small.pack });
    expect((await fakeBrowser.storage.sync.get('userRules')).userRules).toBeDefined();

    const many = Array.from({ length: 40 }, (_, i) => rule(`fr-rule-${i}`));
    const big = (await import('../rules/schema')).parsePack(pack(many));
    if (!big.ok) throw new Error(big.errors.join('\n'));
    expect(JSON.stringify(big.pack).length).toBeGreaterThan(SYNC_ITEM_BUDGET);
    await userRulesRecord.write({ savedAt: 0, pack: big.pack });
    expect((await fakeBrowser.storage.local.get('userRules')).userRules).toBeDefined();
    expect((await fakeBrowser.storage.sync.get('userRules')).userRules).toBeUndefined();
    const read = await userRulesRecord.read();
    expect(read.area).toBe('local');
    expect(read.value.pack.rules).toHaveLength(40);
  });

  it('falls back to local when sync refuses the write', async () => {
    const { settingsRecord, defaultSettings } = await freshStorage();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await settingsRecord.write({ ...defaultSettings(), disabledRules: ['x'] });
    set.mockRestore();
    expect((await settingsRecord.read()).area).toBe('local');
  });

  it('on a quota error, keeps what was saved before and tells the caller', async () => {
    const { userRulesRecord, StorageSaveError } = await freshStorage();
    const first = (await import('../rules/schema')).parsePack(pack([rule('fr-a')]));
    if (!first.ok) throw new Error('invalid');
    await userRulesRecord.write({ savedAt: 0, pack: first.pack });

    const quota = new Error('QUOTA_BYTES quota exceeded');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quota);
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota);
    const second = (await import('../rules/schema')).parsePack(pack([rule('fr-a'), rule('fr-b')]));
    if (!second.ok) throw new Error('invalid');
    const error = await userRulesRecord.write({ savedAt: 0, pack: second.pack }).catch((e: unknown) => e);
    syncSet.mockRestore();
    localSet.mockRestore();

    expect(error).toBeInstanceOf(StorageSaveError);
    expect((error as InstanceType<typeof StorageSaveError>).quota).toBe(true);
    expect((await userRulesRecord.read()).value.pack.rules.map((r: RulePack['rules'][number]) => r.id)).toEqual(['fr-a']);
  });

  it('refuses to save a value its own schema refuses', async () => {
    const { settingsRecord, defaultSettings, StorageSaveError } = await freshStorage();
    await expect(settingsRecord.write({ ...defaultSettings(), categoryWeights: { 'anonymous-source': 7 } })).rejects.toBeInstanceOf(StorageSaveError);
  });

  it('when both areas hold a value, the newer one wins', async () => {
    await fakeBrowser.storage.sync.set({ settings: { savedAt: 10, disabledRules: ['old'] }, settings$: { v: 2 } });
    await fakeBrowser.storage.local.set({ settings: { savedAt: 20, disabledRules: ['new'] }, settings$: { v: 2 } });
    const { settingsRecord } = await freshStorage();
    expect((await settingsRecord.read()).value.disabledRules).toEqual(['new']);
  });
});
