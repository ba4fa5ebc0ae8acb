// @vitest-environment happy-dom
// The findings list: grouped by category, page text shown as text, trainer's notes on demand,
// a click shows the finding in the page.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Report } from '../analyser/report';
import { Panel } from '../components/panel/Panel';
import { splitSentence } from '../components/panel/FindingList';
import { App } from '../entrypoints/sidepanel/App';
import type { Message } from '../extension/messages';
import { LIST_ORDER, REPORT } from './panel-fixture';

const noop = () => {};
function renderReport(report: Report = REPORT, onShowFinding = noop) {
  return render(
    <Panel state={{ status: 'ready', report }} highlightsVisible onAnalyse={noop} onShowFinding={onShowFinding} onHighlightsVisibleChange={noop} />,
  );
}
const findingsSection = () => screen.getByRole('region', { name: 'Markers in the article' });

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('findings list', () => {
  it('groups the findings under one heading per category, in the taxonomy order', () => {
    renderReport();
    const headings = within(findingsSection())
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'Named sources(1)',
      'Documents(1)',
      'Relayed from other media(1)',
      'Anonymous sources(1)',
      'Vague attributions(1)',
      'Exclusive claims(1)',
      'Hedged claims(1)',
      'Unsourced certainties(1)',
    ]);
    const anonymous = screen.getByRole('region', { name: 'Anonymous sources (1)' });
    expect(within(anonymous).getAllByRole('listitem')).toHaveLength(1);
    expect(anonymous.querySelector('mark')?.textContent).toBe('Selon nos sources');
    expect(
      screen
        .getAllByRole('button')
        .filter((b) => b.dataset.findingId)
        .map((b) => b.dataset.findingId),
    ).toEqual(LIST_ORDER);
  });

  it('marks the marker inside its sentence and shows the explanation, the source and the qualifiers', () => {
    renderReport();
    const button = document.querySelector<HTMLElement>('[data-finding-id="f4"]')!;
    expect(button.textContent).toBe(REPORT.findings[3]!.sentence);
    expect(button.querySelector('mark')?.textContent).toBe('a déclaré Sadio Kamara');
    expect(button.getAttribute('lang')).toBeNull();
    expect(button.querySelector('[lang="fr"]')).not.toBeNull();
    const anonymous = document.querySelector<HTMLElement>('[data-finding-id="f2"]')!;
    expect(document.getElementById(anonymous.getAttribute('aria-describedby')!)?.textContent).toBe('Le média cite des sources sans dire qui elles sont.');
    expect(screen.getByText('Source: Sadio Kamara')).toBeTruthy();
    expect(screen.getByText('not described')).toBeTruthy();
  });

  it('tags red flags in words, not only in colour', () => {
    renderReport();
    const flagged = (id: string) => document.querySelector(`[data-finding-id="${id}"]`)!.textContent!.startsWith('Red flag');
    expect(['f1', 'f2', 'f3', 'f5', 'f7'].every(flagged)).toBe(true);
    expect(['f4', 'f6', 'f8'].some(flagged)).toBe(false);
  });

  it('shows page text literally: markup in a sentence creates no element', () => {
    renderReport();
    const button = document.querySelector<HTMLElement>('[data-finding-id="f5"]')!;
    expect(button.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the sentence whole when the marker is not where the offsets say', () => {
    const finding = { ...REPORT.findings[1]!, start: 0, sentenceStart: 0 };
    expect(splitSentence(finding)).toEqual(['', 'Selon nos sources', ', la colonne aurait été arrêtée lundi près de Kidal.']);
    expect(splitSentence({ ...finding, text: 'absent' })).toBeNull();
  });

  it('opens and closes the trainer’s note', () => {
    renderReport();
    const item = document.querySelector('[data-finding-id="f2"]')!.closest('li')!;
    const toggle = within(item).getByRole('button', { name: 'Trainer’s note' });
    const note = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(note.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe(REPORT.findings[1]!.trainerNote);
    fireEvent.click(toggle);
    expect(note.hidden).toBe(true);
  });

  it('says so when the article has no finding', () => {
    renderReport({ ...REPORT, findings: [], contributions: [] });
    expect(within(findingsSection()).getByText('No sourcing marker was found in this article.')).toBeTruthy();
    expect(screen.getByText('No marker moved the score.')).toBeTruthy();
  });

  it('sends scroll-to-finding with the finding id when a finding is clicked', async () => {
    const sent: Message[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
      sent.push(message);
      return message.type === 'get-tab-state' ? { status: 'ready', report: REPORT } : { ok: true };
    }) as never);
    render(<App pinnedTabId={12} />);
    await screen.findByRole('heading', { name: 'Markers in the article' });
    fireEvent.click(document.querySelector('[data-finding-id="f5"]')!);
    expect(sent).toContainEqual({ type: 'scroll-to-finding', tabId: 12, findingId: 'f5' });
  });
});

describe('score contributions', () => {
  it('lead from a contribution to its first finding, focused in the list and shown in the page', () => {
    const onShowFinding = vi.fn();
    renderReport(REPORT, onShowFinding);
    const lines = screen.getByRole('heading', { name: 'What moved the score' }).nextElementSibling!;
    const shows = within(lines as HTMLElement).getAllByRole('button', { name: 'Show' });
    // The byline line rests on no finding: no button.
    expect(shows).toHaveLength(3);
    fireEvent.click(shows[1]!); // −8: 1 source anonyme non décrite
    expect(onShowFinding).toHaveBeenCalledWith('f2');
    expect((document.activeElement as HTMLElement).dataset.findingId).toBe('f2');
    expect(document.getElementById(shows[1]!.getAttribute('aria-describedby')!)?.textContent).toContain('source anonyme');
  });
});

describe('page signals', () => {
  it('shows byline, date, links and policies, linking only http(s) addresses', () => {
    renderReport();
    const page = screen.getByRole('region', { name: 'About the page' });
    expect(within(page).getByText('No author named')).toBeTruthy();
    expect(page.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-11T08:30:00+01:00');
    const links = within(page).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.lemonde.fr/afrique/article/2024/03/10/wagner.html', 'https://exemple.test/charte']);
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // The javascript: link is shown as text only.
    expect(within(page).getByText('un lien piégé').closest('a')).toBeNull();
    expect(within(page).getByText('Not found on the page')).toBeTruthy();
  });
});

describe('with the analyser’s own report', () => {
  it('shows every finding of a report made by analyseText, each with its marker', async () => {
    const { analyseText } = await import('../analyser');
    const report = analyseText(
      [
        'Selon nos sources, la colonne aurait été arrêtée près de Kidal.',
        '« Nous ne confirmons rien », a déclaré Sadio Kamara, ministre de la Défense.',
        'Dans un communiqué publié lundi, l’armée évoque un incident. Il faut savoir que la région est instable.',
      ].join('\n\n'),
      'fr',
    );
    expect(report.findings.length).toBeGreaterThanOrEqual(3);
    renderReport(report);
    const buttons = [...document.querySelectorAll<HTMLElement>('[data-finding-id]')];
    expect(buttons.map((b) => b.dataset.findingId).sort()).toEqual(report.findings.map((f) => f.id).sort());
    for (const f of report.findings) {
      expect(document.querySelector(`[data-finding-id="${f.id}"] mark`)?.textContent).toBe(f.text);
    }
  });
});
