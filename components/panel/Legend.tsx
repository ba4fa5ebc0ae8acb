// What each highlight colour means in the page: a sample of the highlight (colour and underline
// style), the category's shape and its name.
import { RED_FLAG_CATEGORIES, SENTENCE_CATEGORIES } from '../../analyser/taxonomy';
import { t } from '../i18n';
import { CategoryIcon, FlagIcon } from './CategoryIcon';
import { categoryName } from './labels';

export function Legend() {
  return (
    <ul class="legend">
      {SENTENCE_CATEGORIES.map((category) => (
        <li key={category} class={`legend-item cat-${category}`}>
          <span class="legend-sample" aria-hidden="true">
            {t('panelLegendSample')}
          </span>
          <CategoryIcon category={category} />
          <span>{categoryName(category)}</span>
          {RED_FLAG_CATEGORIES.includes(category) && (
            <span class="tag tag-flag" title={t('panelRedFlag')}>
              <FlagIcon />
              <span class="visually-hidden">{t('panelRedFlag')}</span>
            </span>
          )}
        </li>
      ))}
      <li class="legend-item legend-flag">
        <span class="tag tag-flag" aria-hidden="true">
          <FlagIcon />
        </span>
        <span>{t('panelRedFlag')}</span>
      </li>
    </ul>
  );
}
