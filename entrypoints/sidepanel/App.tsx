// The side panel follows the active tab of its own window (or one pinned tab), asks the background
// for that tab's state, listens for changes, and relays the reader's requests.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '../../components/panel/Panel';
import { parseMessage, tabStateSchema, type Message, type TabState } from '../../extension/messages';

/** The background answers `get-tab-state` / `analyse-tab` with a TabState; anything else is ignored. */
async function ask(message: Message): Promise<TabState | null> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  const parsed = tabStateSchema.safeParse(answer);
  return parsed.success ? parsed.data : null;
}

/**
 * `?tabId=N` pins the panel to one tab instead of following the active one (the E2E tests open the
 * panel page in an ordinary tab this way). Anything but a plain tab id is ignored.
 */
export function pinnedTabIdFrom(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** The reader's choice to hide the highlights is remembered (a trainer who hides them keeps them hidden). */
export const HIGHLIGHTS_VISIBLE_KEY = 'panel:highlightsVisible';

const errorState = (error: unknown): TabState => ({ status: 'error', message: error instanceof Error ? error.message : String(error) });

export function App({ pinnedTabId }: { pinnedTabId?: number }) {
  // undefined: not known yet; null: no tab to analyse in this window.
  const [tabId, setTabId] = useState<number | null | undefined>(pinnedTabId);
  const [state, setState] = useState<TabState | null>(null);
  const [highlightsVisible, setHighlightsVisible] = useState(true);
  const current = useRef({ tabId, highlightsVisible });
  current.current = { tabId, highlightsVisible };

  const refresh = (id: number) => {
    ask({ type: 'get-tab-state', tabId: id })
      .then((answer) => {
        // A late answer for a tab the reader has left is dropped.
        if (current.current.tabId === id) setState(answer ?? { status: 'idle' });
      })
      .catch((error: unknown) => {
        if (current.current.tabId === id) setState(errorState(error));
      });
  };

  // Which tab: the pinned one, or the active tab of the panel's own window.
  useEffect(() => {
    if (pinnedTabId !== undefined) return;
    let windowId: number | undefined;
    let stopped = false;
    (async () => {
      const win = await browser.windows.getCurrent();
      windowId = win?.id;
      const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
      if (!stopped) setTabId(tab?.id ?? null);
    })().catch(() => {
      if (!stopped) setTabId(null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      stopped = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinnedTabId]);

  // The tab's state: asked once, asked again when the tab navigates, and pushed by the background.
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState({ status: 'unsupported', reason: '' });
      return;
    }
    setState(null);
    refresh(tabId);
    const onUpdated = (id: number, change: { status?: string; url?: string }) => {
      if (id === tabId && (change.url !== undefined || change.status === 'complete')) refresh(id);
    };
    const onMessage = (raw: unknown) => {
      const message = parseMessage(raw);
      if (message?.type === 'tab-state-changed' && message.tabId === tabId) setState(message.state);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  useEffect(() => {
    browser.storage.local
      .get(HIGHLIGHTS_VISIBLE_KEY)
      .then((stored) => {
        if (stored[HIGHLIGHTS_VISIBLE_KEY] === false) setHighlightsVisible(false);
      })
      .catch(() => {});
  }, []);

  // Hidden highlights stay hidden on the next report the reader looks at.
  useEffect(() => {
    if (state?.status === 'ready' && !highlightsVisible && typeof tabId === 'number') {
      browser.runtime.sendMessage({ type: 'set-highlights-visible', tabId, visible: false } satisfies Message).catch(() => {});
    }
  }, [state, highlightsVisible]);

  const onAnalyse = () => {
    if (typeof tabId !== 'number') return;
    const id = tabId;
    setState({ status: 'analysing' });
    ask({ type: 'analyse-tab', tabId: id })
      .then((answer) => {
        if (answer && current.current.tabId === id) setState(answer);
      })
      .catch((error: unknown) => {
        if (current.current.tabId === id) setState(errorState(error));
      });
  };

  const onChooseSites = () => {
    browser.tabs.create({ url: browser.runtime.getURL('/options.html#sites') }).catch(() => {});
  };

  const onShowFinding = (findingId: string) => {
    if (typeof tabId !== 'number') return;
    browser.runtime.sendMessage({ type: 'scroll-to-finding', tabId, findingId } satisfies Message).catch(() => {});
  };

  const onHighlightsVisibleChange = (visible: boolean) => {
    setHighlightsVisible(visible);
    browser.storage.local.set({ [HIGHLIGHTS_VISIBLE_KEY]: visible }).catch(() => {});
    if (typeof tabId !== 'number') return;
    browser.runtime.sendMessage({ type: 'set-highlights-visible', tabId, visible } satisfies Message).catch(() => {});
  };

  return (
    <Panel
      state={state}
      highlightsVisible={highlightsVisible}
      onAnalyse={onAnalyse}
      onChooseSites={onChooseSites}
      onShowFinding={onShowFinding}
      onHighlightsVisibleChange={onHighlightsVisibleChange}
    />
  );
}
