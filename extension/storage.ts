// The user's settings and rules in browser.storage, versioned (WXT storage items with migrations)
// and always read through zod.
//
// - Each record lives in `sync` when it fits one sync item (the user finds it on their other
//   browsers), else in `local` (sync items are capped at 8 KB; a trainer's pack is often larger).
//   Every value carries `savedAt`: if both areas hold one (a save interrupted while moving), the
//   newer wins.
// - A value that zod refuses (corrupted, written by a foreign tool, a migration that failed) never
//   crashes a reader: the reader uses the defaults. Where `recover` is asked for (options page,
//   background), the bad value is first copied to a backup item, then removed, and the options page
//   says so. Nothing is removed before its backup is written.
// - A save is one `storage.set` call per area (value and version together): when the browser
//   refuses it (quota), nothing already saved is lost, and the caller gets a `StorageSaveError`.
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
// zod/mini: the content script reads settings through these schemas, and must stay small.
import * as z from 'zod/mini';
import { SENTENCE_CATEGORIES, type Category } from '../analyser/taxonomy';
import { packSchema, PACK_SCHEMA_VERSION, type RulePack } from '../rules/schema';

// ---------------------------------------------------------------------------------------------
// Settings

export const SETTINGS_VERSION = 2;

export const categoryWeightSchema = z.number().check(z.gte(0), z.lte(2));

