// The nuances of the taxonomy that the engine attaches to findings and the score reads: bare or
// described anonymity, a reason for it, corroboration, attributed hedges, labels, speakers of pronoun
// attributions, relays that are also attributions, and an outlet naming itself on its own site.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyser';
import type { Category, Lang } from '../analyser/taxonomy';

// (score: these texts all hold an article, so a score; NaN would fail every comparison if one did not.)
const report = (text: string, lang: Lang, siteNames: string[] = []) => ((r) => ({ ...r, score: r.score ?? NaN }))(analyseText(text, lang, { siteNames }));
const of = (text: string, lang: Lang, category: Category, siteNames: string[] = []) =>
  report(text, lang, siteNames).findings.filter((f) => f.category === category);

describe('anonymous sources', () => {
  it('a bare « nos sources » weighs more than a described source', () => {
    const bare = report('Selon nos sources, le ministre partira.', 'fr');
    const described = report('Selon une source du Quai d’Orsay, le ministre partira.', 'fr');
    expect(bare.findings[0]!.qualifiers).toContain('bare');
    expect(described.findings[0]!.qualifiers).toContain('described');
    expect(bare.score).toBeLessThan(described.score);
    expect(report('Sources say the minister will go.', 'en').score).toBeLessThan(report('A senior government source said the minister will go.', 'en').score);
  });
  it('a stated reason for anonymity softens it; asking for anonymity is not a reason', () => {
    const plain = report('Un haut responsable, qui a requis l’anonymat, affirme que l’accord est signé.', 'fr');
    const reason = report('Un haut responsable, qui a requis l’anonymat par crainte de représailles, affirme que l’accord est signé.', 'fr');
    expect(plain.findings[0]!.qualifiers).not.toContain('reason-given');
    expect(reason.findings[0]!.qualifiers).toContain('reason-given');
    expect(reason.score).toBeGreaterThan(plain.score);
    const en = report('The officials spoke on condition of anonymity because they were not authorized to discuss the talks.', 'en');
    expect(en.findings.find((f) => f.category === 'anonymous-source')!.qualifiers).toContain('reason-given');
  });
  it('"at least three sources" counts as corroboration, one source does not', () => {
    expect(of('At least three sources confirmed the meeting.', 'en', 'anonymous-source')[0]!.qualifiers).toContain('corroborated');
    expect(of('Au moins trois sources sécuritaires ont confirmé l’attaque.', 'fr', 'anonymous-source')[0]!.qualifiers).toContain('corroborated');
    expect(of('A source confirmed the meeting.', 'en', 'anonymous-source')[0]!.qualifiers).not.toContain('corroborated');
    expect(report('At least three sources confirmed the meeting.', 'en').score).toBeGreaterThan(report('A source confirmed the meeting.', 'en').score);
  });
});

describe('hedges', () => {
  it('a hedge with an attribution in the same sentence is not a bare hedge, and weighs less', () => {
    const bare = of('L’attaque aurait fait vingt morts.', 'fr', 'hedged-claim');
    const attributed = of('L’attaque aurait fait vingt morts, selon la police.', 'fr', 'hedged-claim');
    expect(bare[0]!.qualifiers).not.toContain('attributed');
    expect(attributed[0]!.qualifiers).toContain('attributed');
    expect(of('The minister reportedly resigned, according to the BBC.', 'en', 'hedged-claim')[0]!.qualifiers).toContain('attributed');
    expect(of('The minister reportedly resigned.', 'en', 'hedged-claim')[0]!.qualifiers).not.toContain('attributed');
  });
  it('the conditional of hypothesis or politeness is not a hedge, nor the imperfect', () => {
    for (const text of [
      'Si la loi passait, elle serait censurée.',
      'S’il pleuvait, le match serait reporté.',
      'Je voudrais remercier les bénévoles.',
      'Il espérait une victoire.',
    ]) {
      expect(of(text, 'fr', 'hedged-claim'), text).toEqual([]);
    }
  });
  it('a named speaker’s own conditional inside the quote is not the journalist’s hedge', () => {
    expect(of('« Nous serions prêts à signer », a déclaré Volodymyr Zelensky.', 'fr', 'hedged-claim')).toEqual([]);
    expect(of('Le ministre serait prêt à signer.', 'fr', 'hedged-claim')).toHaveLength(1);
  });
});

