import { render } from 'preact';
import { t, uiLang } from '../../components/i18n';
import '../../components/options/options.css';
import { OptionsPage } from '../../components/options/OptionsPage';
import { localizeZodMessages } from '../../components/options/errors';

document.documentElement.lang = uiLang();
localizeZodMessages();
document.title = t('options_title');
render(<OptionsPage />, document.getElementById('app')!);
