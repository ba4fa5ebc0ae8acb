// Adversarial pages: text hidden from the reader must not be scored (what is shown and what is scored agree),
// text that imitates Sourcier's own verdict is only text, and comment sections — inside the article or
// outside it — are not the article. Node sees inline styles and attributes; stylesheet-based hiding goes
// through the content script's isHidden hook and is proven in the browser (tests/e2e/security.e2e.ts).
import { describe, expect, it } from 'vitest';
import { analyseDocument, type Analysis } from '../../analyser';
import type { Report } from '../../analyser/report';
import { expectSound, parse } from './generators';

const BODY = [
  'Le ministre de la Défense, Jean Dupont, a déclaré lundi que les opérations se poursuivaient normalement dans la région.',
  'Le conseil municipal a voté le budget mardi soir après un long débat qui a duré une bonne partie de l’après-midi.',
  'Les travaux de la nouvelle ligne de tramway doivent commencer au printemps prochain, selon le calendrier publié par la mairie.',
];
/** Markers that would lower the score (anonymous, hedged) or raise it (named, documents) if they were counted. */
const PLANTED = [
  'Selon nos sources, le préfet aurait démissionné.',
  'Des sources proches du dossier affirment que le maire serait visé par une enquête.',
  'Dans un communiqué publié mardi, le ministère de l’Intérieur a confirmé les faits, a déclaré Marie Curie, porte-parole du ministère.',
];

function articlePage(extra: string, where: 'between' | 'inside' = 'between'): string {
  const paragraphs = BODY.map((p) => `<p>${p} ${p}</p>`);
  const inner = where === 'inside' ? `<p>${BODY[0]} <span data-extra>${extra}</span> ${BODY[1]}</p>` : extra;
  return `<!doctype html><html lang="fr"><head><title>Un article | Le Site</title></head><body>
    <header><nav><a href="/">Accueil</a></nav></header>
    <main><article><h1>Un titre d’article assez long</h1>${paragraphs[0]}${inner}${paragraphs[1]}${paragraphs[2]}</article></main>
    <footer><p>© Le Site</p></footer></body></html>`;
}

const analyse = (html: string): Analysis => {
  const analysis = analyseDocument(parse(html), { url: 'https://site.example/article' });
  expectSound(analysis);
  return analysis;
};

/** What a reader of the report sees: score, band, counts, and each finding's category and text. */
const verdict = (report: Report) => ({
  score: report.score,
  band: report.band,
  counts: report.counts,
  findings: report.findings.map((f) => `${f.category}: ${f.text}`),
});

describe('hidden text is not scored', () => {
  const plantedHtml = PLANTED.map((p) => `<p>${p}</p>`).join('');
  // The same page without the planted markers: what the reader actually sees.
  const shown = verdict(analyse(articlePage('')).report);

  it('the reference page has findings of its own (the comparison is not empty against empty)', () => {
    expect(shown.findings.some((f) => f.startsWith('named-source'))).toBe(true);
    expect(analyse(articlePage(`<div>${plantedHtml}</div>`)).report.findings.length).toBeGreaterThan(shown.findings.length);
  });

  it.each([
    ['display:none', 'display:none'],
    ['display: NONE !important', 'display: NONE !important'],
    ['visibility:hidden', 'visibility:hidden'],
    ['visibility:collapse', 'visibility: collapse'],
    ['opacity:0', 'opacity:0'],
    ['opacity: 0.0', 'opacity: 0.0'],
    ['font-size:0', 'font-size:0'],
    ['zero-size box', 'width:0;height:0;overflow:hidden'],
    ['zero height', 'height:0px; overflow: hidden'],
    ['off-screen left', 'position:absolute;left:-9999px'],
    ['off-screen top', 'position: fixed; top: -10000px'],
    ['clip rect', 'position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden'],
    ['clip-path', 'clip-path: inset(50%)'],
    ['scale(0)', 'transform: scale(0)'],
  ])('inline style %s, as a block and inside a paragraph', (_, style) => {
    const block = analyse(articlePage(`<div style="${style}">${plantedHtml}</div>`));
    expect(verdict(block.report)).toEqual(shown);
    expect(block.article.text).not.toContain('préfet');
    const inline = analyse(articlePage(`<span style="${style}">${PLANTED[0]}</span>`, 'inside'));
    expect(inline.article.text).not.toContain('préfet');
  });

  it.each([
    ['the hidden attribute', (s: string) => `<div hidden>${s}</div>`],
    ['aria-hidden="true"', (s: string) => `<div aria-hidden="true">${s}</div>`],
    ['a screen-reader-only class', (s: string) => `<div class="sr-only">${s}</div>`],
    ['a <template>', (s: string) => `<template>${s}</template>`],
    ['a <noscript>', (s: string) => `<noscript>${s}</noscript>`],
    ['an <iframe srcdoc>', (s: string) => `<iframe srcdoc="${s.replace(/"/g, '&quot;')}"></iframe>`],
    ['a closed <dialog>', (s: string) => `<dialog>${s}</dialog>`],
    ['SVG text', (s: string) => `<svg><text>${s.replace(/<[^>]+>/g, ' ')}</text></svg>`],
    ['a hidden ancestor several levels up', (s: string) => `<div style="display:none"><div><section><div>${s}</div></section></div></div>`],
  ])('%s', (_, wrap) => {
    const analysis = analyse(articlePage(wrap(plantedHtml)));
    expect(verdict(analysis.report)).toEqual(shown);
  });

  it('text revealed on demand (hidden="until-found", <details>) is the article’s and counts', () => {
    const collapsed = analyse(articlePage(`<div hidden="until-found">${plantedHtml}</div>`));
    expect(collapsed.report.findings.length).toBeGreaterThan(shown.findings.length);
    const details = analyse(articlePage(`<details><summary>Lire la suite</summary>${plantedHtml}</details>`));
    expect(details.report.findings.length).toBeGreaterThan(shown.findings.length);
  });

  it('a visible style that merely mentions hiding words is read (no false positives)', () => {
    const analysis = analyse(
      articlePage(`<div style="background:url(display-none.png); --x: visibility-hidden; opacity: 0.9; left: -2px; position: relative">${plantedHtml}</div>`),
    );
    expect(analysis.report.findings.length).toBeGreaterThan(shown.findings.length);
  });
});

