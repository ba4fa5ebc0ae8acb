// The panel's words in English and French, and the fallback used outside the extension.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUALIFIERS } from '../analyser/report';
import { BANDS, SENTENCE_CATEGORIES } from '../analyser/taxonomy';
import english from '../public/_locales/en/messages.json';
import french from '../public/_locales/fr/messages.json';
import { t, uiLang } from '../components/i18n';
import { bandName, categoryName, qualifierName } from '../components/panel/labels';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales: Record<string, Messages> = { en: english, fr: french };

afterEach(() => vi.restoreAllMocks());

describe('locales', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });

  it('use the same placeholders in both languages, and every placeholder is declared', () => {
    for (const [key, entry] of Object.entries(english as Messages)) {
      const other = (french as Messages)[key]!;
      expect(Object.keys(other.placeholders ?? {}).sort(), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      for (const [lang, messages] of Object.entries(locales)) {
        const used = [...messages[key]!.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
        for (const name of used) expect(Object.keys(messages[key]!.placeholders ?? {}), `${lang}/${key}: $${name}$`).toContain(name);
      }
    }
  });

  it('name every category, band and qualifier of the report in both languages', () => {
    const ids = [...SENTENCE_CATEGORIES.map((c) => `category_${c}`), ...BANDS.map((b) => `band_${b}`), ...QUALIFIERS.map((q) => `qualifier_${q}`)].map((id) =>
      id.replace(/-/g, '_'),
    );
    for (const messages of Object.values(locales)) for (const id of ids) expect(messages[id]?.message, id).toBeTruthy();
    expect(panelLangs()).toEqual(['en', 'fr']);
  });
});

const panelLangs = () => Object.values(locales).map((m) => m.panelLang!.message);

describe('t()', () => {
  it('falls back to the English messages, with placeholders, when browser.i18n is not there', () => {
    expect(t('panelGaugeLabel', 42, 'Mixed sourcing')).toBe('Sourcing score: 42 out of 100, Mixed sourcing');
    expect(t('panelRedFlagCount', 0)).toBe('Red flags: 0');
    expect(categoryName('hedged-claim')).toBe('Hedged claims');
    expect(bandName('strong')).toBe('Strong sourcing');
    expect(qualifierName('reason-given')).toBe('reason for anonymity given');
    expect(uiLang()).toBe('en');
  });

  it('uses the browser’s locale when browser.i18n answers', () => {
    const getMessage = vi.fn((name: string, subs?: string[]) => (name === 'panelRedFlagCount' ? `Signaux d’alerte : ${subs?.[0]}` : ''));
    const i18n = (fakeBrowser as unknown as { i18n: { getMessage: unknown } }).i18n;
    const original = i18n.getMessage;
    i18n.getMessage = getMessage;
    try {
      expect(t('panelRedFlagCount', 3)).toBe('Signaux d’alerte : 3');
      expect(getMessage).toHaveBeenCalledWith('panelRedFlagCount', ['3']);
      // A key missing from the chosen locale falls back to English rather than a blank.
      expect(t('panelTryAgain')).toBe('Try again');
    } finally {
      i18n.getMessage = original;
    }
  });
});
