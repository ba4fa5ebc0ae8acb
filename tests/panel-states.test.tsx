// @vitest-environment happy-dom
// The panel's states as the background reports them, and the messages the panel sends back.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App, pinnedTabIdFrom } from '../entrypoints/sidepanel/App';
import type { Message, TabState } from '../extension/messages';
import { REPORT } from './panel-fixture';

/** Answers the panel's messages like the background does; records what was sent. */
function fakeBackground(stateFor: (tabId: number) => TabState | Promise<TabState>) {
  const sent: Message[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message) => {
    sent.push(message);
    if (message.type === 'get-tab-state') return stateFor(message.tabId);
    if (message.type === 'analyse-tab') return new Promise(() => {}); // the answer arrives as a broadcast
    return { ok: true };
  }) as never);
  return sent;
}

/** What the background broadcasts to open panels. */
async function broadcast(tabId: number, state: TabState) {
  await fakeBrowser.runtime.onMessage.trigger({ type: 'tab-state-changed', tabId, state } satisfies Message, {}, () => {});
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('panel states', () => {
  it('shows a loading state while the background has not answered', async () => {
    fakeBackground(() => new Promise(() => {}));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'Loading…' })).toBeTruthy();
  });

  it('offers to analyse a page not analysed yet, and sends analyse-tab for that tab', async () => {
    const sent = fakeBackground(() => ({ status: 'idle' }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'Not analysed yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse this page' }));
    expect(sent).toContainEqual({ type: 'analyse-tab', tabId: 7 });
    expect(await screen.findByRole('heading', { name: 'Analysing this page…' })).toBeTruthy();
    await broadcast(7, { status: 'ready', report: REPORT });
    expect(await screen.findByRole('heading', { name: 'Sourcing score' })).toBeTruthy();
  });

  it('shows the report: score gauge, band, summary, red flags, contributions and counts', async () => {
    fakeBackground(() => ({ status: 'ready', report: REPORT }));
    render(<App pinnedTabId={7} />);
    const gauge = await screen.findByRole('img', { name: 'Sourcing score: 31 out of 100, Weak sourcing' });
    expect(gauge.textContent).toContain('31');
    expect(screen.getByText('Weak sourcing')).toBeTruthy();
    expect(screen.getByText(REPORT.summary)).toBeTruthy();
    expect(screen.getByText('Red flags: 5')).toBeTruthy();
    expect(screen.getByText('−8 : 1 source anonyme non décrite')).toBeTruthy(); // the label's no-break space is normalised
    const chart = screen.getByRole('list', { name: 'Markers by category' });
    const rows = [...chart.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows).toHaveLength(9);
    expect(rows).toContain('Anonymous sourcesRed flag1');
    expect(rows).toContain('Self-referencesRed flag0');
  });

  it('says what to do when no article was found', async () => {
    fakeBackground(() => ({ status: 'no-article' }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'No article found' })).toBeTruthy();
    expect(screen.getByText(/Open an article, then analyse it again/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Analyse again' })).toBeTruthy();
  });

  it('says the analysis failed, with the reason and a way to try again', async () => {
    const sent = fakeBackground(() => ({ status: 'error', message: 'The page did not answer.' }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'The analysis failed' })).toBeTruthy();
    expect(screen.getByText('Details: The page did not answer.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(sent).toContainEqual({ type: 'analyse-tab', tabId: 7 });
  });

  it('explains why a browser page cannot be analysed', async () => {
    fakeBackground(() => ({ status: 'unsupported', reason: 'This is a page of the browser itself.' }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'Sourcier cannot analyse this page' })).toBeTruthy();
    expect(screen.getByText('This is a page of the browser itself.')).toBeTruthy();
    // The point is made once: the generic text only stands in for a missing reason.
    expect(screen.queryByText(/Open a news article in an ordinary tab/)).toBeNull();
    // Nothing was analysed, so nothing claims to have been.
    expect(screen.queryByText(/nothing left your browser/)).toBeNull();
  });

  it('says what the reason does not, when there is none', async () => {
    fakeBackground(() => ({ status: 'unsupported', reason: '' }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByText(/Open a news article in an ordinary tab/)).toBeTruthy();
  });

  it('says "analysed on your computer" only where a page was analysed', async () => {
    fakeBackground(() => ({ status: 'ready', report: REPORT }));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByText('Analysed on your computer: nothing left your browser.')).toBeTruthy();
    cleanup();
    fakeBackground(() => ({ status: 'idle' }));
    render(<App pinnedTabId={7} />);
    await screen.findByRole('heading', { name: 'Not analysed yet' });
    expect(screen.queryByText(/nothing left your browser/)).toBeNull();
  });

  it('on a page Sourcier may not read, says how to give access and offers no button that would fail', async () => {
    const sent = fakeBackground(() => ({ status: 'idle', needsClick: true }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'Sourcier has not read this page' })).toBeTruthy();
    expect(screen.getByText(/click the Sourcier button in the browser’s toolbar, or press Alt\+Shift\+S/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Analyse this page' })).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Choose sites analysed automatically']);
    fireEvent.click(screen.getByRole('button', { name: 'Choose sites analysed automatically' }));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#sites$/) });
    expect(sent.filter((m) => m.type === 'analyse-tab')).toEqual([]);
  });

  it('shows an error rather than a blank panel when the background cannot be reached', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    render(<App pinnedTabId={7} />);
    expect(await screen.findByRole('heading', { name: 'The analysis failed' })).toBeTruthy();
  });

  it('follows broadcasts for its tab only', async () => {
    fakeBackground(() => ({ status: 'idle' }));
    render(<App pinnedTabId={7} />);
    await screen.findByRole('heading', { name: 'Not analysed yet' });
    await broadcast(8, { status: 'ready', report: REPORT });
    expect(screen.queryByRole('heading', { name: 'Sourcing score' })).toBeNull();
    await broadcast(7, { status: 'error', message: 'boom' });
    expect(await screen.findByRole('heading', { name: 'The analysis failed' })).toBeTruthy();
  });
});

