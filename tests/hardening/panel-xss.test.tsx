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
import { PAYLOADS, xssPage } from './pages';

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
