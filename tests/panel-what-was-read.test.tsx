// @vitest-environment happy-dom
// The panel's "What Sourcier read": the analysed text behind a disclosure, as text, and the leftovers counted.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { readArticle } from '../analyser/read';
import { readingForPanel, whatWasRead } from '../analyser/reading';
import { Panel } from '../components/panel/Panel';
import { readingSchema, tabStateSchema, type PanelReading, type TabState } from '../extension/messages';
import { ARTICLE, REPORT } from './panel-fixture';

afterEach(cleanup);

const blocks = ARTICLE.split('\n\n');
const READING: PanelReading = {
  length: ARTICLE.length,
  blocks: blocks.map((text, i) => ({ kind: i === 0 ? 'headline' : 'paragraph', text })),
  shownChars: ARTICLE.length - (blocks.length - 1) * 2,
  leftovers: { menus: 2, comments: 1, captions: 0, related: 1, promos: 0, hidden: 0, otherChars: 1234 },
};

const show = (state: TabState) =>
  render(<Panel state={state} highlightsVisible onAnalyse={() => {}} onShowFinding={() => {}} onHighlightsVisibleChange={() => {}} />);

describe('What Sourcier read', () => {
  it('is a section with its heading, the text behind a disclosure, and what was left out counted', () => {
    show({ status: 'ready', report: REPORT, reading: READING });
    const section = screen.getByRole('region', { name: 'What Sourcier read' });
    const summary = within(section).getByText('Show the text that was analysed');
    expect(summary.tagName).toBe('SUMMARY');
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    // Each block is a paragraph of plain text: the page's markup in it is not interpreted.
    const paragraphs = within(details).getAllByText((_, el) => el?.classList.contains('read-block') ?? false);
    expect(paragraphs.map((p) => p.textContent)).toEqual(blocks);
    expect(details.querySelector('img')).toBeNull();
    expect(within(section).getByRole('heading', { name: 'Left out of the page' })).toBeTruthy();
    const left = within(section).getByRole('list').textContent!;
    expect(left).toContain('Menus and navigation: 2');
    expect(left).toContain('Reader comments: 1');
    expect(left).toContain('1,234');
    expect(left).not.toContain('Captions');
  });

  it('says when only the start of a long text is shown, and when nothing else was on the page', () => {
    show({
      status: 'ready',
      report: REPORT,
      reading: { ...READING, shownChars: 100, leftovers: { ...READING.leftovers, menus: 0, comments: 0, related: 0, otherChars: 0 } },
    });
    expect(screen.getByText('The first 100 characters are shown here.')).toBeTruthy();
    expect(screen.getByText('Nothing else was found on the page.')).toBeTruthy();
  });

  it('is absent when the background sent no reading (an older state)', () => {
    show({ status: 'ready', report: REPORT });
    expect(screen.queryByRole('region', { name: 'What Sourcier read' })).toBeNull();
  });

  it('has no accessibility violation', async () => {
    const { container } = show({ status: 'ready', report: REPORT, reading: READING });
    document.documentElement.lang = 'en';
    document.title = 'Sourcier';
    const results = await axe.run(container.ownerDocument.documentElement, {
      rules: Object.fromEntries(
        ['color-contrast', 'color-contrast-enhanced', 'target-size', 'scrollable-region-focusable'].map((id) => [id, { enabled: false }]),
      ),
      resultTypes: ['violations'],
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the reading the background sends', () => {
  const html = `<html lang="en"><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article><h1>A headline for the test</h1>
    <p>${'The council voted on Tuesday to extend the bus line to the hospital, after a year of hearings. '.repeat(3)}</p></article></body></html>`;
  const { extracted } = readArticle(parseHTML(html).document as unknown as Document);

  it('follows the message schema, whole or cut to the panel’s maximum', () => {
    const whole = readingForPanel(whatWasRead(extracted));
    expect(readingSchema.parse(whole).blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph']);
    expect(whole.leftovers.menus).toBe(1);
    const cut = readingForPanel(whatWasRead(extracted), 30);
    expect(cut.shownChars).toBe(30);
    expect(cut.blocks.map((b) => b.text).join('')).toHaveLength(30);
    expect(tabStateSchema.safeParse({ status: 'ready', report: REPORT, reading: cut }).success).toBe(true);
  });
});
