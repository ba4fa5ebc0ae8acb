// French typography (issue 11, point 5): guillemets hold a narrow no-break space inside (« never ends a line, »
// never starts one) and apostrophes are typographic, in every French string of the interface and of the report —
// while quoted page text stays exactly as the page wrote it.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyseDocument, analyseText } from '../analyser';
import { formatMarkdown, formatText } from '../analyser/format';
import { CATEGORY_EXPLANATIONS, describeCount, frenchTypography, summarise } from '../analyser/wording';
import { BANDS, SENTENCE_CATEGORIES, type Category } from '../analyser/taxonomy';
import french from '../public/_locales/fr/messages.json';

/** What is wrong with a French string's typography, or [] when nothing is. */
function faults(text: string): string[] {
  const found: string[] = [];
  if (/'/.test(text)) found.push('straight apostrophe');
  if (/«(?!\u202f)/.test(text)) found.push('« without a narrow no-break space after it');
  if (/(?<!\u202f)»/.test(text)) found.push('» without a narrow no-break space before it');
  return found;
}

const FRENCH_ARTICLE = `<html lang="fr"><body><article><h1>Exclusif : le ministre s'apprête à démissionner</h1>
<p>Selon des sources proches du gouvernement, le ministre aurait démissionné lundi. « Nous ne ferons aucun commentaire », a déclaré Jean Dupont, porte-parole du ministère. D'après l'AFP, un remaniement est prévu.</p>
<p>Certains observateurs estiment que la décision a été prise il y a des semaines. Tout le monde sait que la coalition est fragile, et notre journal a appris qu'un haut fonctionnaire, sous couvert d'anonymat, l'avait annoncé.</p></article></body></html>`;

describe('French typography', () => {
  it('frenchTypography puts narrow no-break spaces inside guillemets and curls apostrophes', () => {
    expect(frenchTypography("« L'AFP »")).toBe('«\u202fL’AFP\u202f»');
    expect(frenchTypography('«\u00a0exclusif\u00a0» : oui')).toBe('«\u202fexclusif\u202f»\u00a0: oui');
    expect(frenchTypography('«exclusif»')).toBe('«\u202fexclusif\u202f»');
  });

  it('in every French message of the interface and the options page', () => {
    const wrong = Object.entries(french as Record<string, { message: string }>)
      .map(([key, { message }]) => [key, faults(message)] as const)
      .filter(([, f]) => f.length);
    expect(wrong).toEqual([]);
  });

  it('in the report’s own French words: category names, score lines, summaries, explanations', () => {
    const strings: string[] = [];
    for (const c of [...SENTENCE_CATEGORIES, 'exclusive-red-flag', 'byline', 'dateline', 'link-to-source'])
      for (const n of [1, 3]) strings.push(describeCount('fr', c, n));
    for (const { explanation, trainerNote } of Object.values(CATEGORY_EXPLANATIONS.fr)) strings.push(explanation, trainerNote);
    const counts = Object.fromEntries(SENTENCE_CATEGORIES.map((c) => [c, 1])) as Record<Category, number>;
    for (const band of BANDS)
      strings.push(
        summarise('fr', { findings: analyseText('Selon nos sources, il aurait menti.', 'fr').findings, counts, band, found: true, distinctNamed: 1 }),
      );
    expect(strings.filter((s) => faults(s).length)).toEqual([]);
  });

  it('in a French report of a French article, down to the rules’ own explanations, with page text left as written', () => {
    const { document } = parseHTML(FRENCH_ARTICLE);
    const report = analyseDocument(document as unknown as Document, { url: 'https://news.example/a', source: 'https://news.example/a' }).report;
    expect(report.findings.length).toBeGreaterThan(4);
    for (const f of report.findings) {
      expect(faults(f.explanation), `${f.ruleId}: ${f.explanation}`).toEqual([]);
      expect(faults(f.trainerNote), `${f.ruleId}: ${f.trainerNote}`).toEqual([]);
    }
    for (const c of report.contributions) expect(faults(c.label), c.label).toEqual([]);
    expect(faults(report.summary)).toEqual([]);
    // The page's own apostrophes stay straight in quoted text.
    expect(report.findings.some((f) => f.sentence.includes("'"))).toBe(true);
    expect(formatText(report)).toMatch(/• «\u202f[^»]+\u202f»/);
    // The Markdown's own lines (section headings, summary, score lines; not the page's headline or sentences).
    const own = formatMarkdown(report)
      .split('\n')
      .filter((line) => /^(## |> |- (\\?[+−±]|base))/.test(line));
    expect(own.length).toBeGreaterThan(5);
    expect(own.filter((line) => faults(line.replace(/\\'/g, '’')).length)).toEqual([]);
  });
});
