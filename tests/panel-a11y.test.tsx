// @vitest-environment happy-dom
// axe-core on the rendered panel: the report and every state must have no violation.
import { cleanup, render } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '../components/panel/Panel';
import type { TabState } from '../extension/messages';
import { REPORT } from './panel-fixture';

// Rules that need a layout engine: happy-dom computes no colours, sizes or positions, so these
// rules cannot run here. Colour contrast is checked in tests/panel-palette.test.tsx from the palette
// itself, and the E2E run can run axe with every rule in Chromium.
const NEEDS_LAYOUT = ['color-contrast', 'color-contrast-enhanced', 'target-size', 'scrollable-region-focusable'];

async function violations(state: TabState | null) {
  const { container } = render(
    <Panel state={state} highlightsVisible onAnalyse={() => {}} onChooseSites={() => {}} onShowFinding={() => {}} onHighlightsVisibleChange={() => {}} />,
  );
  document.documentElement.lang = 'en';
  document.title = 'Sourcier';
  const results = await axe.run(container.ownerDocument.documentElement, {
    rules: Object.fromEntries(NEEDS_LAYOUT.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

afterEach(cleanup);

describe('accessibility (axe-core)', () => {
  const states: Array<[string, TabState | null]> = [
    ['loading', null],
    ['idle', { status: 'idle' }],
    ['needs a click', { status: 'idle', needsClick: true }],
    ['analysing', { status: 'analysing' }],
    ['no article', { status: 'no-article' }],
    ['unsupported', { status: 'unsupported', reason: 'This is a page of the browser itself.' }],
    ['error', { status: 'error', message: 'The page did not answer.' }],
    ['report', { status: 'ready', report: REPORT }],
  ];
  for (const [name, state] of states) {
    it(`has no violation in the ${name} state`, async () => {
      expect(await violations(state)).toEqual([]);
    });
  }

  it('does find violations in happy-dom (the check is not vacuous)', async () => {
    const { container } = render(
      <main>
        <h3>Skipped level</h3>
        <button type="button">
          <svg aria-hidden="true" />
        </button>
        <input type="checkbox" />
      </main>,
    );
    const results = await axe.run(container, { rules: Object.fromEntries(NEEDS_LAYOUT.map((id) => [id, { enabled: false }])) });
    expect(results.violations.map((v) => v.id).sort()).toEqual(expect.arrayContaining(['button-name', 'label']));
  });

  it('has no violation with every trainer’s note open', async () => {
    const { container } = render(
      <Panel
        state={{ status: 'ready', report: REPORT }}
        highlightsVisible
        onAnalyse={() => {}}
        onShowFinding={() => {}}
        onHighlightsVisibleChange={() => {}}
      />,
    );
    for (const button of container.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')) button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelectorAll('.trainer-note:not([hidden])')).toHaveLength(REPORT.findings.length);
    const results = await axe.run(document.documentElement, { rules: Object.fromEntries(NEEDS_LAYOUT.map((id) => [id, { enabled: false }])) });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
