// @vitest-environment happy-dom
// The panel never renders page text as HTML: a page full of XSS payloads — as text in the headline, the
// markers, the byline, the site's policies and its links — is analysed by the real analyser (linkedom), and the
// panel shows every payload literally, creates no element from it, and links to nothing but http(s) pages.
// (tests/e2e/security.e2e.ts runs the same kind of page in Chromium and checks that nothing executes.)
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyseDocument } from '../../analyser';
import { formatMarkdown } from '../../analyser/format';
import { Panel } from '../../components/panel/Panel';
import { parse } from './generators';

/** Payloads as they must appear to the reader: literally. */
export const PAYLOADS = [
  '<img src=x onerror="window.__sourcierXss=1">',
  '<script>window.__sourcierXss=2</script>',
  '<svg onload="window.__sourcierXss=3">',
  '"><iframe src="javascript:window.__sourcierXss=4">',
  '{{constructor.constructor("window.__sourcierXss=5")()}}',
  '${window.__sourcierXss=6}',
  '<a href="javascript:window.__sourcierXss=7">lien</a>',
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A French article whose text is full of payloads (escaped in the HTML: they are text on the page). */
export function xssPage(): string {
  const p = PAYLOADS.map(escapeHtml);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <title>Exclusif ${p[0]} | Le Site ${p[1]}</title>
  <meta property="og:site_name" content="${escapeHtml(PAYLOADS[2]!)}">
  <script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: PAYLOADS[0],
    author: { '@type': 'Person', name: `Jean ${PAYLOADS[1]} Dupont` },
    datePublished: `2024-05-01${PAYLOADS[3]}`,
    publisher: { '@type': 'Organization', name: 'Le Site', unnamedSourcesPolicy: 'javascript:window.__sourcierXss=8', correctionsPolicy: `https://site.example/corrections"${PAYLOADS[2]}` },
  }).replace(/</g, '\\u003c')}</script>
  </head><body><main><article>
  <p class="kicker">Exclusif</p>
  <h1>Exclusif : ${p[0]} « selon nos sources » ${p[1]}</h1>
  <p class="byline">Par <a rel="author" href="javascript:window.__sourcierXss=9">Jean ${p[1]} Dupont</a></p>
  <p>Selon nos sources ${p[2]}, le ministre aurait démissionné ${p[3]} hier soir après une longue réunion au ministère.</p>
  <p>« Rien n’est décidé ${p[4]} », a déclaré Jean Dupont, ministre de la Défense ${p[5]}, dans un communiqué publié lundi.</p>
  <p>Des sources proches du dossier ${p[6]} affirment que le préfet serait visé. Voir <a href="javascript:window.__sourcierXss=10">le rapport</a>,
     <a href="data:text/html,<script>parent.__sourcierXss=11</script>">l’annexe</a> et <a href="https://www.ccomptes.fr/rapport">le rapport de la Cour des comptes</a>.</p>
  <p>Le conseil municipal a voté le budget mardi soir après un long débat qui a duré une bonne partie de l’après-midi ${p[0]}.</p>
  </article></main></body></html>`;
}

const noop = () => {};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('a page full of XSS payloads', () => {
  const { report } = analyseDocument(parse(xssPage()), { url: 'https://site.example/article' });

  it('is analysed like any page: the payloads are text in the report', () => {
    expect(report.article.found).toBe(true);
    expect(report.title).toContain(PAYLOADS[0]);
    const sentences = report.findings.map((f) => f.sentence).join('\n');
    expect(sentences).toContain(PAYLOADS[2]);
    expect(report.counts['anonymous-source']).toBeGreaterThan(0);
    // Links the panel may show are web pages only: javascript: and data: links are dropped.
    for (const link of report.page.links) expect(link.href).toMatch(/^https?:\/\//);
  });

  it('the panel shows every payload literally and creates no element, handler or script URL from page text', () => {
    const { container } = render(
      <Panel state={{ status: 'ready', report }} highlightsVisible onAnalyse={noop} onShowFinding={noop} onHighlightsVisibleChange={noop} />,
    );
    // Open every trainer's note and detail so that all page text is in the DOM.
    for (const button of Array.from(container.querySelectorAll('button[aria-expanded="false"]'))) (button as HTMLButtonElement).click();
    const text = container.textContent ?? '';
    expect(text).toContain(PAYLOADS[0]);
    expect(text).toContain(PAYLOADS[2]);
    expect(text).toContain('window.__sourcierXss');
    // No element the panel did not make itself.
    expect(container.querySelectorAll('img, script, iframe, object, embed, frame, base, meta, link, form').length).toBe(0);
    for (const svg of Array.from(container.querySelectorAll('svg'))) expect(svg.outerHTML).not.toContain('sourcierXss');
    for (const element of Array.from(container.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name, element.outerHTML.slice(0, 120)).not.toMatch(/^on/i);
        expect(attribute.value, attribute.name).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
      }
    }
    for (const a of Array.from(container.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href')!;
      expect(href.startsWith('#') || /^https?:\/\//.test(href), href).toBe(true);
    }
    expect((window as unknown as { __sourcierXss?: unknown }).__sourcierXss).toBeUndefined();
  });

  it('the Markdown export turns no payload into a link or an image', () => {
    const md = formatMarkdown(report);
    expect(md).not.toMatch(/\]\(\s*(?:javascript|data):/i);
    expect(md).not.toMatch(/!\[/);
    // Markdown escapes "<" as "\<": an unescaped tag would be raw HTML in a Markdown viewer.
    expect(md).not.toMatch(/(?<!\\)<\/?(?:img|script|svg|iframe|a)\b/i);
    expect(md).toContain('sourcierXss');
  });
});
