import { render } from 'preact';
import { t, uiLang } from '../../components/i18n';
import '../../components/panel/panel.css';
import { App, pinnedTabIdFrom } from './App';

const pinnedTabId = pinnedTabIdFrom(location.search);

document.documentElement.lang = uiLang();
document.title = t('panelTitle');
render(<App pinnedTabId={pinnedTabId} />, document.getElementById('app')!);
