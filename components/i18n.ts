// The panel's words: browser.i18n picks the locale from the browser's language (_locales/{en,fr}).
// When browser.i18n is missing (component tests, a page opened outside the extension) or a key is
// absent from the chosen locale, the English messages are used, so the panel never shows a blank label.
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type MessageKey = keyof typeof english;

const fallback: Record<string, LocaleMessage> = english;

/** The localised message `key`, with `subs` filling its `$1`…`$9` placeholders. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  try {
    // Typed loosely: WXT's generated key list lags behind messages.json until `wxt prepare` runs again.
    const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
    const message = getMessage.call(browser.i18n, key, strings);
    if (message) return message;
  } catch {
    // No i18n API here: use the English messages below.
  }
  const entry = fallback[key];
  return entry ? substitute(entry, strings) : key;
}

/** The language the panel's words are in ("en" or "fr"), for `lang` attributes and number formats. */
export function uiLang(): string {
  return t('panelLang');
}

/** Same rules as the browsers: named placeholders map to `$n`, then `$n` takes the n-th substitution. */
function substitute(entry: LocaleMessage, subs: string[]): string {
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(placeholders).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}
