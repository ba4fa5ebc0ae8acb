// User settings and user rules as the analyser takes them. The content script and the panel call
// `loadAnalyseOptions` before an analysis and `onAnalyseOptionsChanged` to re-run it when the user
// changes something on the options page (or on another device, through sync).
import type { AnalyseOptions, AnalyserSettings } from '../analyser';
import type { RulePack } from '../rules/schema';
import { settingsRecord, userRulesRecord, watchStoredOptions, defaultSettings, type StoredSettings, type StoredUserRules } from './storage';

export function toAnalyserSettings(stored: StoredSettings): AnalyserSettings {
  return {
    disabledCategories: [...stored.disabledCategories],
    disabledRules: [...stored.disabledRules],
    categoryWeights: { ...stored.categoryWeights },
  };
}

/** The user's packs as the analyser layers them over the built-in ones (none when empty: no rule and no word added to the grammar). */
export function userPacks(stored: StoredUserRules): RulePack[] {
  const words = Object.values(stored.pack.lexicon).some((lists) => Object.values(lists ?? {}).some((list) => list?.length));
  return stored.pack.rules.length || words ? [stored.pack] : [];
}

/** The analyser options that the user's settings and rule packs call for. */
export async function loadAnalyseOptions(): Promise<Pick<AnalyseOptions, 'packs' | 'settings'>> {
  // Readers in pages never write: a bad value is only set aside by the options page.
  const [settings, rules] = await Promise.all([settingsRecord.read().catch(() => ({ value: defaultSettings() })), userRulesRecord.read().catch(() => null)]);
  return { settings: toAnalyserSettings(settings.value), packs: rules ? userPacks(rules.value) : [] };
}

/** Calls `listener` whenever settings or user packs change; returns an unsubscribe function. */
export function onAnalyseOptionsChanged(listener: () => void): () => void {
  return watchStoredOptions(listener);
}
