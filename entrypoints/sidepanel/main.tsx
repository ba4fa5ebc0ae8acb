import { render } from 'preact';
import { t, uiLang } from '../../components/i18n';
import '../../components/panel/panel.css';
import { App } from './App';

// `?tabId=N` pins the panel to one tab instead of following the active one (E2E tests open the
// panel page in an ordinary tab this way).
const pinned = new URLSearchParams(location.search).get('tabId');
const pinnedTabId = pinned && /^\d+$/.test(pinned) ? Number(pinned) : undefined;

document.documentElement.lang = uiLang();
document.title = t('panelTitle');
render(<App pinnedTabId={pinnedTabId} />, document.getElementById('app')!);
