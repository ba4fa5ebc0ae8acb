// The score is a transparent function of the findings: these invariants hold on every report, so that
// the panel can always retrace each point to highlighted findings.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyseDocument, analyseText, type Report } from '../analyser';
import { BAND_LIMITS, BASE_SCORE, bandOf } from '../analyser/score';
import { SENTENCE_CATEGORIES } from '../analyser/taxonomy';

const corpus = resolve(__dirname, '../../shared/corpus/pages');
const pages = readdirSync(corpus).filter((f) => f.endsWith('.html'));

const texts: Array<[string, 'fr' | 'en']> = [
  ['Exclusif. Le ministre va partir.\n\nSelon nos sources, il a fait ses cartons. Selon nos sources, il part lundi. Le suspect aurait fui.', 'fr'],
  ['Le porte-parole, Paul Martin, a confirmé. Selon un rapport de l’ONU, la famine progresse. Selon l’AFP, trois morts.', 'fr'],
  ['EXCLUSIVE: The deal is off.\n\nSources say it collapsed. We’re told the talks ended. Critics say it was doomed.', 'en'],
  ['Sarah Jones, a spokeswoman, said the recall was voluntary. According to a report by the WHO, cases rose.', 'en'],
  [Array.from({ length: 40 }, () => 'Selon nos sources, tout va mal.').join(' '), 'fr'],
  ['Rien à signaler dans ce texte.', 'fr'],
];

function checkInvariants(r: Report) {
  const sum = r.contributions.reduce((s, c) => s + c.points, 0);
  if (!r.article.found) {
    // No article, no verdict.
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
  } else {
    expect(r.score).toBe(Math.round(Math.min(100, Math.max(0, BASE_SCORE + sum))));
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.band).toBe(bandOf(r.score!));
  }
  const ids = new Set(r.findings.map((f) => f.id));
  for (const c of r.contributions) for (const id of c.findingIds) expect(ids.has(id), `${c.key} refers to ${id}`).toBe(true);
  // Every finding is counted on exactly one category line (the red-flag line points back at findings already counted).
  const categoryLines = r.contributions.filter((c) => c.key !== 'exclusive-red-flag');
  for (const f of r.findings) {
    expect(categoryLines.filter((c) => c.findingIds.includes(f.id)).length, `${f.id} ${f.category}`).toBe(1);
  }
  for (const c of SENTENCE_CATEGORIES) expect(r.counts[c]).toBe(r.findings.filter((f) => f.category === c).length);
  // One sentence in the article's language, with no "0 documents" in it.
  expect(r.summary).toMatch(/^\S.*\.$/);
  expect(r.summary).not.toMatch(/(?:^|\D)0 /);
}

describe('score invariants', () => {
  it.each(texts)('hold on a text (%#)', (text, lang) => checkInvariants(analyseText(text, lang)));
  it.each(pages)('hold on corpus page %s', (name) => {
    const { document } = parseHTML(readFileSync(join(corpus, name), 'utf8'));
    checkInvariants(analyseDocument(document as unknown as Document, { source: name }).report);
  });
});

describe('bands', () => {
  it('weak < 40 ≤ mixed < 65 ≤ strong', () => {
    expect(BAND_LIMITS).toEqual({ mixed: 40, strong: 65 });
    expect([0, 39, 40, 64, 65, 100].map(bandOf)).toEqual(['weak', 'weak', 'mixed', 'mixed', 'strong', 'strong']);
  });
});

describe('settings', () => {
  const text = 'Selon nos sources, le ministre partira. Le porte-parole, Paul Martin, a démenti.';
  const line = (r: Report, key: string) => r.contributions.find((c) => c.key === key)?.points ?? 0;
  it('a category weight multiplies that category’s line and only it', () => {
    const base = analyseText(text, 'fr');
    const doubled = analyseText(text, 'fr', { settings: { categoryWeights: { 'anonymous-source': 2 } } });
    expect(line(doubled, 'anonymous-source:bare')).toBeCloseTo(2 * line(base, 'anonymous-source:bare'), 5);
    expect(line(doubled, 'named-source')).toBe(line(base, 'named-source'));
    expect(doubled.score).toBeLessThan(base.score!);
    const off = analyseText(text, 'fr', { settings: { categoryWeights: { 'anonymous-source': 0 } } });
    expect(line(off, 'anonymous-source:bare')).toBe(0);
  });
  it('a disabled category yields no finding and no line', () => {
    const r = analyseText(text, 'fr', { settings: { disabledCategories: ['anonymous-source'] } });
    expect(r.findings.some((f) => f.category === 'anonymous-source')).toBe(false);
    expect(r.contributions.some((c) => c.key.startsWith('anonymous-source'))).toBe(false);
    expect(r.score).toBeGreaterThan(analyseText(text, 'fr').score!);
  });
  it('a disabled rule yields no finding', () => {
    const r = analyseText(text, 'fr', { settings: { disabledRules: ['fr-anonymous-nos-sources'] } });
    expect(r.findings.some((f) => f.ruleId === 'fr-anonymous-nos-sources')).toBe(false);
  });
});

describe('diminishing returns', () => {
  it('each further finding of a category counts less, and no line passes the cap', () => {
    const one = analyseText('Selon nos sources, il part.', 'fr');
    const two = analyseText('Selon nos sources, il part. Selon nos sources, il revient.', 'fr');
    const many = analyseText(Array.from({ length: 40 }, () => 'Selon nos sources, il part.').join(' '), 'fr');
    const p = (r: Report) => r.contributions.find((c) => c.key === 'anonymous-source:bare')!.points;
    expect(Math.abs(p(two))).toBeGreaterThan(Math.abs(p(one)));
    expect(Math.abs(p(two))).toBeLessThan(2 * Math.abs(p(one)));
    expect(p(many)).toBeGreaterThanOrEqual(-30);
  });
});

describe('summary sentence', () => {
  const summary = (text: string, lang: 'fr' | 'en') => analyseText(text, lang).summary;
  it('names what a weak article leans on, in its language', () => {
    expect(summary('Exclusif. Le ministre part.\n\nSelon nos sources, il part. Selon nos informations, c’est fait.', 'fr')).toBe(
      '«\u202fExclusif\u202f» qui s’appuie sur 1 source anonyme et 1 renvoi du média à lui-même\u00a0; aucune source nommée ni document.',
    );
    expect(summary('Sources say he left. Critics say it is over.', 'en')).toBe(
      'Leans on 1 anonymous source and 1 vague attribution; no named source or document.',
    );
  });
  it('lists only the kinds of sources present for a strong or mixed article', () => {
    expect(summary('Sarah Jones said yes. According to a report by the WHO, cases rose. Court filings show it. Tom Smith said no.', 'en')).toBe(
      'Attributes its claims to 2 named sources and 2 documents cited.',
    );
    expect(summary('Selon l’AFP, trois morts. Le ministre serait parti.', 'fr')).toBe(
      'Des sources identifiables (1 reprise d’un autre média), mais 1 affirmation au conditionnel sans attribution.',
    );
  });
  it('says when nothing identifiable is cited', () => {
    expect(summary('Il faut savoir que tout va mal.', 'fr')).toBe(
      'Aucune source identifiable et 1 affirmation présentée comme évidente\u00a0: l’article repose surtout sur la parole de son auteur.',
    );
  });
});