describe('« Exclusif »', () => {
  it('counts as a label at the head of the article, not in the body', () => {
    const label = of('Exclusif. Le club prépare une offre.\n\nLe président a parlé.', 'fr', 'exclusive-claim');
    expect(label[0]!.qualifiers).toContain('label');
    expect(of('Le club prépare une offre.\n\nEXCLUSIVE interview later.', 'en', 'exclusive-claim').filter((f) => f.qualifiers.includes('label'))).toEqual([]);
  });
  it('« droit exclusif » and "exclusive rights" are not claims', () => {
    expect(of('Il détient un droit exclusif sur la marque.', 'fr', 'exclusive-claim')).toEqual([]);
    expect(of('The channel holds exclusive interview rights.', 'en', 'exclusive-claim')).toEqual([]);
  });
  it('is a red flag when it rests on anonymous sources or self-reference, not when it rests on the record', () => {
    const weak = report('Exclusif. Le ministre va partir.\n\nSelon nos sources, il a déjà fait ses cartons.', 'fr');
    expect(weak.contributions.some((c) => c.key === 'exclusive-red-flag')).toBe(true);
    const self = report('Exclusif. Le ministre va partir.\n\nSelon nos informations, il a déjà fait ses cartons.', 'fr');
    expect(self.contributions.some((c) => c.key === 'exclusive-red-flag')).toBe(true);
    const onRecord = report('Exclusif. Le ministre va partir.\n\nLe porte-parole du gouvernement, Paul Martin, a confirmé son départ.', 'fr');
    expect(onRecord.contributions.some((c) => c.key === 'exclusive-red-flag')).toBe(false);
  });
});

describe('speakers', () => {
  it('pronoun attributions belong to the last named speaker', () => {
    const fr = of('Sergueï Lavrov a dénoncé l’ingérence. Puis Antony Blinken a répondu. « C’est faux », a-t-il ajouté.', 'fr', 'named-source');
    expect(fr.at(-1)!.text).toBe('a-t-il ajouté');
    expect(fr.at(-1)!.who).toBe('Antony Blinken');
    const en = of('Angela Merkel said the deal was fair. She added that talks would go on.', 'en', 'named-source');
    expect(en.at(-1)!.who).toBe('Angela Merkel');
  });
  it('an organisation’s name keeps its "of" and "for"', () => {
    expect(of('Claims could exceed £100m, the Association of British Insurers estimated.', 'en', 'named-source').map((f) => f.who)).toEqual([
      'Association of British Insurers',
    ]);
    expect(of('The Office for National Statistics said prices rose. It added that food led the rise.', 'en', 'named-source')[0]!.who).toBe(
      'Office for National Statistics',
    );
  });
  it('a pronoun attribution with no named speaker before it is not reported', () => {
    expect(of('« C’est faux », a-t-il ajouté.', 'fr', 'named-source')).toEqual([]);
    expect(of('“It is false,” he added.', 'en', 'named-source')).toEqual([]);
  });
  it('a quote attributed to a named speaker keeps its speech verb, but markers inside it are the speaker’s words', () => {
    const r = report('« Certains experts estiment que nous avons tort », a déclaré Gabriel Attal.', 'fr');
    expect(r.findings.map((f) => f.category)).toEqual(['named-source']);
  });
});

describe('documents', () => {
  it('a named speaker quoted from a document is reported under both categories', () => {
    const r = report('Le porte-parole du ministère, Jean Dupont, a déclaré dans un communiqué que rien n’était décidé.', 'fr');
    expect(r.findings.map((f) => f.category).sort()).toEqual(['named-source', 'official-document']);
    expect(report('Selon le document, les frappes ont eu lieu.', 'fr').findings.map((f) => f.category)).toEqual(['official-document']);
  });
});

describe('relays', () => {
  it('a named source speaking to another outlet is reported under both categories', () => {
    const r = report('« Nous sommes prêts », a déclaré à l’AFP Mohamed Bazoum.', 'fr');
    expect(r.findings.map((f) => f.category).sort()).toEqual(['media-relay', 'named-source']);
    expect(r.findings.find((f) => f.category === 'named-source')!.qualifiers).toContain('relayed');
    const en = report('A senior official told Reuters the plan was dropped.', 'en');
    expect(en.findings.map((f) => f.category).sort()).toEqual(['anonymous-source', 'media-relay']);
  });
  it('an outlet that reports is a relay, not a named source', () => {
    const r = report('Reuters a révélé l’existence de l’accord.', 'fr');
    expect(r.findings.map((f) => f.category)).toEqual(['media-relay']);
  });
  it('an outlet naming itself on its own site is not a relay', () => {
    expect(of('The minister told the BBC that he would stand again.', 'en', 'media-relay', ['BBC'])).toEqual([]);
    expect(of('The minister told the BBC that he would stand again.', 'en', 'media-relay')).toHaveLength(1);
    expect(of('Selon Le Monde, le ministre partira.', 'fr', 'media-relay', ['Le Monde'])).toEqual([]);
    expect(of('TMZ has learned the dress was found.', 'en', 'self-reference', ['TMZ'])).toHaveLength(1);
  });
});

describe('words about sourcing are not attributions', () => {
  it('the hacker group "Anonymous" is not an anonymous source', () => {
    expect(of('The hacker group Anonymous claimed the attack.', 'en', 'anonymous-source')).toEqual([]);
  });
  it.each([
    ['fr', 'Le journaliste a fini de sourcer « selon l’Élysée » ses informations.'],
    ['fr', 'Cette source d’énergie est renouvelable.'],
    ['en', 'The law protects the identity of a journalist’s sources.'],
    ['en', 'Tunisia was one of the major sources of foreign fighters.'],
    ['en', 'Source: Supplied'],
  ] as const)('%s: %s', (lang, text) => {
    expect(report(text, lang).findings.filter((f) => f.category !== 'exclusive-claim')).toEqual([]);
  });
});