export const storedSettingsSchema = z.object({
  /** When this value was saved (ms since epoch); 0 for values migrated from v1. */
  savedAt: z.number().check(z.nonnegative()),
  disabledCategories: z._default(z.array(z.enum(SENTENCE_CATEGORIES)), []),
  disabledRules: z._default(z.array(z.string().check(z.maxLength(200))), []),
  /** Multipliers of a category's points, 0–2; absent means 1. */
  categoryWeights: z._default(z.partialRecord(z.enum(SENTENCE_CATEGORIES), categoryWeightSchema), {}),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

export function defaultSettings(): StoredSettings {
  return { savedAt: 0, disabledCategories: [], disabledRules: [], categoryWeights: {} };
}

/** Category ids of the pre-release taxonomy that v1 settings may still hold. */
const V1_CATEGORY_NAMES: Record<string, Category> = {
  'unnamed-source': 'anonymous-source',
  conditional: 'hedged-claim',
  'press-relay': 'media-relay',
  exclusive: 'exclusive-claim',
};

/**
 * v1 (pre-release builds) kept `disabledRules` as one comma-separated string, category weights as
 * percentages (0–200) and the pre-release category ids; it had no `savedAt`. v2 keeps arrays,
 * multipliers (0–2) and the taxonomy's ids. Values that are already v2 (they have `savedAt`: a
 * value rewritten after its version mark was lost) pass through unchanged, so running this twice
 * is harmless. Anything else is passed on for zod to refuse.
 */
export function migrateSettingsV1toV2(old: unknown): unknown {
  if (!old || typeof old !== 'object' || Array.isArray(old) || 'savedAt' in old) return old;
  const v1 = old as Record<string, unknown>;
  const category = (id: unknown) => (typeof id === 'string' ? (V1_CATEGORY_NAMES[id] ?? id) : id);
  const out: Record<string, unknown> = { ...v1, savedAt: 0 };
  if (typeof v1.disabledRules === 'string') {
    out.disabledRules = v1.disabledRules
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  }
  if (Array.isArray(v1.disabledCategories)) out.disabledCategories = [...new Set(v1.disabledCategories.map(category))];
  if (v1.categoryWeights && typeof v1.categoryWeights === 'object' && !Array.isArray(v1.categoryWeights)) {
    const weights: Record<string, unknown> = {};
    for (const [key, percent] of Object.entries(v1.categoryWeights as Record<string, unknown>)) {
      weights[category(key) as string] =
        typeof percent === 'number' && Number.isFinite(percent) ? Math.min(2, Math.max(0, Math.round(percent) / 100)) : percent;
    }
    out.categoryWeights = weights;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// User rules

export const USER_RULES_VERSION = 1;

export const storedUserRulesSchema = z.object({
  savedAt: z.number().check(z.nonnegative()),
  /** The user's rules as one pack: what "Export my rules" downloads. */
  pack: packSchema,
});
export type StoredUserRules = z.infer<typeof storedUserRulesSchema>;

export const USER_PACK_ID = 'my-rules';

export function emptyUserPack(): RulePack {
  return { schemaVersion: PACK_SCHEMA_VERSION, id: USER_PACK_ID, name: 'My rules', description: '', lexicon: {}, vocabulary: {}, rules: [] };
}

export function defaultUserRules(): StoredUserRules {
  return { savedAt: 0, pack: emptyUserPack() };
}

// ---------------------------------------------------------------------------------------------
// Records placed in sync or local

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM is 8192 (key + JSON value); keep a margin. */
export const SYNC_ITEM_BUDGET = 7800;

export type Area = 'sync' | 'local';

export interface Backup {
  /** Storage key the value was read from, e.g. `sync:settings`. */
  key: string;
  /** When it was kept aside. */
  at: number;
  /** Why it could not be used (zod's first issues, or "unreadable"). */
  reason: string;
  value: unknown;
}

export interface ReadResult<T> {
  value: T;
  /** Where the value came from; null when the defaults are in use. */
  area: Area | null;
  /** Storage keys whose value could not be read (kept aside when `recover` was asked for). */
  unreadable: string[];
}

export class StorageSaveError extends Error {
  constructor(
    readonly record: string,
    readonly quota: boolean,
    cause: unknown,
  ) {
    super(`could not save ${record}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageSaveError';
  }
}

const BACKUP_KEY = 'local:backups' as const;
const MAX_BACKUPS = 5;
const backupsSchema = z.array(z.object({ key: z.string(), at: z.number(), reason: z.string(), value: z.unknown() }));

function isQuotaError(e: unknown): boolean {
  return /quota|QUOTA_BYTES|MAX_ITEMS|MAX_WRITE_OPERATIONS/i.test(e instanceof Error ? e.message : String(e));
}

function byteSize(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

interface RecordOptions<T> {
  name: string;
  schema: z.ZodMiniType<T>;
  version: number;
  migrations: Record<number, (old: unknown) => unknown>;
  defaults: () => T;
}

export interface StoredRecord<T extends { savedAt: number }> {
  readonly name: string;
  readonly keys: Record<Area, StorageItemKey>;
  read(options?: { recover?: boolean }): Promise<ReadResult<T>>;
  /** Saves (setting `savedAt`); throws StorageSaveError when the browser refuses it. */
  write(value: T): Promise<T>;
  /** Removes the value from both areas: the defaults apply again. */
  clear(): Promise<void>;
}

function defineRecord<T extends { savedAt: number }>(options: RecordOptions<T>): StoredRecord<T> {
  const { name, schema, version, migrations, defaults } = options;
  const keys: Record<Area, StorageItemKey> = { sync: `sync:${name}`, local: `local:${name}` };
  // WXT runs the migrations of each item once per context at definition; a failed migration is
  // logged by WXT and leaves the old value, which zod then refuses below.
  const items = {
    sync: storage.defineItem<unknown>(keys.sync, { version, migrations }),
    local: storage.defineItem<unknown>(keys.local, { version, migrations }),
  };

  async function readRaw(area: Area): Promise<{ raw: unknown; error?: string }> {
    try {
      return { raw: await items[area].getValue() };
    } catch (e) {
      // The area itself is unavailable (e.g. sync disabled by policy): treat as empty.
      return { raw: null, error: (e as Error).message };
    }
  }

  return {
    name,
    keys,
    async read({ recover = false } = {}) {
      const found: Array<{ area: Area; value: T }> = [];
      const unreadable: string[] = [];
      for (const area of ['sync', 'local'] as const) {
        const { raw } = await readRaw(area);
        if (raw == null) continue;
        const parsed = schema.safeParse(raw);
        if (parsed.success) {
          found.push({ area, value: parsed.data });
          continue;
        }
        unreadable.push(keys[area]);
        if (recover) {
          const reason = parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
            .join('; ');
          await keepAside(keys[area], raw, reason, () => items[area].removeValue({ removeMeta: true }));
        }
      }
      found.sort((a, b) => b.value.savedAt - a.value.savedAt);
      const newest = found[0];
      return newest ? { value: newest.value, area: newest.area, unreadable } : { value: defaults(), area: null, unreadable };
    },
    async write(value) {
      const toSave = { ...value, savedAt: Math.max(Date.now(), value.savedAt + 1) };
      const checked = schema.safeParse(toSave);
      if (!checked.success) throw new StorageSaveError(name, false, new Error(checked.error.issues[0]?.message ?? 'invalid value'));
      const fitsSync = byteSize(name, toSave) <= SYNC_ITEM_BUDGET;
      const order: Area[] = fitsSync ? ['sync', 'local'] : ['local'];
      let lastError: unknown = null;
      for (const area of order) {
        try {
          // Value and version mark in one set() call: both land or neither does.
          await storage.setItems([
            { key: keys[area], value: toSave },
            { key: `${keys[area]}$` as StorageItemKey, value: { v: version } },
          ]);
          const other: Area = area === 'sync' ? 'local' : 'sync';
          // The copy in the other area is now older; removing it is tidiness (the newer wins anyway).
          await items[other].removeValue({ removeMeta: true }).catch(() => {});
          return toSave;
        } catch (e) {
          lastError = e; // sync full or rate-limited: try local
        }
      }
      throw new StorageSaveError(name, isQuotaError(lastError), lastError);
    },
    async clear() {
      await Promise.all([items.sync.removeValue({ removeMeta: true }), items.local.removeValue({ removeMeta: true })]);
    },
  };
}

async function keepAside(key: string, value: unknown, reason: string, remove: () => Promise<void>): Promise<void> {
  try {
    const backups = await listBackups();
    // Several readers may find the same bad value: keep it once.
    const same = backups.some((b) => b.key === key && JSON.stringify(b.value) === JSON.stringify(value));
    if (!same) {
      const next = [{ key, at: Date.now(), reason, value }, ...backups].slice(0, MAX_BACKUPS);
      await storage.setItem(BACKUP_KEY, next);
    }
    await remove();
  } catch {
    // Backup impossible (quota?): leave the bad value where it is; readers keep using defaults.
  }
}

/** Values that could not be read and were kept aside, newest first. */
export async function listBackups(): Promise<Backup[]> {
  const parsed = backupsSchema.safeParse(await storage.getItem(BACKUP_KEY));
  return parsed.success ? (parsed.data as Backup[]) : [];
}

/** Forgets the kept-aside values (the user downloaded or dismissed them). */
export async function clearBackups(): Promise<void> {
  await storage.removeItem(BACKUP_KEY);
}

export const settingsRecord = defineRecord<StoredSettings>({
  name: 'settings',
  schema: storedSettingsSchema,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsV1toV2 },
  defaults: defaultSettings,
});

export const userRulesRecord = defineRecord<StoredUserRules>({
  name: 'userRules',
  schema: storedUserRulesSchema,
  version: USER_RULES_VERSION,
  migrations: {},
  defaults: defaultUserRules,
});

const WATCHED = new Set(['settings', 'userRules']);

/** Calls `listener` when settings or user rules change in either area (any context, any device). */
export function watchStoredOptions(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (Object.keys(changes).some((k) => WATCHED.has(k))) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
