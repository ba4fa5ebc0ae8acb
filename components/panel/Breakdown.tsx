// How the score came about: markers counted per category (a small SVG bar chart whose numbers are
// also written as text) and the score's contributions, one line per rule of the score.
import { reportLangOf, type Report } from '../../analyser/report';
import { RED_FLAG_CATEGORIES, SENTENCE_CATEGORIES } from '../../analyser/taxonomy';
import { t, uiLang } from '../i18n';
import { CategoryIcon, FlagIcon } from './CategoryIcon';
import { categoryName } from './labels';

export function CategoryChart({ report }: { report: Report }) {
  const max = Math.max(1, ...SENTENCE_CATEGORIES.map((c) => report.counts[c] ?? 0));
  return (
    <ul class="chart" aria-labelledby="counts-heading">
      {SENTENCE_CATEGORIES.map((category) => {
        const count = report.counts[category] ?? 0;
        const redFlag = RED_FLAG_CATEGORIES.includes(category);
        return (
          <li key={category} class={`chart-row cat-${category}${count ? '' : ' is-zero'}`}>
            <span class="chart-label">
              <CategoryIcon category={category} />
              <span>{categoryName(category)}</span>
              {redFlag && (
                <span class="tag tag-flag" title={t('panelRedFlag')}>
                  <FlagIcon />
                  <span class="visually-hidden">{t('panelRedFlag')}</span>
                </span>
              )}
            </span>
            <span class="chart-count">{count}</span>
            <svg class="chart-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="chart-bar-track" x="0" y="0" width="100" height="6" />
              <rect class="chart-bar-value" x="0" y="0" width={(count / max) * 100} height="6" />
            </svg>
          </li>
        );
      })}
    </ul>
  );
}

const startsWithPoints = /^\s*[-−+–]?\s*\d/;

/** Each line that rests on findings offers to show its first one: every point traces back to the page. */
export function Contributions({ report, onShowFinding }: { report: Report; onShowFinding(findingId: string): void }) {
  if (report.contributions.length === 0) return <p class="muted">{t('panelNoContributions')}</p>;
  return (
    <ul class="contributions" lang={reportLangOf(report)}>
      {report.contributions.map((c, i) => {
        const sign = c.points > 0 ? 'plus' : c.points < 0 ? 'minus' : 'zero';
        // The label normally starts with its points ("−12: …"); when it does not, write them first.
        const points = c.points > 0 ? `+${c.points}` : c.points < 0 ? `−${Math.abs(c.points)}` : '0';
        return (
          <li key={`${c.key}-${i}`} class={`contribution contribution-${sign}`}>
            <svg class="contribution-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d={sign === 'plus' ? 'M6 1.5l4.5 7h-9z' : sign === 'minus' ? 'M6 10.5l-4.5-7h9z' : 'M2 5h8v2H2z'} fill="currentColor" />
            </svg>
            <span id={`contribution-${i}`}>{startsWithPoints.test(c.label) ? c.label : `${points}: ${c.label}`}</span>
            {c.findingIds.length > 0 && (
              <button
                type="button"
                class="link-button"
                lang={uiLang()}
                aria-describedby={`contribution-${i}`}
                onClick={() => {
                  const first = c.findingIds[0]!;
                  // Focusing the finding makes it the list's current one; the page scrolls to it too.
                  document.querySelector<HTMLElement>(`.finding-main[data-finding-id="${CSS.escape(first)}"]`)?.focus();
                  onShowFinding(first);
                }}
              >
                {t('panelShowMarkers')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
