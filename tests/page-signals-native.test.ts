// @vitest-environment happy-dom
// In a browser the page's metadata elements are gathered by the engine's own query (metadata-elements.ts); under
// linkedom by one walk of every element. Both must read the same signals from the same page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../analyser/extract';
import { readPageSignals } from '../analyser/page-signals';

const paragraph = 'The council voted on Tuesday to close the library, the mayor said, after a long debate over its budget. '.repeat(4);
const PAGES = {
  'meta and JSON-LD': `<head><meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
    <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head>
    <body><article><h1>Library to close</h1><p>${paragraph}</p><p>${paragraph}</p><p><a href="https://council.example.gov/minutes">Minutes</a></p></article></body>`,
  'a byline element and a time': `<body><main><article><h1>Library to close</h1><p class="article-byline">By Paul Durand</p>
    <time datetime="2024-03-06">6 March</time><p>${paragraph}</p><p>${paragraph}</p></article></main></body>`,
};

describe('page signals in a browser document', () => {
  it.each(Object.entries(PAGES))('%s: the same as under linkedom', (_, body) => {
    const html = `<!doctype html><html lang="en">${body}</html>`;
    const read = (doc: Document) => {
      const s = readPageSignals(doc, extractArticle(doc), 'https://news.example.org/library');
      return { byline: s.byline, published: s.published, links: s.links.length };
    };
    const browser = read(new DOMParser().parseFromString(html, 'text/html'));
    expect(browser.byline).toBeTruthy();
    expect(browser.published).toBeTruthy();
    expect(browser).toEqual(read(parseHTML(html).document as unknown as Document));
  });
});
