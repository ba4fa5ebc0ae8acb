// The background's per-tab memory: what the panel shows for each tab, and the toolbar badge that goes with it.
// MV3 service workers are stopped after ~30 s idle, so states are mirrored in storage.session (memory-only,
// cleared when the browser closes); a plain Map is the fallback where storage.session is missing.
import { browser } from 'wxt/browser';
import { tabStateSchema, type TabState } from './messages';
import type { Band } from '../analyser/taxonomy';
import { BAND_STYLES } from '../components/panel/palette';

const KEY_PREFIX = 'tab-state:';
const IDLE: TabState = { status: 'idle' };

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export class TabStateStore {
  private readonly memory = new Map<number, TabState>();
  private readonly session: SessionArea | undefined = (browser.storage as { session?: SessionArea } | undefined)?.session;

  async get(tabId: number): Promise<TabState> {
    const known = this.memory.get(tabId);
    if (known) return known;
    if (!this.session) return IDLE;
    try {
      const key = KEY_PREFIX + tabId;
      const stored = tabStateSchema.safeParse((await this.session.get(key))[key]);
      if (stored.success) {
        this.memory.set(tabId, stored.data);
        return stored.data;
      }
    } catch {
      // Storage unavailable: the tab starts over.
    }
    return IDLE;
  }

  async set(tabId: number, state: TabState): Promise<void> {
    this.memory.set(tabId, state);
    try {
      // Transient states are not worth a write; a restarted worker shows "Analyse this page" for them.
      if (state.status === 'idle' || state.status === 'analysing') await this.session?.remove(KEY_PREFIX + tabId);
      else await this.session?.set({ [KEY_PREFIX + tabId]: state });
    } catch {
      // Quota or storage error: memory still has it for this worker's life.
    }
  }

  async delete(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    try {
      await this.session?.remove(KEY_PREFIX + tabId);
    } catch {
      // Nothing to clean.
    }
  }
}

/** Badge colours by band (the panel's palette); the number and the button's title carry the meaning too. */
export const BAND_COLOURS: Record<Band, string> = {
  weak: BAND_STYLES.weak.badge,
  mixed: BAND_STYLES.mixed.badge,
  strong: BAND_STYLES.strong.badge,
};
const NEUTRAL_COLOUR = '#5F6368';

export interface Badge {
  text: string;
  colour: string;
  /** The toolbar button's tooltip: says in words what the colour says. */
  title: string;
}

/** Looks up a UI string; `substitutions` fill $1, $2… */
export type Translate = (key: string, substitutions?: (string | number)[]) => string;

/** The badge for a tab's state: the number of red flags, coloured by band; nothing while idle. */
export function badgeFor(state: TabState, t: Translate): Badge {
  switch (state.status) {
    case 'ready': {
      const { redFlags, band, score } = state.report;
      // A report always has both when an article was found; a state that says otherwise shows no verdict.
      if (band === null || score === null) return { text: '–', colour: NEUTRAL_COLOUR, title: t('badgeTitleNoArticle') };
      return {
        text: String(redFlags),
        colour: BAND_COLOURS[band],
        title: t('badgeTitleReady', [redFlags, t(`badgeBand_${band}`), Math.round(score)]),
      };
    }
    case 'analysing':
      return { text: '…', colour: NEUTRAL_COLOUR, title: t('badgeTitleAnalysing') };
    case 'no-article':
      return { text: '–', colour: NEUTRAL_COLOUR, title: t('badgeTitleNoArticle') };
    case 'unsupported':
      return { text: '', colour: NEUTRAL_COLOUR, title: t('badgeTitleUnsupported') };
    case 'error':
      return { text: '!', colour: NEUTRAL_COLOUR, title: t('badgeTitleError') };
    case 'idle':
      return { text: '', colour: NEUTRAL_COLOUR, title: t('actionTitle') };
  }
}
