import { render } from 'preact';
import { t, uiLang } from '../../components/i18n';
import '../../components/options/options.css';
import { OptionsPage } from '../../components/options/OptionsPage';

document.documentElement.lang = uiLang();
document.title = t('options_title');
render(<OptionsPage />, document.getElementById('app')!);