describe('text imitating Sourcier’s interface is only text', () => {
  it('a fake verdict in the article changes nothing but what its own words say', () => {
    const fake = [
      '<div class="sourcier-panel" data-sourcier="1"><p>Sourcier — Score : 100/100 — Très bien sourcé. Aucun signal d’alerte. Cet article a été vérifié par Sourcier.</p></div>',
      '<p><mark class="sourcier-highlight sourcier-named-source">Source nommée</mark> Note de sourçage : 98/100, bande « solide ». ✓ Vérifié</p>',
      '<div role="dialog" aria-label="Sourcier"><p>Sourcier: this article is strongly sourced (score 100).</p></div>',
      '<p>{"schemaVersion":1,"score":100,"band":"strong","findings":[]}</p>',
    ].join('');
    const withFake = analyse(articlePage(fake));
    const plain = analyse(articlePage(''));
    expect(verdict(withFake.report)).toEqual(verdict(plain.report));
  });

  it('a page cannot inject findings through attributes or ids that look like the report', () => {
    const analysis = analyse(
      articlePage(
        '<p id="f1" data-finding-id="f1" data-category="named-source" title="a déclaré Jean Dupont">Un paragraphe ordinaire sans aucune attribution ni source, qui décrit simplement la place du marché un jour de pluie.</p>',
      ),
    );
    expect(verdict(analysis.report)).toEqual(verdict(analyse(articlePage('')).report));
  });
});

describe('comment sections', () => {
  const comments = (cls: string) =>
    `<section class="${cls}"><h2>Commentaires</h2>` +
    ['Selon mes sources, tout est faux et le ministre aurait menti.', 'D’après un ami policier, ce serait un complot, a déclaré Paul.']
      .map((c, i) => `<div class="comment"><p class="comment-author">Lecteur${i}</p><p>${c} ${c}</p><button>Répondre</button></div>`)
      .join('') +
    '</section>';

  it('a real comment section outside the article is not scored', () => {
    const base = analyse(articlePage(''));
    const html = articlePage('').replace('</main>', `</main>${comments('comments')}<div id="disqus_thread">${comments('x')}</div>`);
    const analysis = analyse(html);
    expect(verdict(analysis.report)).toEqual(verdict(base.report));
    expect(analysis.article.text).not.toContain('Selon mes sources');
  });

  it('a comment section placed inside the article (to be scored as article text) is not scored', () => {
    const base = analyse(articlePage(''));
    for (const cls of ['comments', 'commentaires', 'comment-list', 'article-comments']) {
      const analysis = analyse(articlePage(comments(cls)));
      expect(verdict(analysis.report), cls).toEqual(verdict(base.report));
    }
    const schema = analyse(articlePage(`<div itemscope itemtype="https://schema.org/Comment"><p>${PLANTED.join(' ')}</p></div>`));
    expect(verdict(schema.report)).toEqual(verdict(base.report));
  });

  it('a longer fake discussion does not take over the article', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) =>
        `<li class="comment"><p>Selon mes sources numéro ${i}, le ministre aurait menti sur toute la ligne, et ce depuis le début de son mandat.</p></li>`,
    ).join('');
    const html = articlePage('').replace('</main>', `</main><section id="comments"><ol class="commentlist">${many}</ol></section>`);
    const analysis = analyse(html);
    expect(analysis.article.text).toContain('Jean Dupont');
    expect(analysis.article.text).not.toContain('Selon mes sources');
  });
});
