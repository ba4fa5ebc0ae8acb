import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countLanguageWords, declaredLanguage, detectLanguage } from '../analyser/language';

const doc = (htmlAttrs: string, head = '') =>
  parseHTML(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body></body></html>`).document as unknown as Document;

const FR =
  'Le ministre des Affaires étrangères a annoncé jeudi que les discussions reprendraient, selon un communiqué publié dans la soirée par le Quai d’Orsay.';
const EN =
  'The foreign minister said on Thursday that the talks would resume next week, according to a statement that was published by the ministry in the evening.';

describe('detectLanguage', () => {
  it('follows <html lang> when the text agrees', () => {
    expect(detectLanguage(doc('lang="fr-FR"'), FR)).toBe('fr');
    expect(detectLanguage(doc('lang="en-GB"'), EN)).toBe('en');
  });

  it('lets the text win when <html lang> plainly contradicts it', () => {
    // A French article on a page whose template says lang="en" (as on the corpus's liberation page).
    expect(detectLanguage(doc('lang="en"'), `${FR} ${FR}`)).toBe('fr');
    expect(detectLanguage(doc('lang="fr"'), `${EN} ${EN}`)).toBe('en');
  });

  it('keeps the declared language when the text is too short to tell, or mixed', () => {
    expect(detectLanguage(doc('lang="en"'), 'Le Monde')).toBe('en');
    expect(detectLanguage(doc('lang="fr"'), `${FR} ${EN}`)).toBe('fr');
    expect(detectLanguage(doc('lang="en"'), `${FR} ${EN}`)).toBe('en');
  });

  it('reads the text when no language is declared, or another one is', () => {
    expect(detectLanguage(doc(''), FR)).toBe('fr');
    expect(detectLanguage(doc(''), EN)).toBe('en');
    expect(detectLanguage(doc('lang="de"'), EN)).toBe('en');
    expect(detectLanguage(null, FR)).toBe('fr');
  });

  it('falls back to Content-Language then og:locale', () => {
    expect(declaredLanguage(doc('', '<meta http-equiv="Content-Language" content="fr">'))).toBe('fr');
    expect(declaredLanguage(doc('', '<meta property="og:locale" content="en_US">'))).toBe('en');
    expect(declaredLanguage(doc('lang="EN-us"', '<meta property="og:locale" content="fr_FR">'))).toBe('en');
    expect(declaredLanguage(doc('lang="es"'))).toBe('other');
    expect(declaredLanguage(doc(''))).toBeNull();
    expect(detectLanguage(doc('', '<meta property="og:locale" content="en_US">'), '')).toBe('en');
  });

  it('is French when nothing at all tells', () => {
    expect(detectLanguage(doc(''), '')).toBe('fr');
  });

  it('counts function words, not look-alikes inside other words', () => {
    expect(countLanguageWords('Lestrade thesaurus dethe')).toEqual({ fr: 0, en: 0 });
    expect(countLanguageWords('Selon le ministre, the end')).toEqual({ fr: 2, en: 1 });
  });
});
