// @vitest-environment happy-dom
// Keyboard use of the findings list: one tab stop, arrows between findings, N / P between red flags
// in reading order (skipping the other findings, wrapping at the ends), T for the trainer's note.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../analyser/report';
import { Panel } from '../components/panel/Panel';
import { LIST_ORDER, RED_FLAG_ORDER, REPORT } from './panel-fixture';

function renderReport(report: Report = REPORT) {
  const onShowFinding = vi.fn();
  render(
    <Panel state={{ status: 'ready', report }} highlightsVisible onAnalyse={() => {}} onShowFinding={onShowFinding} onHighlightsVisibleChange={() => {}} />,
  );
  return onShowFinding;
}
const finding = (id: string) => document.querySelector<HTMLButtonElement>(`[data-finding-id="${id}"]`)!;
const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.findingId;
const press = (key: string, target: Element = document.activeElement ?? document.body) => fireEvent.keyDown(target, { key });
const status = () => document.querySelector('.panel > [role="status"]')!.textContent;

afterEach(cleanup);

describe('roving tabindex', () => {
  it('makes the list a single tab stop on its first finding', () => {
    renderReport();
    const stops = LIST_ORDER.filter((id) => finding(id).tabIndex === 0);
    expect(stops).toEqual([LIST_ORDER[0]]);
  });

  it('moves with the arrow keys in list order and stops at the ends', () => {
    renderReport();
    finding(LIST_ORDER[0]!).focus();
    press('ArrowUp');
    expect(focusedId()).toBe(LIST_ORDER[0]);
    const visited = [focusedId()];
    for (let i = 1; i < LIST_ORDER.length; i++) {
      press('ArrowDown');
      visited.push(focusedId());
    }
    expect(visited).toEqual(LIST_ORDER);
    press('ArrowDown');
    expect(focusedId()).toBe(LIST_ORDER.at(-1));
    press('ArrowUp');
    expect(focusedId()).toBe(LIST_ORDER.at(-2));
    // The tab stop follows the focus.
    expect(finding(LIST_ORDER.at(-2)!).tabIndex).toBe(0);
    expect(finding(LIST_ORDER[0]!).tabIndex).toBe(-1);
  });

  it('jumps to the first and last findings with Home and End', () => {
    renderReport();
    finding(LIST_ORDER[2]!).focus();
    press('End');
    expect(focusedId()).toBe(LIST_ORDER.at(-1));
    press('Home');
    expect(focusedId()).toBe(LIST_ORDER[0]);
  });

  it('opens the trainer’s note of the focused finding with T', () => {
    renderReport();
    finding('f2').focus();
    const note = () => document.getElementById(`${finding('f2').id}-note`)!;
    expect(note().hidden).toBe(true);
    press('t');
    expect(note().hidden).toBe(false);
    press('t');
    expect(note().hidden).toBe(true);
  });

  it('shows the focused finding in the page on Enter (the button’s click)', () => {
    const onShowFinding = renderReport();
    finding('f6').click();
    expect(onShowFinding).toHaveBeenCalledWith('f6');
  });
});

describe('next / previous red flag', () => {
  it('walks the red flags in reading order with N, skipping the other findings, and wraps', () => {
    const onShowFinding = renderReport();
    finding('f4').focus(); // a named source, between f3 and f5 in the article
    press('n');
    expect(focusedId()).toBe('f5');
    expect(status()).toBe('Red flag 4 of 5');
    press('n');
    expect(focusedId()).toBe('f7');
    press('n');
    expect(focusedId()).toBe('f1'); // wrapped to the first red flag
    expect(status()).toBe('Red flag 1 of 5');
    expect(onShowFinding.mock.calls.map(([id]) => id)).toEqual(['f5', 'f7', 'f1']);
  });

  it('goes back with P and wraps to the last red flag', () => {
    renderReport();
    finding('f2').focus();
    press('p');
    expect(focusedId()).toBe('f1');
    press('p');
    expect(focusedId()).toBe('f7');
    press('P');
    expect(focusedId()).toBe('f5');
  });

  it('works from anywhere in the panel, starting from the first red flag', () => {
    const onShowFinding = renderReport();
    press('n', document.body);
    // Nothing focused in the list yet: the active finding is the list's first (f4), so the next red flag after it.
    expect(focusedId()).toBe('f5');
    const visited = [focusedId()];
    for (let i = 1; i < RED_FLAG_ORDER.length; i++) {
      press('n', document.body);
      visited.push(focusedId());
    }
    expect(new Set(visited)).toEqual(new Set(RED_FLAG_ORDER));
    expect(onShowFinding).toHaveBeenCalledTimes(RED_FLAG_ORDER.length);
  });

  it('leaves N alone while the reader types or uses a shortcut with a modifier', () => {
    const onShowFinding = renderReport();
    const field = document.createElement('input');
    document.body.append(field);
    press('n', field);
    fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    expect(onShowFinding).not.toHaveBeenCalled();
    field.remove();
  });

  it('says there is no red flag when there is none', () => {
    const onShowFinding = renderReport({ ...REPORT, findings: REPORT.findings.filter((f) => ['f4', 'f6', 'f8'].includes(f.id)), contributions: [] });
    finding('f4').focus();
    press('n');
    expect(focusedId()).toBe('f4');
    expect(onShowFinding).not.toHaveBeenCalled();
    expect(status()).toBe('No red flag in this article.');
  });

  it('names the keys in a help line', () => {
    renderReport();
    expect(screen.getByText(/N \/ P next \/ previous red flag/)).toBeTruthy();
  });
});
