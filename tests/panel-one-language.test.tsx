// @vitest-environment happy-dom
// One panel, one language (issue 11, point 4): with a French interface on an English article, and the reverse, every
// string the panel shows — headings, tags, labels, the summary, score lines, explanations, trainer's notes — is in
// the interface's language; only quoted page text (headline, marker sentences, byline, link texts) stays as written.
import { cleanup, render } from '@testing-library/preact';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyseDocument } from '../analyser';
import type { Report } from '../analyser/report';
import type { Lang } from '../analyser/taxonomy';
import { Panel } from '../components/panel/Panel';
import { WORDS_OF } from './helpers/languages';
import english from '../public/_locales/en/messages.json';
import french from '../public/_locales/fr/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES: Record<Lang, Messages> = { en: english, fr: french };

/** browser.i18n as the browser would answer in `lang` (named placeholders → $n → substitutions). */
function useInterface(lang: Lang) {
  const i18n = (fakeBrowser as unknown as { i18n: Record<string, unknown> }).i18n;
  i18n.getMessage = (key: string, subs: string[] = []) => {
    const entry = LOCALES[lang][key];
    if (!entry) return '';
    const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
    return named.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const ENGLISH_ARTICLE = `<html lang="en"><head><title>Minister to quit</title></head><body><article>
<h1>Exclusive: the minister is about to resign</h1><p class="byline">By Jane Doe</p><time datetime="2026-03-04">4 March 2026</time>
<p>According to sources close to the government, the minister would have resigned on Monday. "We will not comment," said John Smith, a spokesman for the ministry, on Tuesday. The ministry's annual report shows that the budget doubled.</p>
<p>Some observers believe the decision was taken weeks ago. The minister reportedly told aides he was tired. Everyone knows that the coalition is fragile, and the newspaper has learned that a reshuffle is planned, as Reuters reported on Wednesday.</p>
<p>An official who spoke on condition of anonymity said the prime minister had been told. Read the <a href="https://gov.example/report.pdf">full report</a> on the ministry's site.</p>
</article></body></html>`;

const FRENCH_ARTICLE = `<html lang="fr"><head><title>Le ministre va démissionner</title></head><body><article>
<h1>Exclusif : le ministre s'apprête à démissionner</h1><p class="byline">Par Jeanne Martin</p><time datetime="2026-03-04">4 mars 2026</time>
<p>Selon des sources proches du gouvernement, le ministre aurait démissionné lundi. « Nous ne ferons aucun commentaire », a déclaré Jean Dupont, porte-parole du ministère, mardi. Le rapport annuel du ministère montre que le budget a doublé.</p>
<p>Certains observateurs estiment que la décision a été prise il y a des semaines. Tout le monde sait que la coalition est fragile, et notre journal a appris qu'un remaniement est prévu, comme l'a rapporté l'AFP mercredi.</p>
<p>Un haut fonctionnaire, sous couvert d'anonymat, a affirmé que le Premier ministre avait été prévenu. Lire le <a href="https://gouv.example/rapport.pdf">rapport complet</a> sur le site du ministère.</p>
</article></body></html>`;

function reportOf(html: string, reportLang: Lang): Report {
  const { document } = parseHTML(html);
  return analyseDocument(document as unknown as Document, { url: 'https://news.example/a', source: 'https://news.example/a', reportLang }).report;
}

/** Every string the reader can see or hear outside quoted page text, with where it is. */
function interfaceStrings(container: HTMLElement, articleLang: Lang): { where: string; text: string }[] {
  const strings: { where: string; text: string }[] = [];
  const quoted = (element: Element | null) => element?.closest('[lang]')?.getAttribute('lang') === articleLang;
  const walker = container.ownerDocument.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!text || !parent || parent.closest('style') || quoted(parent)) continue;
    strings.push({ where: `${parent.tagName.toLowerCase()}.${parent.className}`, text });
  }
  for (const element of container.querySelectorAll('[aria-label], [title]')) {
    if (quoted(element)) continue;
    for (const name of ['aria-label', 'title']) {
      const text = element.getAttribute(name);
      if (text) strings.push({ where: `${element.tagName.toLowerCase()}[${name}]`, text });
    }
  }
  return strings;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe.each([
  { ui: 'fr' as const, article: 'en' as const, html: ENGLISH_ARTICLE },
  { ui: 'en' as const, article: 'fr' as const, html: FRENCH_ARTICLE },
])('$ui interface on an $article article', ({ ui, article, html }) => {
  it('speaks the interface’s language in every string outside quoted page text', () => {
    useInterface(ui);
    const report = reportOf(html, ui);
    expect(report.lang).toBe(article);
    expect(report.reportLang).toBe(ui);
    // The article gives the report something in every part of the panel.
    expect(report.findings.length).toBeGreaterThanOrEqual(6);
    expect(report.contributions.length).toBeGreaterThanOrEqual(4);
    const { container } = render(
      <Panel state={{ status: 'ready', report }} highlightsVisible onAnalyse={() => {}} onShowFinding={() => {}} onHighlightsVisibleChange={() => {}} />,
    );

    // Only page text carries the article's language: the headline, marker sentences, the byline, link texts.
    const quotedClasses = [...container.querySelectorAll(`[lang="${article}"]`)].map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    expect(new Set(quotedClasses)).toEqual(new Set(['p.page-title', 'span.finding-sentence', 'dd.', 'ul.links']));

    const strings = interfaceStrings(container as HTMLElement, article);
    expect(strings.length).toBeGreaterThan(50);
    const otherLanguage = strings.filter(({ text }) => WORDS_OF[article].test(text));
    expect(otherLanguage).toEqual([]);
    // And the interface's language is really there: in the summary, every explanation and trainer's note.
    expect(report.summary).toMatch(WORDS_OF[ui]);
    for (const f of report.findings) {
      expect(f.explanation, f.ruleId).toMatch(WORDS_OF[ui]);
      expect(f.trainerNote, f.ruleId).toMatch(WORDS_OF[ui]);
    }
  });
});

it('keeps a rule’s own explanation when the rule speaks the report’s language', () => {
  const same = reportOf(FRENCH_ARTICLE, 'fr');
  const other = reportOf(FRENCH_ARTICLE, 'en');
  expect(same.findings.map((f) => f.ruleId)).toEqual(other.findings.map((f) => f.ruleId));
  // The French rules' own (more precise) explanations, distinct from one category to the next and from the English.
  expect(same.findings.map((f) => f.explanation)).not.toEqual(other.findings.map((f) => f.explanation));
  expect(same.findings.every((f) => !WORDS_OF.en.test(f.explanation))).toBe(true);
});
