// UI strings from public/_locales through browser.i18n, with the key itself as a last resort (tests, or a key
// missing from a locale) so that a missing string never shows as a blank.
import { browser } from 'wxt/browser';
import type { Translate } from './tab-state';

export const t: Translate = (key, substitutions) => {
  try {
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    return getMessage(key, substitutions?.map(String)) || key;
  } catch {
    return key;
  }
};
