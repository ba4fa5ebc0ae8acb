// The Markdown export (issue 11, point 6): the marker in bold sits in its sentence exactly as the page spaced it (no
// space pushed before a comma or a full stop), the source address is a link, and the publication date is a date a
// reader reads, in the report's language.
import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyser';
import { formatMarkdown, formatText, markdownLink, readableDate } from '../analyser/format';
import type { Report } from '../analyser/report';

const TEXT = 'Selon des sources proches du gouvernement, le ministre aurait démissionné lundi. Le plan a été dévoilé, a déclaré Jean Dupont.';

function report(overrides: Partial<Report['page']> = {}, source = 'https://news.example/politique/article?id=7&s=%C3%A9t%C3%A9'): Report {
  const r = analyseText(TEXT, 'fr', { source });
  return { ...r, page: { ...r.page, ...overrides } };
}

const findingLines = (md: string) => md.split('\n').filter((line) => line.startsWith('- ') && line.includes('**'));

describe('Markdown export', () => {
  it('puts no space between a bold marker and the punctuation after it', () => {
    const lines = findingLines(formatMarkdown(report()));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line, line).not.toMatch(/\*\* [,.;:!?)]/);
      expect(line, line).not.toMatch(/\*\*\s+\\?[,.]/);
      // Bold hugs its words, as CommonMark needs to see it as bold.
      expect(line, line).not.toMatch(/\*\*\s[^*]+\*\*|\*\*[^*]+\s\*\*/);
    }
    expect(lines.join('\n')).toContain('**Selon des sources proches du gouvernement**, le ministre');
    expect(lines.join('\n')).toMatch(/\*\*aurait démissionné lundi\*\*\\\./);
  });

  it('keeps the sentence as the page spaced it around the marker (a space stays a space, none is added)', () => {
    const lines = findingLines(formatMarkdown(report()));
    const plain = (line: string) =>
      line
        .replace(/^- /, '')
        .replace(/ \(`[^`]+`\)$/, '')
        .replace(/ — source.*$/, '')
        .replace(/\*\*/g, '')
        .replace(/\\(.)/g, '$1');
    for (const line of lines) expect(TEXT, line).toContain(plain(line));
  });

  it('gives the source address as a link (an autolink), encoded once; a file path stays text', () => {
    const md = formatMarkdown(report());
    expect(md).toContain('Source\u00a0: <https://news.example/politique/article?id=7&s=%C3%A9t%C3%A9>');
    expect(md).not.toContain('https\\:');
    expect(markdownLink('https://x.example/a b<c>')).toBe('<https://x.example/a%20b%3Cc%3E>');
    expect(markdownLink('articles/[page].html')).toBe('articles/\\[page\\]\\.html');
    expect(formatMarkdown(report({}, 'pages/une page.html'))).toContain('Source\u00a0: pages/une page\\.html');
    // A link to a source is an autolink too, not encoded twice.
    const withLink = formatMarkdown(report({ links: [{ href: 'https://data.example/r%C3%A9sultats.pdf', text: 'résultats', host: 'data.example' }] }));
    expect(withLink).toContain('<https://data.example/r%C3%A9sultats.pdf>');
  });

  it('writes the publication date out in the report’s language', () => {
    const fr = formatMarkdown(report({ published: '2026-03-04T09:30:00+01:00' }));
    expect(fr).toMatch(/- Publié\u00a0: 4 mars 2026 à 09:30/);
    expect(fr).not.toContain('2026\\-03');
    expect(readableDate('2026-03-04', 'en')).toBe('4 March 2026');
    expect(readableDate('2026-03-04', 'fr')).toBe('4 mars 2026');
    // The page's own calendar day, whatever its time zone: late evening in Paris is still the 4th.
    expect(readableDate('2026-03-04T23:30:00+01:00', 'en')).toMatch(/^4 March 2026/);
    // Something that is not a date is left as the page wrote it.
    expect(readableDate('hier soir', 'fr')).toBe('hier soir');
    const english = analyseText(TEXT, 'fr', { source: 'x', reportLang: 'en' });
    expect(formatMarkdown({ ...english, page: { ...english.page, published: '2026-03-04' } })).toContain('- Published: 4 March 2026');
    expect(formatText({ ...english, page: { ...english.page, published: '2026-03-04' } })).toContain('Published: 4 March 2026');
  });
});