describe('following the active tab', () => {
  it('shows the active tab of its own window and switches with it', async () => {
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }] as never);
    const sent = fakeBackground((tabId) => (tabId === 4 ? { status: 'ready', report: REPORT } : { status: 'idle' }));
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Not analysed yet' })).toBeTruthy();
    expect(sent).toContainEqual({ type: 'get-tab-state', tabId: 3 });

    // A tab activated in another window is not this panel's business.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 4, windowId: 2 });
    expect(sent).not.toContainEqual({ type: 'get-tab-state', tabId: 4 });

    await fakeBrowser.tabs.onActivated.trigger({ tabId: 4, windowId: 1 });
    expect(await screen.findByRole('heading', { name: 'Sourcing score' })).toBeTruthy();
    expect(sent).toContainEqual({ type: 'get-tab-state', tabId: 4 });
  });

  it('asks again when its tab has loaded a new page', async () => {
    let state: TabState = { status: 'ready', report: REPORT };
    fakeBackground(() => state);
    render(<App pinnedTabId={7} />);
    await screen.findByRole('heading', { name: 'Sourcing score' });
    state = { status: 'idle' };
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as never);
    expect(await screen.findByRole('heading', { name: 'Not analysed yet' })).toBeTruthy();
  });
});

describe('pinned tab', () => {
  it('reads ?tabId=N and ignores anything else', () => {
    expect(pinnedTabIdFrom('?tabId=42')).toBe(42);
    expect(pinnedTabIdFrom('')).toBeUndefined();
    for (const bad of ['?tabId=', '?tabId=-1', '?tabId=4x', '?tabId=1e3', '?tabId=%20']) expect(pinnedTabIdFrom(bad), bad).toBeUndefined();
  });
});

describe('highlights toggle', () => {
  it('hides and shows the highlights of the tab', async () => {
    const sent = fakeBackground(() => ({ status: 'ready', report: REPORT }));
    render(<App pinnedTabId={7} />);
    const toggle = (await screen.findByRole('checkbox', { name: 'Highlight the markers in the page' })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(sent).toContainEqual({ type: 'set-highlights-visible', tabId: 7, visible: false }));
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(sent).toContainEqual({ type: 'set-highlights-visible', tabId: 7, visible: true }));
  });

  it('remembers that the reader hid them: a panel opened later keeps them hidden on the page', async () => {
    const first = fakeBackground(() => ({ status: 'ready', report: REPORT }));
    render(<App pinnedTabId={7} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Highlight the markers in the page' }));
    await waitFor(() => expect(first).toContainEqual({ type: 'set-highlights-visible', tabId: 7, visible: false }));
    cleanup();
    vi.restoreAllMocks();

    const later = fakeBackground(() => ({ status: 'ready', report: REPORT }));
    render(<App pinnedTabId={8} />);
    const toggle = (await screen.findByRole('checkbox', { name: 'Highlight the markers in the page' })) as HTMLInputElement;
    await waitFor(() => expect(toggle.checked).toBe(false));
    await waitFor(() => expect(later).toContainEqual({ type: 'set-highlights-visible', tabId: 8, visible: false }));
  });
});
