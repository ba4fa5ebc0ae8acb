// A pack's words for the grammar (its `lexicon` field): checked by the schema with errors naming the field, merged
// on import, and handed to the analyser even when the pack has no rule.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyser';
import { parsePack } from '../rules/schema';
import { userPacks } from '../extension/settings';
import { emptyUserPack } from '../extension/storage';
import { addWords, mergeLexicons, removeWord } from '../components/options/lexicon';
import { previewImport } from '../components/options/packs';

const pack = (lexicon: unknown) => ({ schemaVersion: 1, id: 'p', name: 'P', lexicon, rules: [] });

describe('the lexicon field of a pack', () => {
  it('refuses a conjugated French verb, a regular expression and a word without letters, naming the field', () => {
    const result = parsePack(pack({ fr: { 'speech-verbs': ['pérorer', 'pérore', 'se gausser'], outlets: ['Le Canard|Libé', '42'] } }));
    expect(result.ok ? [] : result.errors).toEqual([
      'lexicon.fr.speech-verbs.1: give the verb by its infinitive ("pérorer", not "pérore")',
      'lexicon.fr.outlets.0: write the word or phrase itself, one per line, without regular-expression signs',
      'lexicon.fr.outlets.1: an entry needs at least one letter',
    ]);
  });

  it('accepts infinitives in -er, -ir, -re, pronominal verbs, titles with a full stop and outlet names', () => {
    const ok = parsePack(
      pack({
        fr: {
          'speech-verbs': ['pérorer', 'glapir', 'se plaindre', "s'ébaudir", 'conclure'],
          honorifics: ['Pr.'],
          outlets: ['Le Canard enchaîné', 'France 24'],
        },
        en: { 'speech-verbs': ['opine'] },
      }),
    );
    expect(ok.ok ? [] : ok.errors).toEqual([]);
  });

  it('a pack with words and no rule still reaches the analyser', () => {
    const mine = { ...emptyUserPack(), lexicon: { fr: { 'speech-verbs': ['pérorer'] } } };
    expect(userPacks({ savedAt: 1, pack: emptyUserPack() })).toEqual([]);
    const packs = userPacks({ savedAt: 1, pack: mine });
    expect(packs).toEqual([mine]);
    const sentence = 'Le maire pérore que les caisses sont vides.';
    expect(analyseText(sentence, 'fr').findings.filter((f) => f.trace)).toEqual([]);
    expect(
      analyseText(sentence, 'fr', { packs })
        .findings.filter((f) => f.trace)
        .map((f) => f.trace!.cue),
    ).toEqual(['pérorer']);
  });
});

describe('adding, removing and merging words', () => {
  it('leaves out what the grammar or the user has, ignoring case and accents', () => {
    const first = addWords({}, 'fr', 'speech-verbs', ['pérorer', 'Déclarer']);
    expect(first.added).toEqual(['pérorer']);
    expect(first.known).toEqual(['Déclarer']);
    const again = addWords(first.lexicon, 'fr', 'speech-verbs', ['Pérorer']);
    expect(again.added).toEqual([]);
    expect(again.lexicon).toBe(first.lexicon);
    expect(removeWord(first.lexicon, 'fr', 'speech-verbs', 'pérorer')).toEqual({});
  });

  it('an import adds the words the user lacks, each once', () => {
    const merged = mergeLexicons({ fr: { roles: ['bâtonnier'] } }, { fr: { roles: ['Batonnier', 'greffière'] }, en: { outlets: ['The Daily Planet'] } });
    expect(merged.lexicon).toEqual({ fr: { roles: ['bâtonnier', 'greffière'] }, en: { outlets: ['The Daily Planet'] } });
    expect(merged.added.map((e) => e.word)).toEqual(['greffière', 'The Daily Planet']);
    const preview = previewImport(
      { ...emptyUserPack(), lexicon: { fr: { roles: ['bâtonnier'] } } },
      { ...emptyUserPack(), lexicon: { fr: { roles: ['greffière'] } } },
      new Set(),
    );
    expect(preview.merged.lexicon).toEqual({ fr: { roles: ['bâtonnier', 'greffière'] } });
    expect(preview.words).toEqual([{ lang: 'fr', list: 'roles', word: 'greffière' }]);
  });
});
